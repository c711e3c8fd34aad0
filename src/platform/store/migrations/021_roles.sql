-- Invitations sent by organisers from /admin/roles to someone who has no account yet:
-- a facilitator of a cycle (role 'facilitator', cycle_id) or a provider of a programme
-- territory (role 'provider', programme_id and territory_id; the programme membership is
-- written at once, by e-mail). Only the link's hash is kept, as for sessions; the link
-- works once (used_at) and until expires_at.
CREATE TABLE role_invitations (
  id {{pk}},
  token_hash TEXT NOT NULL UNIQUE,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'provider')),
  cycle_id BIGINT REFERENCES cycles(id) ON DELETE CASCADE,
  programme_id BIGINT REFERENCES programmes(id) ON DELETE CASCADE,
  territory_id BIGINT REFERENCES programme_territories(id) ON DELETE CASCADE,
  invited_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  CHECK ((role = 'facilitator') = (cycle_id IS NOT NULL))
);
CREATE INDEX role_invitations_email ON role_invitations (email);

-- A registration an organiser made on the person's behalf ("inscrit par l’équipe"): who.
ALTER TABLE registrations ADD COLUMN registered_by BIGINT REFERENCES users(id) ON DELETE SET NULL;
