-- Issue 19, idempotency that forgot the body (docs/intake.md, docs/security.md "Hardening").
-- request_hash: SHA-256 of the canonical registration request, stored with the Idempotency-Key; the
-- same key with another body is refused (422) instead of answered with the first report.
-- hotline_ticket: the 12345 ticket (sourceRef) a HOTLINE report registered, unique per client, so
-- a ticket is registered once even when pushed again without a key or under another key. Rows
-- registered before this migration keep NULL in both (no hash to compare; tickets as they were).
ALTER TABLE report ADD COLUMN request_hash text;
ALTER TABLE report ADD COLUMN hotline_ticket text;
CREATE UNIQUE INDEX report_hotline_ticket ON report (client_id, hotline_ticket)
  WHERE hotline_ticket IS NOT NULL;
