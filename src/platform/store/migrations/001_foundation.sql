-- Referential: régions, départements and every collectivité a person can belong to.
CREATE TABLE regions (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  zone TEXT NOT NULL
);

CREATE TABLE departements (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  region_code TEXT NOT NULL REFERENCES regions(code),
  zone TEXT NOT NULL
);

-- id is "<kind>:<code>": commune:42168, epci:244200895, departement:42, region:84.
CREATE TABLE collectivites (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  search_name TEXT NOT NULL,
  epci_type TEXT NOT NULL DEFAULT '',
  population BIGINT NOT NULL DEFAULT 0,
  size_class TEXT NOT NULL,
  zone TEXT NOT NULL DEFAULT 'metro',
  departement_code TEXT NOT NULL DEFAULT '',
  region_code TEXT NOT NULL DEFAULT '',
  siren TEXT NOT NULL DEFAULT '',
  epci_id TEXT
);
CREATE INDEX collectivites_search ON collectivites (search_name);
CREATE INDEX collectivites_code ON collectivites (code);
CREATE INDEX collectivites_epci ON collectivites (epci_id);

-- Accounts.
CREATE TABLE users (
  id {{pk}},
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  full_name TEXT NOT NULL,
  collectivite_id TEXT REFERENCES collectivites(id),
  function_title TEXT NOT NULL DEFAULT '',
  mandate TEXT NOT NULL DEFAULT '',
  confirmed_at BIGINT,
  created_at BIGINT NOT NULL
);

-- scope is empty for global roles, a cycle slug for "facilitator".
CREATE TABLE user_roles (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  scope TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (user_id, role, scope)
);

CREATE TABLE web_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX web_sessions_user ON web_sessions (user_id);

-- One-time links sent by e-mail: purpose is "confirm" or "reset".
CREATE TABLE account_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  purpose TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

CREATE TABLE login_attempts (
  id {{pk}},
  email TEXT NOT NULL,
  remote TEXT NOT NULL,
  at BIGINT NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_remote ON login_attempts (remote, at);

-- Outgoing e-mail, written in the transaction of the action that causes it.
CREATE TABLE outbox (
  id {{pk}},
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox (sent_at, locked_until);

-- Ateliers interactifs: cycles, their facilitators and dated sessions.
CREATE TABLE facilitators (
  id {{pk}},
  slug TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  bio TEXT NOT NULL DEFAULT '',
  user_id BIGINT REFERENCES users(id) ON DELETE SET NULL
);

CREATE TABLE cycles (
  id {{pk}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  theme TEXT NOT NULL,
  summary TEXT NOT NULL,
  description TEXT NOT NULL,
  territory_types TEXT NOT NULL DEFAULT '',
  facilitator_id BIGINT REFERENCES facilitators(id),
  capacity INTEGER NOT NULL DEFAULT 15 CHECK (capacity >= 0),
  mode TEXT NOT NULL DEFAULT 'first_come',
  status TEXT NOT NULL DEFAULT 'draft',
  registration_opens_at BIGINT,
  registration_closes_at BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE cycle_sessions (
  id {{pk}},
  cycle_id BIGINT NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  visio_url TEXT NOT NULL DEFAULT '',
  sequence INTEGER NOT NULL DEFAULT 0,
  UNIQUE (cycle_id, number)
);
CREATE INDEX cycle_sessions_start ON cycle_sessions (starts_at);

CREATE TABLE testimonials (
  id {{pk}},
  slug TEXT NOT NULL UNIQUE,
  author TEXT NOT NULL,
  role_text TEXT NOT NULL,
  place TEXT NOT NULL,
  quote TEXT NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contacts (
  id {{pk}},
  email TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0
);
