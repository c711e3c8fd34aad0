-- Accompaniment programmes (Territoires d'engagement): a programme follows territories
-- (collectivités of the referential) for three years, from a diagnostic against the
-- know-how grid to annual reviews. The database itself guarantees:
--   one territory per collectivité and programme (programme_territories_once);
--   one membership per person, role and territory (programme_members_once);
--   an answer names a criterion of the very grid version its assessment uses (the
--   (criterion_id, grid_version_id) foreign key), so a new grid version never rewrites
--   old answers;
--   a reminder is sent once (programme_reminders_once).
CREATE TABLE programmes (
  id {{pk}},
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  starts_year INTEGER NOT NULL,
  years INTEGER NOT NULL DEFAULT 3 CHECK (years BETWEEN 1 AND 10),
  demo INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);

-- The know-how grid as versioned data (data/programmes/grille-savoir-faire-vN.json).
CREATE TABLE grid_versions (
  id {{pk}},
  version INTEGER NOT NULL UNIQUE,
  title TEXT NOT NULL,
  notice TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0,
  min_level INTEGER NOT NULL,
  max_level INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE grid_families (
  id {{pk}},
  grid_version_id BIGINT NOT NULL REFERENCES grid_versions(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL
);
CREATE UNIQUE INDEX grid_families_code ON grid_families (grid_version_id, code);

CREATE TABLE grid_criteria (
  id {{pk}},
  grid_version_id BIGINT NOT NULL REFERENCES grid_versions(id) ON DELETE CASCADE,
  family_id BIGINT NOT NULL REFERENCES grid_families(id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL
);
CREATE UNIQUE INDEX grid_criteria_code ON grid_criteria (grid_version_id, code);
CREATE UNIQUE INDEX grid_criteria_version ON grid_criteria (id, grid_version_id);

-- The scale (value, label, general descriptor) and each criterion's own descriptor per level.
CREATE TABLE grid_levels (
  id {{pk}},
  grid_version_id BIGINT NOT NULL REFERENCES grid_versions(id) ON DELETE CASCADE,
  value INTEGER NOT NULL,
  label TEXT NOT NULL,
  descriptor TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX grid_levels_value ON grid_levels (grid_version_id, value);

CREATE TABLE grid_criterion_levels (
  criterion_id BIGINT NOT NULL REFERENCES grid_criteria(id) ON DELETE CASCADE,
  value INTEGER NOT NULL,
  descriptor TEXT NOT NULL,
  PRIMARY KEY (criterion_id, value)
);

-- A territory of the programme: a collectivité (commune, EPCI, PETR…) of the referential.
CREATE TABLE programme_territories (
  id {{pk}},
  programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  collectivite_id TEXT NOT NULL REFERENCES collectivites(id),
  label TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX programme_territories_once ON programme_territories (programme_id, collectivite_id);

-- role: territory_team | provider (territory_id set) | manager (territory_id NULL: the
-- whole programme). An invited person without an account yet is kept by e-mail; the
-- membership is tied to the account when it exists.
CREATE TABLE programme_members (
  id {{pk}},
  programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
  territory_id BIGINT REFERENCES programme_territories(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  role TEXT NOT NULL CHECK (role IN ('territory_team', 'provider', 'manager')),
  organisation TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  CHECK ((role = 'manager') = (territory_id IS NULL))
);
CREATE UNIQUE INDEX programme_members_once ON programme_members (programme_id, email, role, COALESCE(territory_id, 0));
CREATE INDEX programme_members_user ON programme_members (user_id);

-- An assessment of a territory against one grid version: the diagnostic (year 0) or an
-- annual review (year 1..3). Identity fields belong to the diagnostic.
CREATE TABLE assessments (
  id {{pk}},
  territory_id BIGINT NOT NULL REFERENCES programme_territories(id) ON DELETE CASCADE,
  grid_version_id BIGINT NOT NULL REFERENCES grid_versions(id),
  year INTEGER NOT NULL CHECK (year BETWEEN 0 AND 10),
  history TEXT NOT NULL DEFAULT '',
  geography TEXT NOT NULL DEFAULT '',
  culture TEXT NOT NULL DEFAULT '',
  main_actors TEXT NOT NULL DEFAULT '',
  interactions TEXT NOT NULL DEFAULT '',
  successes TEXT NOT NULL DEFAULT '',
  updated_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  updated_at BIGINT NOT NULL,
  completed_at BIGINT
);
CREATE UNIQUE INDEX assessments_once ON assessments (territory_id, year);

CREATE TABLE assessment_answers (
  assessment_id BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  criterion_id BIGINT NOT NULL,
  grid_version_id BIGINT NOT NULL,
  level INTEGER,
  evidence TEXT NOT NULL DEFAULT '',  -- text or a link; files are not accepted
  strengths TEXT NOT NULL DEFAULT '',
  gaps TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, criterion_id),
  FOREIGN KEY (criterion_id, grid_version_id) REFERENCES grid_criteria(id, grid_version_id)
);

-- The three-year plan: versions (status draft | adopted; adopting freezes a snapshot of
-- the actions as JSON), actions and their follow-ups.
CREATE TABLE plan_versions (
  id {{pk}},
  territory_id BIGINT NOT NULL REFERENCES programme_territories(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'adopted')),
  snapshot TEXT NOT NULL DEFAULT '',
  adopted_at BIGINT,
  adopted_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX plan_versions_number ON plan_versions (territory_id, number);

-- project_id: a project of the projects module, linked later (no foreign key on purpose).
CREATE TABLE plan_actions (
  id {{pk}},
  territory_id BIGINT NOT NULL REFERENCES programme_territories(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('formation', 'conduite_changement', 'projet_phare')),
  years TEXT NOT NULL,          -- "1,2"
  families TEXT NOT NULL DEFAULT '',  -- family codes, "cooperer,faciliter"
  providers TEXT NOT NULL DEFAULT '',
  field_support TEXT NOT NULL DEFAULT '',  -- "cifre,vta"
  status TEXT NOT NULL CHECK (status IN ('proposee', 'en_cours', 'bloquee', 'faite', 'abandonnee')),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  project_id BIGINT,
  updated_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX plan_actions_territory ON plan_actions (territory_id, status);

CREATE TABLE action_follow_ups (
  id {{pk}},
  action_id BIGINT NOT NULL REFERENCES plan_actions(id) ON DELETE CASCADE,
  author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  author_name TEXT NOT NULL DEFAULT '',
  status_before TEXT NOT NULL,
  status_after TEXT NOT NULL,
  progress_before INTEGER NOT NULL,
  progress_after INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX action_follow_ups_action ON action_follow_ups (action_id, created_at);

-- Supervision notes: visibility territory (shared with the territory) | internal (ANCT).
CREATE TABLE supervision_notes (
  id {{pk}},
  territory_id BIGINT NOT NULL REFERENCES programme_territories(id) ON DELETE CASCADE,
  visibility TEXT NOT NULL CHECK (visibility IN ('territory', 'internal')),
  body TEXT NOT NULL,
  author_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  noted_on TEXT NOT NULL,  -- Paris date
  created_at BIGINT NOT NULL
);
CREATE INDEX supervision_notes_territory ON supervision_notes (territory_id, noted_on);

-- Adjustments decided at an annual review, each with a reason.
CREATE TABLE review_adjustments (
  id {{pk}},
  assessment_id BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  action_id BIGINT REFERENCES plan_actions(id) ON DELETE SET NULL,
  kind TEXT NOT NULL CHECK (kind IN ('added', 'changed', 'dropped', 'postponed')),
  title TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- What reminders were sent, so that each goes once: key names the reminder
-- ("follow_up:ACTION:WEEK", "review:TERRITORY:YEAR").
CREATE TABLE programme_reminders (
  id {{pk}},
  reminder_key TEXT NOT NULL,
  sent_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX programme_reminders_once ON programme_reminders (reminder_key);
