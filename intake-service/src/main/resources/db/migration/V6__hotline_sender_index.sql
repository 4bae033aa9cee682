-- The hotline sender (热线回传) reads the first 100 undelivered status changes in id order. With
-- the index on next_attempt_at the planner read every undelivered row due (and its report) and
-- sorted them: while the hotline was down the backlog grew with every registration and each
-- poll (5 a second in tests) cost thousands of index probes. An index in id order over the
-- undelivered rows lets it stop after the first 100.
DROP INDEX IF EXISTS hotline_status_pending;
CREATE INDEX hotline_status_unsent ON hotline_status (id) WHERE delivered_at IS NULL;
