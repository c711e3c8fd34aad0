-- The questionnaire after an event: one row of answers per registration, edited in place
-- until the questionnaire closes. questions_version says which set of questions was
-- answered, so a later set never reinterprets these answers. The invitation e-mail is
-- claimed in event_reminders (kind 'questionnaire'), once per registration.
CREATE TABLE event_questionnaire_answers (
  registration_id BIGINT PRIMARY KEY REFERENCES event_registrations(id) ON DELETE CASCADE,
  questions_version INTEGER NOT NULL DEFAULT 1,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  useful_item_id BIGINT REFERENCES event_items(id) ON DELETE SET NULL,
  next_step TEXT NOT NULL CHECK (next_step IN ('contact', 'action', 'share', 'undecided')),
  comment TEXT NOT NULL DEFAULT '',
  answered_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
