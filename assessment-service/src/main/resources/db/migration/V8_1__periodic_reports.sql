-- Issue 21, part 2: the periodic 通报 (R-23, R-24, R-26) and the 效能告诫 (R-24).
-- (Version 8.1: leaves 8 free for a concurrent change of the same service.)

-- A sealed 通报 of a month, quarter or year: both documents and their SHA-256, and the audit anchor
-- (docs/assessment.md, 定期通报): the audit chain's head (id, hash) when it was sealed and the audit
-- row of the sealing itself. Produced once per period (the primary key is the deterministic report
-- id), never changed or deleted: afterMigrate.sql revokes UPDATE/DELETE/TRUNCATE from the
-- application role and installs triggers refusing them even to the owner.
CREATE TABLE periodic_report (
  report_id        text PRIMARY KEY,
  period_kind      text        NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
  period           text        NOT NULL,
  first_day        date        NOT NULL,
  last_day         date        NOT NULL,
  title_zh         text        NOT NULL,
  title_en         text        NOT NULL,
  unit_ids         text[]      NOT NULL,
  pdf              bytea       NOT NULL,
  pdf_sha256       text        NOT NULL,
  xlsx             bytea       NOT NULL,
  xlsx_sha256      text        NOT NULL,
  audit_head_id    bigint,
  audit_head_hash  text,
  seal_audit_id    bigint      NOT NULL,
  seal_audit_hash  text        NOT NULL,
  sealed_by        text        NOT NULL,
  published_at     timestamptz NOT NULL
);
COMMENT ON TABLE periodic_report IS
  'szcg:append-only the sealed periodic 通报 (R-23): documents, hashes, audit anchor';

-- 效能告诫 issued by the efficiency office from an Art 33 notice: one per notice per person.
CREATE TABLE efficiency_warning (
  warning_id        text PRIMARY KEY,
  notice_action_id  text        NOT NULL REFERENCES accountability_notice (action_id),
  unit_id           text        NOT NULL,
  case_id           text,
  person_id         text        NOT NULL,
  person_name       text,
  reason_zh         text        NOT NULL,
  issued_by         text        NOT NULL,
  issued_at         timestamptz NOT NULL,
  UNIQUE (notice_action_id, person_id)
);
CREATE INDEX efficiency_warning_person ON efficiency_warning (person_id, issued_at DESC);
COMMENT ON TABLE efficiency_warning IS 'szcg:append-only 效能告诫 as issued (R-24)';

-- The warned person's acknowledgement (签收), once.
CREATE TABLE efficiency_warning_ack (
  warning_id       text PRIMARY KEY REFERENCES efficiency_warning (warning_id),
  person_id        text        NOT NULL,
  acknowledged_at  timestamptz NOT NULL
);
COMMENT ON TABLE efficiency_warning_ack IS 'szcg:append-only 效能告诫 acknowledged (R-24)';
