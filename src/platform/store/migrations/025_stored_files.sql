-- Files people upload (an event's slides, a diagnostic's evidence). The bytes live on disk
-- under the files directory (--files-dir), named by storage_key, a random name that says
-- nothing about the file; this row says what it is. media_type is what the first bytes
-- showed, never what the browser claimed. Rows referring to a file delete it through the
-- platform (platform/files), which also removes the bytes.
CREATE TABLE stored_files (
  id {{pk}},
  storage_key TEXT NOT NULL UNIQUE,
  original_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by BIGINT REFERENCES users(id) ON DELETE SET NULL,
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX stored_files_uploader ON stored_files (uploaded_by);

-- Documents published after an event as files, beside its links (event_links).
CREATE TABLE event_files (
  id {{pk}},
  event_id BIGINT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  file_id BIGINT NOT NULL REFERENCES stored_files(id),
  title TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX event_files_event ON event_files (event_id, id);
CREATE UNIQUE INDEX event_files_file ON event_files (file_id);

-- Evidence given as a file for an answer of a diagnostic or an annual review (issue 12),
-- beside the answer's text or link; seen by whoever may read the territory's workspace.
CREATE TABLE assessment_evidence_files (
  id {{pk}},
  assessment_id BIGINT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
  criterion_id BIGINT NOT NULL,
  file_id BIGINT NOT NULL REFERENCES stored_files(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX assessment_evidence_files_assessment ON assessment_evidence_files (assessment_id, criterion_id, id);
CREATE UNIQUE INDEX assessment_evidence_files_file ON assessment_evidence_files (file_id);
