-- Clock lifecycle (issue 6): the order and unit a clock belongs to, the full StageClock snapshot
-- (pauses, extensions, original limit), why and when it stopped, and the publication state of its
-- warning (预警) and breach (超时) so the scheduler pushes each exactly once.
ALTER TABLE stage_clock
  ADD COLUMN order_id      text,
  ADD COLUMN unit_id       text,
  ADD COLUMN snapshot      text,    -- StageClock.Snapshot as JSON
  ADD COLUMN stop_reason   text,
  ADD COLUMN on_time       boolean,
  ADD COLUMN warned_at     timestamptz,   -- when ClockWarned was published (null: not yet)
  ADD COLUMN warned_late   boolean,
  ADD COLUMN breached_at   timestamptz,   -- when ClockBreached was published (null: not yet)
  ADD COLUMN breached_late boolean,
  ADD COLUMN next_due      timestamptz,   -- the next unpublished moment of a running clock
  ADD COLUMN updated_at    timestamptz NOT NULL DEFAULT now();

-- The scheduler's index: only running clocks with something left to publish are in it.
CREATE INDEX stage_clock_next_due ON stage_clock (next_due) WHERE next_due IS NOT NULL;
CREATE INDEX stage_clock_case ON stage_clock (case_id, started_at);
DROP INDEX IF EXISTS stage_clock_due;

-- What the clocks need to know about a case between events (zone, emergency, the category limit
-- recorded at filing, an intake stop that arrived before the registration).
CREATE TABLE case_clock_info (
  case_id               text PRIMARY KEY,
  zone                  text,
  emergency             boolean     NOT NULL DEFAULT false,
  accepted_at           timestamptz,
  category_code         text,
  handling_limit_amount integer,
  handling_limit_unit   text,
  intake_closed_at      timestamptz,
  intake_closed_reason  text,
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- Holiday notices (节假日安排通知) in force, versioned: revision r of the calendar is made of the
-- rows added at or before r and not superseded at or before r. Seeded from the shipped JSON.
CREATE TABLE calendar_revision (
  revision    integer PRIMARY KEY,
  version     text        NOT NULL UNIQUE,
  reason      text        NOT NULL,
  created_by  text        NOT NULL,
  created_at  timestamptz NOT NULL
);

CREATE TABLE calendar_notice (
  id                   bigserial PRIMARY KEY,
  year                 integer     NOT NULL,
  source               text        NOT NULL,   -- SHIPPED, JSON, ICS
  title                text        NOT NULL,
  body                 text        NOT NULL,   -- szcg-holidays/1 document or ICS text
  added_revision       integer     NOT NULL REFERENCES calendar_revision (revision),
  superseded_revision  integer     REFERENCES calendar_revision (revision)
);
CREATE INDEX calendar_notice_year ON calendar_notice (year);
