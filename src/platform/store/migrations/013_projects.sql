-- The project method of the Fabrique des Transitions (features/projects): a territorial
-- project, its team and advisors, three staged deliverables whose questions are versioned
-- data (data/projects/livrables-v1.json), drafts per question with a version number for
-- optimistic concurrency, frozen submissions, advisors' comments and decisions.
-- plan_action_id will point at the programmes module's plan actions once both are merged
-- (no foreign key yet, on purpose).
CREATE TABLE projects (
  id {{pk}},
  title TEXT NOT NULL,
  territory_id TEXT NOT NULL REFERENCES collectivites(id),
  summary TEXT NOT NULL DEFAULT '',
  question_set TEXT NOT NULL,
  plan_action_id INTEGER,
  demo INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX projects_territory ON projects (territory_id);

-- Members by e-mail, so an organiser may add someone before they have an account.
CREATE TABLE project_members (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  email TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('team', 'advisor')),
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX project_members_once ON project_members (project_id, email);
CREATE INDEX project_members_email ON project_members (email);

-- The question sets, one row per question; a set is never changed once loaded.
CREATE TABLE deliverable_questions (
  id {{pk}},
  question_set TEXT NOT NULL,
  deliverable INTEGER NOT NULL CHECK (deliverable BETWEEN 1 AND 3),
  deliverable_title TEXT NOT NULL,
  deliverable_purpose TEXT NOT NULL,
  position INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE UNIQUE INDEX deliverable_questions_position ON deliverable_questions (question_set, deliverable, position);

-- state: locked | draft | submitted | a_reprendre | valide (projects/domain/stages.hpp).
CREATE TABLE project_deliverables (
  id {{pk}},
  project_id BIGINT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 3),
  state TEXT NOT NULL CHECK (state IN ('locked', 'draft', 'submitted', 'a_reprendre', 'valide')),
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX project_deliverables_once ON project_deliverables (project_id, number);

-- The current draft of one answer; version grows by one at each save.
CREATE TABLE deliverable_answers (
  deliverable_id BIGINT NOT NULL REFERENCES project_deliverables(id) ON DELETE CASCADE,
  question_id BIGINT NOT NULL REFERENCES deliverable_questions(id),
  text TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (deliverable_id, question_id)
);

-- A frozen version: numbered 1, 2… per deliverable; decision empty while awaiting review.
CREATE TABLE deliverable_submissions (
  id {{pk}},
  deliverable_id BIGINT NOT NULL REFERENCES project_deliverables(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,
  decision TEXT NOT NULL DEFAULT '' CHECK (decision IN ('', 'a_reprendre', 'valide')),
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at BIGINT
);
CREATE UNIQUE INDEX deliverable_submissions_number ON deliverable_submissions (deliverable_id, number);

CREATE TABLE submission_answers (
  submission_id BIGINT NOT NULL REFERENCES deliverable_submissions(id) ON DELETE CASCADE,
  question_id BIGINT NOT NULL REFERENCES deliverable_questions(id),
  text TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (submission_id, question_id)
);
