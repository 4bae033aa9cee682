-- Resumable uploads (断点续传, issue 18): a photo of a report is sent in chunks over a weak mobile
-- link; after a cut the phone asks for the stored offset and goes on from there. A session belongs
-- to one registered report and one uploader; its chunks are kept until the bytes are complete,
-- verified (length, SHA-256, attachment policy) and stored as an attachment (V1, append-only).
-- Sessions are working state, not evidence: sessions idle past expires_at are deleted (a
-- completed one's attachment stays; the same bytes asked for again answer with it).
CREATE TABLE upload_session (
  id uuid PRIMARY KEY,
  report_id uuid NOT NULL REFERENCES report (id),
  verification_id uuid,
  purpose text NOT NULL,
  file_name text,
  content_type text NOT NULL,
  length bigint NOT NULL CHECK (length > 0),
  sha256 text NOT NULL,
  received bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= length),
  state text NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'FAILED')),
  attachment_id uuid,
  failure text,
  uploaded_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX upload_session_owner ON upload_session (report_id, uploaded_by, sha256);
CREATE INDEX upload_session_expiry ON upload_session (expires_at);

CREATE TABLE upload_chunk (
  upload_id uuid NOT NULL REFERENCES upload_session (id) ON DELETE CASCADE,
  start_offset bigint NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (upload_id, start_offset)
);
