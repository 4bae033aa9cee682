-- Sub-order clocks (二级派遣, R-02, R-13, R-14, Art 25): a case may have several sub-orders running
-- at once, each with its own SUB_DISPATCH_TO_SIGN_FOR and SUB_HANDLING clock, so "one open clock
-- per case and stage" becomes "one per case, stage and order". The township body's order and unit
-- are kept on the sub-order's clocks (its handling deadline bounds theirs; it sees them).
DROP INDEX IF EXISTS stage_clock_case_stage;
CREATE UNIQUE INDEX stage_clock_case_stage_order
  ON stage_clock (case_id, stage, coalesce(order_id, '')) WHERE stopped_at IS NULL;

ALTER TABLE stage_clock
  ADD COLUMN parent_order_id text,
  ADD COLUMN parent_unit_id  text;
