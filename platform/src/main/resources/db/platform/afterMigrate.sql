-- Runs after every migration, as the migration (owner) role. The services connect as a separate
-- application role (quarkus.datasource.username) that may read and write the business tables but
-- only INSERT into and SELECT from the audit trail: no application code can rewrite it.
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO "${szcg_app_role}";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "${szcg_app_role}";
REVOKE UPDATE, DELETE, TRUNCATE ON szcg_audit FROM "${szcg_app_role}";
REVOKE UPDATE ON szcg_audit_seq FROM "${szcg_app_role}";

-- Every table whose comment starts with 'szcg:append-only' (evidence, R-10): the application role
-- may only INSERT and SELECT, and triggers refuse UPDATE, DELETE and TRUNCATE even to the owner.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND obj_description(c.oid, 'pg_class') LIKE 'szcg:append-only%'
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM "${szcg_app_role}"', t.relname);
    EXECUTE format('DROP TRIGGER IF EXISTS szcg_append_only_row ON %I', t.relname);
    EXECUTE format('CREATE TRIGGER szcg_append_only_row BEFORE UPDATE OR DELETE ON %I'
                   ' FOR EACH ROW EXECUTE FUNCTION szcg_append_only_refuse()', t.relname);
    EXECUTE format('DROP TRIGGER IF EXISTS szcg_append_only_truncate ON %I', t.relname);
    EXECUTE format('CREATE TRIGGER szcg_append_only_truncate BEFORE TRUNCATE ON %I'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION szcg_append_only_refuse()', t.relname);
  END LOOP;
END $$;
