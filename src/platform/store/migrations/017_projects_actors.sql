-- Projects (features/projects), after 013: who is around the table (actors of the
-- stakeholder map with their role in the schéma actantiel, links between them), the
-- cooperation log ("Raconter la coopération") and the sessions where the team and its
-- stakeholders deliberate on the value created.

-- category: elu | agent | etat_territorial | acteur_socio_economique (the "4 fantastiques")
-- | habitant | autre; actant: '' or one of projects/domain/actors.hpp; influence and
-- interest 1–3; x, y: where someone dragged the node (NULL: the computed layout).
CREATE TABLE project_actors (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
  category TEXT NOT NULL,
  actant TEXT NOT NULL DEFAULT '',
  influence INTEGER NOT NULL CHECK (influence BETWEEN 1 AND 3),
  interest INTEGER NOT NULL CHECK (interest BETWEEN 1 AND 3),
  stance TEXT NOT NULL CHECK (stance IN ('soutien', 'neutre', 'reserve', 'oppose')),
  notes TEXT NOT NULL DEFAULT '',
  x INTEGER,
  y INTEGER,
  created_at BIGINT NOT NULL
);
CREATE INDEX project_actors_project ON project_actors (project_id);

-- kind: influence ("a une influence sur…") | action (chain of actions, ordered 0, 1…).
CREATE TABLE project_actor_links (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  from_actor BIGINT NOT NULL REFERENCES project_actors(id) ON DELETE CASCADE,
  to_actor BIGINT NOT NULL REFERENCES project_actors(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('influence', 'action')),
  step INTEGER,
  label TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX project_actor_links_project ON project_actor_links (project_id);

-- kind: espace_reflexif | groupe_de_pairs | differend | autre; happened_on: Paris date.
CREATE TABLE project_cooperation_log (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  happened_on TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('espace_reflexif', 'groupe_de_pairs', 'differend', 'autre')),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  written_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX project_cooperation_log_project ON project_cooperation_log (project_id, happened_on);

-- dimension_set: the version of data/projects/valeur-*.json the session was held with.
CREATE TABLE project_value_sessions (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  held_on TEXT NOT NULL,
  participants TEXT NOT NULL,
  conclusions TEXT NOT NULL DEFAULT '',
  dimension_set TEXT NOT NULL,
  written_by TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX project_value_sessions_project ON project_value_sessions (project_id, held_on);

-- One row per dimension discussed; the label is copied so a later set cannot rename the past.
CREATE TABLE project_value_entries (
  session_id BIGINT NOT NULL REFERENCES project_value_sessions(id) ON DELETE CASCADE,
  dimension TEXT NOT NULL,
  label TEXT NOT NULL,
  observed TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  indicator TEXT NOT NULL DEFAULT '',
  indicator_value TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (session_id, dimension)
);
