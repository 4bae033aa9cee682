-- Resumable uploads of evidence photos (断点续传, issue 18): the collector's check photos (CHECK,
-- R-15) and the unit's after-photos (AFTER/SUB_AFTER, R-14) sent in chunks over a weak mobile
-- link, the same protocol as intake's report photos (platform ResumableUploads, docs/adr/0009).
-- A session belongs to one case and one uploader; its chunks are kept until the bytes are
-- complete, verified (length, SHA-256) and stored as a case photo (V4 case_photo, with the checks
-- of a one-request upload). Sessions are working state, not evidence: sessions idle past
-- expires_at are deleted (a completed one's photo stays).
CREATE TABLE upload_session (
  id uuid PRIMARY KEY,
  case_id text NOT NULL REFERENCES dispatch_case (case_id),
  purpose text NOT NULL,
  file_name text,
  content_type text NOT NULL,
  length bigint NOT NULL CHECK (length > 0),
  sha256 text NOT NULL,
  lon double precision,
  lat double precision,
  taken_at timestamptz,
  received bigint NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= length),
  state text NOT NULL CHECK (state IN ('OPEN', 'COMPLETED', 'FAILED')),
  photo_id text,
  failure text,
  uploaded_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX upload_session_owner ON upload_session (case_id, uploaded_by, sha256);
CREATE INDEX upload_session_expiry ON upload_session (expires_at);

-- the chunks, same shape as in every service that takes resumable uploads (platform writes them)
CREATE TABLE upload_chunk (
  upload_id uuid NOT NULL REFERENCES upload_session (id) ON DELETE CASCADE,
  start_offset bigint NOT NULL,
  content bytea NOT NULL,
  PRIMARY KEY (upload_id, start_offset)
);
