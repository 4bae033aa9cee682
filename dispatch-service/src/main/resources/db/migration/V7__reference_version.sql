-- Issue 23: the unit register (R-27) and the responsibility matrix (R-02, R-17) are read on every
-- dispatch command and every dispatch or sign-for event. The service keeps them in memory and reads
-- them again only when their version here has moved (ReferenceVersions): one indexed row instead of
-- about a hundred jsonb records parsed per read. Statement triggers move the version on every
-- change, also one made by hand in psql, so no writer can forget it.
CREATE TABLE reference_version (
  name    text PRIMARY KEY,
  version bigint NOT NULL DEFAULT 0
);
INSERT INTO reference_version (name) VALUES ('unit_record'), ('responsibility_rule');

CREATE FUNCTION reference_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reference_version SET version = version + 1 WHERE name = TG_TABLE_NAME;
  RETURN NULL;
END $$;

CREATE TRIGGER unit_record_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit_record
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();
CREATE TRIGGER responsibility_rule_version
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON responsibility_rule
  FOR EACH STATEMENT EXECUTE FUNCTION reference_version_bump();

-- The dispatcher's work list (待派遣, polled every few seconds by every dispatcher's screen): one
-- state, newest filed first, read page by page; an index in that order, so a page costs its rows,
-- not a sort of the whole backlog.
CREATE INDEX dispatch_case_state_filed ON dispatch_case (state, filed_at DESC, case_id);
