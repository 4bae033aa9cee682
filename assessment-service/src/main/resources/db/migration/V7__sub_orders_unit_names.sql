-- Issue 16, point 5: two-level command is timed (R-02, R-13, R-14, Art 25). A department's
-- sub-order (二级批办件) is an order of the department: one track per sub-order (track id = the
-- sub-order id), marked by the township body's order it belongs to. A department may hold several
-- sub-orders of one case (one after another), so (case, unit) is unique for orders only.
ALTER TABLE order_track ADD COLUMN parent_order_id text;
ALTER TABLE order_track DROP CONSTRAINT order_track_case_id_unit_id_key;
CREATE UNIQUE INDEX order_track_case_unit ON order_track (case_id, unit_id)
  WHERE parent_order_id IS NULL;

-- Returns refused (驳回回退): REFUSE_RETURN of an order, REFUSE_SUB_ORDER_RETURN of a sub-order.
ALTER TABLE figure_cell ADD COLUMN returns_refused bigint NOT NULL DEFAULT 0;

-- Issue 16, point 7: unit names (单位名称) for rankings, figures, commendations, notices and exports.
-- dispatch-service names the unit (data.unitName) on every case-transitioned with a unitId; the
-- name of the latest event (named_at = the event's time; ties: the greater name) wins, whatever
-- order the events arrive in. A unit never named shows its id.
CREATE TABLE unit_name (
  unit_id   text PRIMARY KEY,
  name      text        NOT NULL,
  named_at  timestamptz NOT NULL
);
