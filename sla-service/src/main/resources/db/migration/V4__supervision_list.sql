-- The supervision list (督办, R-22, issue 17): running clocks in warning (预警) or breached (超时),
-- oldest first, for the whole county in one call. The case's number (受理号) and category are
-- remembered from intake's events, so the list needs no call to another service.
ALTER TABLE case_clock_info
  ADD COLUMN report_no     text,
  ADD COLUMN category_name text;

-- Running, not paused clocks by their warning moment: the list reads "warning_at <= now" here
-- (yellow and red both passed their warning), and a unit's list by its unit.
CREATE INDEX stage_clock_running_warning
  ON stage_clock (warning_at) WHERE stopped_at IS NULL AND state = 'RUNNING';
CREATE INDEX stage_clock_running_unit
  ON stage_clock (unit_id, warning_at) WHERE stopped_at IS NULL AND state = 'RUNNING';
