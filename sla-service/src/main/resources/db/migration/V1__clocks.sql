-- One clock per stage of a case (R-12..R-16, R-20). Deadlines are computed once, when the clock
-- starts, and stored (LESSONS: never recomputed at read time), with the rule and calendar versions
-- the clock started under.
CREATE TABLE stage_clock (
  id                uuid PRIMARY KEY,
  case_id           text        NOT NULL,
  stage             text        NOT NULL,
  zone              text        NOT NULL,
  emergency         boolean     NOT NULL,
  limit_amount      integer     NOT NULL,
  limit_unit        text        NOT NULL,
  started_at        timestamptz NOT NULL,
  warning_at        timestamptz NOT NULL,
  deadline          timestamptz NOT NULL,
  state             text        NOT NULL,
  stopped_at        timestamptz,
  policy_version    text        NOT NULL,
  calendar_version  text        NOT NULL,
  version           integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX stage_clock_case_stage ON stage_clock (case_id, stage) WHERE stopped_at IS NULL;
CREATE INDEX stage_clock_due ON stage_clock (deadline) WHERE stopped_at IS NULL;
