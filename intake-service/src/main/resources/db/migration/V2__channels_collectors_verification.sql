-- Issue 4: channels, attachments (R-10), collectors (R-09), verification (R-05), the filing
-- standard in the database, rejection/merge/answer, the hotline status feed.

ALTER TABLE report
  ADD COLUMN confidence        double precision,
  ADD COLUMN rejection_reason  text,
  ADD COLUMN unfounded         boolean     NOT NULL DEFAULT false,
  ADD COLUMN answer            text,
  ADD COLUMN kept_separate     boolean     NOT NULL DEFAULT false,
  ADD COLUMN context_attempts  integer     NOT NULL DEFAULT 0,
  ADD COLUMN updated_at        timestamptz,
  ADD COLUMN updated_by        text;

-- Duplicate candidates: same category, inside a small box, recent, still open (pre-filter in SQL;
-- DuplicateDetector decides).
CREATE INDEX report_dup_candidates ON report (category_code, registered_at)
  WHERE status IN ('REGISTERED', 'VERIFICATION_PENDING', 'VERIFIED', 'FILED') AND lon IS NOT NULL;
CREATE INDEX report_status_registered ON report (status, registered_at);
CREATE INDEX report_channel_registered ON report (channel, registered_at);
CREATE INDEX report_source_ref ON report (channel, source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX report_merged_into ON report (merged_into) WHERE merged_into IS NOT NULL;

-- Who did what, when and why: every intake state change.
CREATE TABLE report_transition (
  id          bigserial PRIMARY KEY,
  report_id   uuid        NOT NULL REFERENCES report (id),
  from_state  text        NOT NULL,
  to_state    text        NOT NULL,
  action      text        NOT NULL,
  actor_id    text        NOT NULL,
  actor_role  text        NOT NULL,
  at          timestamptz NOT NULL,
  note        text
);
CREATE INDEX report_transition_report ON report_transition (report_id, id);

-- Collection units (信息采集单位) and collectors (信息采集员), R-09 / R-20.
CREATE TABLE collection_unit (
  id             text PRIMARY KEY,
  name           text        NOT NULL,
  contract_from  date        NOT NULL,
  contract_to    date,
  terminated     boolean     NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL,
  updated_by     text        NOT NULL,
  update_reason  text
);

CREATE TABLE collector (
  id                   text PRIMARY KEY,
  name                 text        NOT NULL,
  unit_id              text        NOT NULL REFERENCES collection_unit (id),
  cert_number          text,
  cert_valid_from      date,
  cert_valid_to        date,
  deactivated          boolean     NOT NULL DEFAULT false,
  deactivation_reason  text,
  lon                  double precision,
  lat                  double precision,
  position_at          timestamptz,
  updated_at           timestamptz NOT NULL,
  updated_by           text        NOT NULL
);

-- On-site verification tasks (核实, R-05).
CREATE TABLE verification_task (
  id            uuid PRIMARY KEY,
  report_id     uuid        NOT NULL REFERENCES report (id),
  collector_id  text        REFERENCES collector (id),
  status        text        NOT NULL,
  requested_at  timestamptz NOT NULL,
  requested_by  text        NOT NULL,
  completed_at  timestamptz,
  note          text
);
CREATE INDEX verification_task_report ON verification_task (report_id);
CREATE INDEX verification_task_collector ON verification_task (collector_id, status);

-- Attachments (R-10): bytes, SHA-256 and size kept together, never altered.
CREATE TABLE attachment (
  id               uuid PRIMARY KEY,
  report_id        uuid        NOT NULL REFERENCES report (id),
  verification_id  uuid        REFERENCES verification_task (id),
  purpose          text        NOT NULL,
  file_name        text,
  content_type     text        NOT NULL,
  size_bytes       bigint      NOT NULL,
  sha256           text        NOT NULL,
  content          bytea       NOT NULL,
  uploaded_at      timestamptz NOT NULL,
  uploaded_by      text        NOT NULL
);
CREATE INDEX attachment_report ON attachment (report_id);
CREATE UNIQUE INDEX attachment_report_hash ON attachment (report_id, sha256);

CREATE FUNCTION attachment_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'attachments are evidence and never altered (R-10)';
END $$;
CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment
  FOR EACH ROW EXECUTE FUNCTION attachment_immutable();

-- The filing standard (《立案、结案规范》, R-05): every published version, never changed.
CREATE TABLE catalogue_version (
  version         integer PRIMARY KEY,
  effective_from  timestamptz NOT NULL,
  content         text        NOT NULL,
  published_at    timestamptz NOT NULL,
  published_by    text        NOT NULL
);

-- Status changes owed to the hotline platform (热线): an outbox-like feed, read by the pull
-- endpoint and pushed by the webhook sender with retries.
CREATE TABLE hotline_status (
  id              bigserial PRIMARY KEY,
  report_id       uuid        NOT NULL REFERENCES report (id),
  source_ref      text        NOT NULL,
  status          text        NOT NULL,
  at              timestamptz NOT NULL,
  attempts        integer     NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  delivered_at    timestamptz,
  last_error      text
);
CREATE INDEX hotline_status_pending ON hotline_status (next_attempt_at) WHERE delivered_at IS NULL;
CREATE INDEX hotline_status_ref ON hotline_status (source_ref, id);
