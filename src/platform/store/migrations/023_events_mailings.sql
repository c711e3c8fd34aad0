-- E-mails organisers send to an event's registrants. The form carries a one-time token:
-- a second submission of the same form (double click, reload) finds its row and queues
-- nothing again.
CREATE TABLE event_mailings (
  token TEXT PRIMARY KEY,
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  audience TEXT NOT NULL,
  subject TEXT NOT NULL,
  recipients INTEGER NOT NULL,
  sent_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  sent_at BIGINT NOT NULL
);
