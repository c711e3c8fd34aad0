-- Registrations to cycles. The database itself guarantees the agency's rules:
--   one active registration per person and cycle (registrations_one_per_person);
--   one collectivité per cycle: collectivite_slot is set while a registration holds
--   the collectivité's place (confirmed or waiting in "premier arrivé", confirmed in
--   "sur candidature") and is unique per cycle;
--   no seat given twice: confirmed registrations hold a numbered seat, unique per cycle.
CREATE TABLE registrations (
  id {{pk}},
  cycle_id BIGINT NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  collectivite_id TEXT NOT NULL REFERENCES collectivites(id),
  collectivite_slot TEXT,
  mandate TEXT NOT NULL,
  function_title TEXT NOT NULL,
  situation TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('applied', 'confirmed', 'waiting', 'declined', 'cancelled')),
  seat INTEGER CHECK (seat IS NULL OR seat >= 1),
  arrival BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX registrations_one_per_person ON registrations (cycle_id, user_id)
  WHERE status IN ('applied', 'confirmed', 'waiting');
CREATE UNIQUE INDEX registrations_one_per_collectivite ON registrations (cycle_id, collectivite_slot);
CREATE UNIQUE INDEX registrations_seat ON registrations (cycle_id, seat);
CREATE INDEX registrations_user ON registrations (user_id);
CREATE INDEX registrations_cycle_status ON registrations (cycle_id, status, arrival);

-- Who did what in the back office, and when.
CREATE TABLE audit_log (
  id {{pk}},
  actor_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);

-- Reminders sent (kind: "j-2" or "h-1"), so the worker sends each once, even across restarts.
CREATE TABLE session_reminders (
  session_id BIGINT NOT NULL REFERENCES cycle_sessions(id) ON DELETE CASCADE,
  registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (session_id, registration_id, kind)
);

-- Secret of each person's private calendar feed URL.
ALTER TABLE users ADD COLUMN calendar_token TEXT;
CREATE UNIQUE INDEX users_calendar_token ON users (calendar_token);

-- Tokens for the organisers' API (only the hash is kept).
CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- A cycle may be reserved to one région (empty: open to every territory).
ALTER TABLE cycles ADD COLUMN region_code TEXT NOT NULL DEFAULT '';
