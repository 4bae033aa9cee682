-- The notify part's own copy of each case's 受理号 (report number), from intake's case-filed
-- events, so that a notification names a case as people know it without reading the clocks'
-- tables (the notify part stays liftable: docs/adr/0008). Written once per case, never changed.
CREATE TABLE notify_case (
  case_id   text PRIMARY KEY,
  report_no text NOT NULL
);
