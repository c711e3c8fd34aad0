-- Event reminders sent (kind "j-7" or "j-1"), so the worker sends each once per
-- registration, even across restarts and with several workers on one database.
CREATE TABLE event_reminders (
  registration_id BIGINT NOT NULL REFERENCES event_registrations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (registration_id, kind)
);
