-- Issue 7: the collectors' duty roster (排班/当班) — which unit grids (万米单元网格) a collector is on
-- duty over, from starts_at (inclusive) to ends_at (exclusive). Every change is published as
-- collector-duty-recorded (assessment-service charges missed reports 漏报 from it). Shifts of one
-- collector never overlap (checked under a row lock on the collector, DutyRosterRules).
CREATE TABLE duty_shift (
  id                  uuid PRIMARY KEY,
  collector_id        text        NOT NULL REFERENCES collector (id),
  collection_unit_id  text,
  grid_codes          text[]      NOT NULL,
  starts_at           timestamptz NOT NULL,
  ends_at             timestamptz NOT NULL,
  cancelled           boolean     NOT NULL DEFAULT false,
  revision            integer     NOT NULL,
  recorded_at         timestamptz NOT NULL,
  recorded_by         text        NOT NULL,
  updated_at          timestamptz NOT NULL,
  updated_by          text        NOT NULL,
  change_reason       text,
  CHECK (ends_at > starts_at),
  CHECK (cardinality(grid_codes) > 0)
);
CREATE INDEX duty_shift_collector ON duty_shift (collector_id, starts_at);
CREATE INDEX duty_shift_starts ON duty_shift (starts_at);

-- Who recorded, corrected or cancelled a shift, when and why (one row per revision).
CREATE TABLE duty_shift_change (
  shift_id    uuid        NOT NULL REFERENCES duty_shift (id),
  revision    integer     NOT NULL,
  action      text        NOT NULL,
  grid_codes  text[]      NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  reason      text,
  at          timestamptz NOT NULL,
  by_user     text        NOT NULL,
  PRIMARY KEY (shift_id, revision)
);
