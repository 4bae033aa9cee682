-- Unit figures (R-22), accountability (R-24) and report exports (R-26); see docs/assessment.md.

-- What the unit-figures consumer knows of a filed case (township for the figure cells).
CREATE TABLE case_context (
  case_id        text PRIMARY KEY,
  category_code  text,
  township_code  text
);

-- One track per case and unit (OrderTrack): the first order id of the case for that unit.
CREATE TABLE order_track (
  track_id        text PRIMARY KEY,
  case_id         text        NOT NULL,
  unit_id         text        NOT NULL,
  category_code   text,
  township_code   text,
  received_at     timestamptz NOT NULL,
  failed_checks   int         NOT NULL DEFAULT 0,
  expired         boolean     NOT NULL DEFAULT false,
  accepted        boolean     NOT NULL DEFAULT false,
  extended        boolean     NOT NULL DEFAULT false,
  returned        boolean     NOT NULL DEFAULT false,
  person_on_duty  text,
  -- a passed check waiting for the handling clock's verdict (on time or not)
  pending_pass_order  text,
  pending_pass_at     timestamptz,
  pending_pass_fact   text,
  UNIQUE (case_id, unit_id)
);

-- Every dispatch order (incl. re-dispatches after a failed check) and the track it belongs to.
CREATE TABLE dispatch_order (
  order_id       text PRIMARY KEY,
  track_id       text        NOT NULL REFERENCES order_track (track_id),
  round          int         NOT NULL,
  dispatched_at  timestamptz NOT NULL
);

-- Verdicts of stopped clocks per order (HANDLING: finished on time or not).
CREATE TABLE clock_verdict (
  order_id  text        NOT NULL,
  stage     text        NOT NULL,
  on_time   boolean     NOT NULL,
  at        timestamptz NOT NULL,
  PRIMARY KEY (order_id, stage)
);

-- Clock events for an order not seen yet (topics interleave): replayed when the order arrives.
CREATE TABLE parked_event (
  event_id   text PRIMARY KEY,
  order_id   text        NOT NULL,
  event_type text        NOT NULL,
  payload    text        NOT NULL,
  parked_at  timestamptz NOT NULL
);
CREATE INDEX parked_event_order ON parked_event (order_id);

-- The full fact history (FactEvent), fact id unique: the source of a recomputation.
CREATE TABLE unit_fact (
  fact_id        text PRIMARY KEY,
  fact_type      text        NOT NULL,
  order_id       text        NOT NULL,
  case_id        text,
  unit_id        text        NOT NULL,
  category_code  text,
  township_code  text,
  received_at    timestamptz NOT NULL,
  at             timestamptz NOT NULL,
  on_time        boolean,
  num            int,
  expired_before boolean,
  first_for_order boolean,
  level          text
);
CREATE INDEX unit_fact_received ON unit_fact (received_at);

-- Precomputed figure cells: subject × period × category × township (FiguresKey.cellsFor),
-- maintained by adding each fact's delta (upsert-add) exactly once (inbox + unique fact id).
CREATE TABLE figure_cell (
  subject_id           text   NOT NULL,
  period               text   NOT NULL,
  category_code        text   NOT NULL,
  township_code        text   NOT NULL,
  received             bigint NOT NULL DEFAULT 0,
  signed_on_time       bigint NOT NULL DEFAULT 0,
  signed_late          bigint NOT NULL DEFAULT 0,
  returns_requested    bigint NOT NULL DEFAULT 0,
  returns_approved     bigint NOT NULL DEFAULT 0,
  handled              bigint NOT NULL DEFAULT 0,
  handled_on_time      bigint NOT NULL DEFAULT 0,
  overdue_handling     bigint NOT NULL DEFAULT 0,
  expired_unhandled    bigint NOT NULL DEFAULT 0,
  checked              bigint NOT NULL DEFAULT 0,
  reworked             bigint NOT NULL DEFAULT 0,
  checks_failed        bigint NOT NULL DEFAULT 0,
  extensions_granted   bigint NOT NULL DEFAULT 0,
  extended_orders      bigint NOT NULL DEFAULT 0,
  satisfied            bigint NOT NULL DEFAULT 0,
  basically_satisfied  bigint NOT NULL DEFAULT 0,
  dissatisfied         bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (subject_id, period, category_code, township_code)
);
-- The county ranking reads every unit's total cell of one period.
CREATE INDEX figure_cell_ranking ON figure_cell (period, category_code, township_code);

-- Accountability (R-24): counters per unit × kind × month, incidents seen, actions issued.
CREATE TABLE accountability_counter (
  unit_id  text NOT NULL,
  kind     text NOT NULL,
  month    text NOT NULL,
  count    int  NOT NULL,
  PRIMARY KEY (unit_id, kind, month)
);

CREATE TABLE incident (
  incident_id     text PRIMARY KEY,
  unit_id         text        NOT NULL,
  kind            text        NOT NULL,
  case_id         text,
  order_id        text,
  occurred_at     timestamptz NOT NULL,
  person_on_duty  text,
  recorded_at     timestamptz NOT NULL
);

CREATE TABLE accountability_notice (
  action_id       text PRIMARY KEY,
  type            text        NOT NULL,
  level           text        NOT NULL,
  unit_id         text        NOT NULL,
  kind            text        NOT NULL,
  month           text        NOT NULL,
  ordinal         int         NOT NULL,
  incident_id     text        NOT NULL,
  case_id         text,
  person_id       text,
  person_name     text,
  person_missing  boolean     NOT NULL,
  title_zh        text        NOT NULL,
  title_en        text        NOT NULL,
  issued_at       timestamptz NOT NULL
);
CREATE INDEX accountability_notice_unit_month ON accountability_notice (unit_id, month);
CREATE INDEX accountability_notice_month ON accountability_notice (month);

-- Composite-score weights (R-22), configurable through the API; who/when/why recorded.
CREATE TABLE unit_weight (
  indicator   text PRIMARY KEY,
  weight      numeric(7, 3) NOT NULL,
  updated_by  text        NOT NULL,
  updated_at  timestamptz NOT NULL,
  reason      text
);

-- Background report exports (R-22, R-26): survive a restart.
CREATE TABLE export_job (
  job_id        text PRIMARY KEY,
  report        text        NOT NULL,
  period        text        NOT NULL,
  unit_id       text,
  format        text        NOT NULL,
  status        text        NOT NULL,
  requested_by  text        NOT NULL,
  requested_at  timestamptz NOT NULL,
  finished_at   timestamptz,
  file_name     text,
  content_type  text,
  content       bytea,
  error         text
);
CREATE INDEX export_job_status ON export_job (status);
