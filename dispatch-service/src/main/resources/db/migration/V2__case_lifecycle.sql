-- The domain case (cn.szcg.dispatch.domain.DispatchCase) as a jsonb snapshot beside the filed
-- case's data, with key columns for queries; its steps (TransitionRecord) append-only; its orders
-- denormalised for "a unit's own orders"; SLA clock facts per order; the unit register and the
-- responsibility matrix (R-02, R-17, R-27).
ALTER TABLE dispatch_case
  ADD COLUMN snapshot            jsonb,
  ADD COLUMN public_report       boolean NOT NULL DEFAULT false,
  ADD COLUMN responsible_unit_id text,
  ADD COLUMN overdue_handling    boolean NOT NULL DEFAULT false,
  ADD COLUMN sequence            bigint  NOT NULL DEFAULT 0;
CREATE INDEX dispatch_case_unit     ON dispatch_case (responsible_unit_id);
CREATE INDEX dispatch_case_township ON dispatch_case (township_code);
CREATE INDEX dispatch_case_category ON dispatch_case (category_code);
CREATE INDEX dispatch_case_filed_at ON dispatch_case (filed_at);

-- Every step of every case (who, role, unit, when, why, from -> to, data); never updated.
CREATE TABLE case_step (
  case_id        text        NOT NULL REFERENCES dispatch_case (case_id),
  sequence       bigint      NOT NULL,
  transition     text        NOT NULL,
  from_state     text,
  to_state       text        NOT NULL,
  actor_user_id  text        NOT NULL,
  actor_role     text        NOT NULL,
  actor_unit_id  text,
  at             timestamptz NOT NULL,
  reason         text,
  order_id       text,
  unit_id        text,
  data           jsonb       NOT NULL,
  PRIMARY KEY (case_id, sequence)
);

-- Orders and sub-orders (批办件), kept in step with the snapshot, for per-unit lists.
CREATE TABLE case_order (
  order_id        text PRIMARY KEY,
  case_id         text        NOT NULL REFERENCES dispatch_case (case_id),
  unit_id         text        NOT NULL,
  parent_order_id text,
  round           integer     NOT NULL,
  origin          text        NOT NULL,
  status          text        NOT NULL,
  dispatched_at   timestamptz NOT NULL,
  return_deadline timestamptz,
  updated_at      timestamptz NOT NULL
);
CREATE INDEX case_order_unit ON case_order (unit_id, dispatched_at);
CREATE INDEX case_order_case ON case_order (case_id);

-- What sla-service said about an order's clocks (ClockStarted / ClockBreached on szcg.clocks).
CREATE TABLE order_clock (
  clock_id    text PRIMARY KEY,
  case_id     text        NOT NULL,
  order_id    text,
  stage       text        NOT NULL,
  deadline    timestamptz NOT NULL,
  breached_at timestamptz,
  updated_at  timestamptz NOT NULL
);
CREATE INDEX order_clock_order ON order_clock (order_id);
CREATE INDEX order_clock_case ON order_clock (case_id);

-- The unit register (R-27): one row per unit, its dated history (versions, contact terms) in jsonb.
CREATE TABLE unit_record (
  unit_id        text PRIMARY KEY,
  name           text        NOT NULL,
  kind           text        NOT NULL,
  parent_unit_id text,
  township_code  text,
  active         boolean     NOT NULL,
  record         jsonb       NOT NULL,
  updated_at     timestamptz NOT NULL,
  version        integer     NOT NULL DEFAULT 0
);
CREATE INDEX unit_record_parent ON unit_record (parent_unit_id);

-- The responsibility matrix (R-02, R-17): category pattern x area -> unit.
CREATE TABLE responsibility_rule (
  rule_id          text PRIMARY KEY,
  category_pattern text        NOT NULL,
  township_code    text,
  community_code   text,
  grid_code        text,
  unit_id          text        NOT NULL,
  note             text,
  updated_at       timestamptz NOT NULL,
  updated_by       text        NOT NULL
);

-- Seed data sets applied by the startup seeder (idempotent: each set once, never re-applied).
CREATE TABLE seed_applied (
  name       text PRIMARY KEY,
  applied_at timestamptz NOT NULL
);
