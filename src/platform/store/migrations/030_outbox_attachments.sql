-- Files sent with a queued e-mail (docs/mail.md). The bytes are stored as base64 text,
-- the form they take in the message anyway: SOCI 4.0 binds BYTEA on PostgreSQL as text
-- and its blob type means large objects there, so text is the one column type that
-- carries binary the same way on SQLite and PostgreSQL. Rows go once the mail is sent.
CREATE TABLE outbox_attachments (
  id {{pk}},
  outbox_id BIGINT NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  content_base64 TEXT NOT NULL
);
CREATE INDEX outbox_attachments_outbox ON outbox_attachments (outbox_id, id);

-- When the person last asked for their attendance certificate by e-mail: a second press
-- of the button shortly after does not send it again (features/events).
ALTER TABLE event_registrations ADD COLUMN certificate_mailed_at BIGINT;
