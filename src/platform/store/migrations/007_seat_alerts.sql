-- A person whose collectivité's place on a cycle is already held by a colleague can ask
-- to be e-mailed if that place frees up (the colleague cancels). One request per person
-- and cycle; notified_at is set when the e-mail is queued, so it goes once.
CREATE TABLE seat_alerts (
  id {{pk}},
  cycle_id BIGINT NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  collectivite_id TEXT NOT NULL REFERENCES collectivites(id),
  created_at BIGINT NOT NULL,
  notified_at BIGINT
);
CREATE UNIQUE INDEX seat_alerts_one_per_person ON seat_alerts (cycle_id, user_id);
CREATE INDEX seat_alerts_collectivite ON seat_alerts (cycle_id, collectivite_id);
