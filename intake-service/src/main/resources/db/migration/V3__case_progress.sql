-- The case's progress in dispatch (from szcg.cases), so the hotline hears the outcome after filing.
ALTER TABLE report
  ADD COLUMN case_state     text,
  ADD COLUMN case_state_at  timestamptz,
  ADD COLUMN case_seq       bigint NOT NULL DEFAULT 0;
