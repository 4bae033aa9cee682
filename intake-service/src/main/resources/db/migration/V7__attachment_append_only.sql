-- Evidence is never changed or deleted (R-10, R-14, R-15): photos and documents of reports and
-- verifications are append-only. The comment marks the table for platform's afterMigrate.sql,
-- which (after every migration, as the owner role) revokes UPDATE, DELETE and TRUNCATE from the
-- application role and installs the triggers szcg_append_only_row / szcg_append_only_truncate
-- (function szcg_append_only_refuse) that refuse them even to the owner.
COMMENT ON TABLE attachment IS
  'szcg:append-only — evidence (附件: report, snapshot and verification photos, R-10); never updated, deleted or truncated';

-- The update-only trigger of V2 is superseded by the platform's (which also refuses DELETE and
-- TRUNCATE).
DROP TRIGGER IF EXISTS attachment_no_update ON attachment;
DROP FUNCTION IF EXISTS attachment_immutable();
