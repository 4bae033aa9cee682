-- Tables of the shared platform (outbox relay, idempotent consumers), present in every service's
-- own database. Repeatable and idempotent: Flyway re-runs it only when it changes.

-- Transactional outbox: an event row is written in the same transaction as the state change and
-- relayed to Kafka in id order (so in order per case), at least once.
CREATE TABLE IF NOT EXISTS outbox (
  id          bigserial PRIMARY KEY,
  event_id    text        NOT NULL UNIQUE,
  topic       text        NOT NULL,
  msg_key     text        NOT NULL,
  event_type  text        NOT NULL,
  headers     jsonb       NOT NULL,
  payload     text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  sent_at     timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Idempotent consumers: the id of every event applied, recorded in the same transaction as its
-- effect, so a redelivered event changes nothing.
CREATE TABLE IF NOT EXISTS inbox (
  event_id     text        NOT NULL,
  consumer     text        NOT NULL,
  event_type   text        NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, consumer)
);

-- Audit trail (docs/security.md): one row per state-changing API call — who (subject, username,
-- roles, unit, client), what (method, path, status, created resource), when and from where.
-- Append-only: the application's database role may only INSERT and SELECT (afterMigrate.sql), a
-- trigger refuses UPDATE, DELETE and TRUNCATE even to the owner, and every row carries the
-- SHA-256 of its predecessor's hash and its own content, so a change made around all of that
-- (a superuser, a restored backup) breaks the chain where it was made.
CREATE SEQUENCE IF NOT EXISTS szcg_audit_seq;
CREATE TABLE IF NOT EXISTS szcg_audit (
  id          bigint      PRIMARY KEY,
  at          timestamptz NOT NULL,
  subject     text,
  username    text,
  roles       text,
  unit        text,
  client      text,
  method      text        NOT NULL,
  path        text        NOT NULL,
  status      int         NOT NULL,
  target      text,
  remote      text,
  request_id  text,
  prev_hash   bytea,
  hash        bytea       NOT NULL
);

-- The hash of one row: SHA-256 over the previous hash and the row's fields (unit separator
-- between fields, '\N' for null, the moment in UTC to the microsecond).
CREATE OR REPLACE FUNCTION szcg_audit_digest(prev bytea, a szcg_audit) RETURNS bytea
LANGUAGE sql STABLE AS $$
  SELECT sha256(coalesce(prev, '\x'::bytea) || convert_to(concat_ws(chr(31),
    a.id::text,
    to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(a.subject, '\N'), coalesce(a.username, '\N'), coalesce(a.roles, '\N'),
    coalesce(a.unit, '\N'), coalesce(a.client, '\N'), a.method, a.path, a.status::text,
    coalesce(a.target, '\N'), coalesce(a.remote, '\N'), coalesce(a.request_id, '\N')), 'UTF8'))
$$;

-- Chains a new row onto the last one. The advisory lock (held to commit) orders concurrent
-- writers, and the id is drawn under it, so ids follow the chain.
CREATE OR REPLACE FUNCTION szcg_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last bytea;
BEGIN
  PERFORM pg_advisory_xact_lock(7310001);
  NEW.id := nextval('szcg_audit_seq');
  SELECT hash INTO last FROM szcg_audit ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := last;
  NEW.hash := szcg_audit_digest(last, NEW);
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION szcg_audit_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'szcg_audit is append-only (% refused)', TG_OP;
END $$;

DROP TRIGGER IF EXISTS szcg_audit_chain ON szcg_audit;
CREATE TRIGGER szcg_audit_chain BEFORE INSERT ON szcg_audit
  FOR EACH ROW EXECUTE FUNCTION szcg_audit_chain();
DROP TRIGGER IF EXISTS szcg_audit_no_change ON szcg_audit;
CREATE TRIGGER szcg_audit_no_change BEFORE UPDATE OR DELETE ON szcg_audit
  FOR EACH ROW EXECUTE FUNCTION szcg_audit_immutable();
DROP TRIGGER IF EXISTS szcg_audit_no_truncate ON szcg_audit;
CREATE TRIGGER szcg_audit_no_truncate BEFORE TRUNCATE ON szcg_audit
  FOR EACH STATEMENT EXECUTE FUNCTION szcg_audit_immutable();

-- Evidence tables (证据: photos of reports, verifications, handling and checks — R-10). A service
-- marks a table append-only with a comment starting 'szcg:append-only' in its own migration;
-- afterMigrate.sql then revokes UPDATE, DELETE and TRUNCATE from the application role and puts
-- these triggers on it, which refuse the same even to the owner.
CREATE OR REPLACE FUNCTION szcg_append_only_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is evidence and append-only (% refused, R-10)', TG_TABLE_NAME, TG_OP;
END $$;
