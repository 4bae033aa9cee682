-- Issue 7: missed reports (漏报, R-08) — MissedReportHandler, see docs/assessment.md.

-- Collectors' duty shifts as intake-service publishes them (collector-duty-recorded): the latest
-- revision of each shift.
CREATE TABLE missed_duty_shift (
  shift_id            text PRIMARY KEY,
  revision            bigint      NOT NULL,
  collector_id        text        NOT NULL,
  collection_unit_id  text,
  grid_codes          text[]      NOT NULL,
  starts_at           timestamptz NOT NULL,
  ends_at             timestamptz NOT NULL,
  cancelled           boolean     NOT NULL
);
CREATE INDEX missed_duty_shift_grids ON missed_duty_shift USING gin (grid_codes);
CREATE INDEX missed_duty_shift_time ON missed_duty_shift (starts_at);

-- Every registration as far as the rule needs it (report-registered, case-filed,
-- location-resolved, report-merged fill it in whatever order they arrive). A problem is a filed
-- case together with the reports merged into it; its first registration is the earliest of them.
CREATE TABLE missed_registration (
  case_id        text PRIMARY KEY,
  channel        text,
  collector_id   text,
  grid_code      text,
  registered_at  timestamptz,
  filed          boolean NOT NULL DEFAULT false,
  merged_into    text
);
CREATE INDEX missed_registration_at ON missed_registration (registered_at);
CREATE INDEX missed_registration_merged ON missed_registration (merged_into)
  WHERE merged_into IS NOT NULL;

-- One miss per problem and collector (unique key); charged = currently counted. A miss revoked by
-- a later fact (an earlier own report merged in, a corrected or cancelled shift) is booked back
-- (-1) and may be charged again; toggles numbers the fact ids of these changes.
CREATE TABLE missed_report (
  problem_id     text        NOT NULL,
  collector_id   text        NOT NULL,
  shift_id       text        NOT NULL,
  registered_at  timestamptz NOT NULL,
  charged        boolean     NOT NULL,
  toggles        integer     NOT NULL DEFAULT 0,
  PRIMARY KEY (problem_id, collector_id)
);
CREATE INDEX missed_report_shift ON missed_report (shift_id);
