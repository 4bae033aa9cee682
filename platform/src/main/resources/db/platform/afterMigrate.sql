-- Runs after every migration, as the migration (owner) role. The services connect as a separate
-- application role (quarkus.datasource.username) that may read and write the business tables but
-- only INSERT into and SELECT from the audit trail: no application code can rewrite it.
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA public TO "${szcg_app_role}";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO "${szcg_app_role}";
REVOKE UPDATE, DELETE, TRUNCATE ON szcg_audit FROM "${szcg_app_role}";
REVOKE UPDATE ON szcg_audit_seq FROM "${szcg_app_role}";
