-- Who holds or held a filed case downstream (R-13, R-14, R-15, R-28), learned from the szcg.cases
-- events intake already consumes (CaseProgressHandler, rule in domain/CaseHolding): the unit an
-- order is addressed to (DISPATCH and the other steps that put an order in force), the department
-- (下属部门) of a sub-order (REDISPATCH_TO_SUB_UNIT), the collector ordered to check (ORDER_CHECK).
-- They may read the report and its photos — while they hold it and afterwards. One row per
-- holding (per order), written with ON CONFLICT DO NOTHING: a redelivered or late event changes
-- nothing, the order of arrival does not matter. No foreign key to report: a step may be recorded
-- whatever intake knows of the case at that moment.
CREATE TABLE case_holder (
  case_id      uuid        NOT NULL,
  holder_kind  text        NOT NULL CHECK (holder_kind IN ('UNIT', 'DEPARTMENT', 'COLLECTOR')),
  holder_id    text        NOT NULL,
  order_key    text        NOT NULL,  -- the order's id ('' when the step named none)
  transition   text        NOT NULL,
  since        timestamptz NOT NULL,  -- the step's time
  PRIMARY KEY (case_id, holder_kind, holder_id, order_key)
);
CREATE INDEX case_holder_holder ON case_holder (holder_id, case_id);
