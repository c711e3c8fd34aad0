-- Running a cycle: session plans, the live runner, breakout groups, attendance,
-- co-development posts, action leads, feedback, testimonials and theme suggestions.

-- Reusable session plans. phases is JSON: [{"key","title","minutes","in_groups"}].
CREATE TABLE plan_templates (
  id {{pk}},
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  phases TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- The plan of one session: a copy of a template the facilitator may edit.
CREATE TABLE session_plans (
  session_id BIGINT PRIMARY KEY REFERENCES cycle_sessions(id) ON DELETE CASCADE,
  phases TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Where a session stands while it runs. phase_index -1: not started; equal to the
-- number of phases: ended. Times in milliseconds (UTC). version grows on every change
-- so pages can tell they are stale.
CREATE TABLE live_states (
  session_id BIGINT PRIMARY KEY REFERENCES cycle_sessions(id) ON DELETE CASCADE,
  phase_index INTEGER NOT NULL DEFAULT -1,
  phase_started_at_ms BIGINT NOT NULL DEFAULT 0,
  paused_at_ms BIGINT,
  paused_total_ms BIGINT NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 0,
  updated_at_ms BIGINT NOT NULL
);

-- Breakout groups of a session (groups numbered from 1); is_client: this person's
-- situation is the one the group treats; locked: kept by the facilitator when re-planning.
CREATE TABLE session_groups (
  session_id BIGINT NOT NULL REFERENCES cycle_sessions(id) ON DELETE CASCADE,
  registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  group_number INTEGER NOT NULL CHECK (group_number >= 1),
  is_client INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, registration_id)
);
CREATE INDEX session_groups_group ON session_groups (session_id, group_number);

-- Attendance per session, entered by the facilitator (also ahead of time, for a
-- known absence, so the groups can be re-planned without that person).
CREATE TABLE attendance (
  session_id BIGINT NOT NULL REFERENCES cycle_sessions(id) ON DELETE CASCADE,
  registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent')),
  recorded_at BIGINT NOT NULL,
  absence_mail_at BIGINT,
  PRIMARY KEY (session_id, registration_id)
);

-- Short written ideas posted to the client of a group during the consultation.
CREATE TABLE group_posts (
  id {{pk}},
  session_id BIGINT NOT NULL REFERENCES cycle_sessions(id) ON DELETE CASCADE,
  group_number INTEGER NOT NULL,
  author_registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX group_posts_group ON group_posts (session_id, group_number, id);

-- Action leads (pistes d'action) a participant records, and where they stand.
CREATE TABLE action_leads (
  id {{pk}},
  registration_id BIGINT NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
  session_id BIGINT NOT NULL REFERENCES cycle_sessions(id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
  progress_note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX action_leads_registration ON action_leads (registration_id, id);

-- The questionnaire after the last session, one per registration.
CREATE TABLE feedback (
  registration_id BIGINT PRIMARY KEY REFERENCES registrations(id) ON DELETE CASCADE,
  satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  usefulness INTEGER NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
  would_recommend INTEGER NOT NULL CHECK (would_recommend IN (0, 1)),
  comment TEXT NOT NULL DEFAULT '',
  submitted_at BIGINT NOT NULL
);
-- When the questionnaire was e-mailed (once per registration).
ALTER TABLE registrations ADD COLUMN feedback_requested_at BIGINT;

-- Testimonials left by participants: published only with their explicit consent
-- (consent_at) and after an organiser's review (published = 1).
ALTER TABLE testimonials ADD COLUMN user_id BIGINT REFERENCES users(id) ON DELETE SET NULL;
ALTER TABLE testimonials ADD COLUMN cycle_id BIGINT REFERENCES cycles(id) ON DELETE SET NULL;
ALTER TABLE testimonials ADD COLUMN consent_at BIGINT;
ALTER TABLE testimonials ADD COLUMN submitted_at BIGINT;

-- Themes suggested for future cycles, and who supports them.
CREATE TABLE theme_suggestions (
  id {{pk}},
  author_user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'planned', 'closed')),
  created_at BIGINT NOT NULL
);
CREATE TABLE theme_supports (
  suggestion_id BIGINT NOT NULL REFERENCES theme_suggestions(id) ON DELETE CASCADE,
  user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (suggestion_id, user_id)
);
