-- ProConnect sign-in (docs/identity.md).

-- One sign-in under way: the browser holds the state in a cookie, we keep its hash, the
-- nonce the ID token must carry, and the page to return to. Deleted when the provider
-- comes back (used once) or after ten minutes.
CREATE TABLE proconnect_attempts (
  state_hash TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  next_path TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);

-- Who ProConnect said an account's owner is, as of the last sign-in. The SIRET names the
-- employer; collectivite_id is its collectivité when the SIRET's SIREN is in the
-- referential (a verified agent of that collectivité), empty otherwise.
CREATE TABLE proconnect_identities (
  user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  sub TEXT NOT NULL,
  idp_id TEXT NOT NULL,
  uid TEXT NOT NULL DEFAULT '',
  siret TEXT NOT NULL DEFAULT '',
  collectivite_id TEXT REFERENCES collectivites(id),
  signed_in_at BIGINT NOT NULL
);

-- The ID token of a session opened through ProConnect, for logout (id_token_hint).
CREATE TABLE proconnect_sessions (
  session_hash TEXT PRIMARY KEY REFERENCES web_sessions(token_hash) ON DELETE CASCADE,
  id_token TEXT NOT NULL
);

CREATE INDEX collectivites_siren ON collectivites (siren);

-- An organiser's word on a person's collectivité (élus rarely have ProConnect): confirmed
-- or contested. It outweighs what ProConnect said; the audit journal keeps the history.
CREATE TABLE collectivite_reviews (
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  collectivite_id TEXT NOT NULL REFERENCES collectivites(id),
  decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'contested')),
  decided_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  decided_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, collectivite_id)
);
