-- Every arrival from every channel (R-04), registered at once with a number and a timestamp.
CREATE TABLE report (
  id                 uuid PRIMARY KEY,
  report_no          text        NOT NULL UNIQUE,
  channel            text        NOT NULL,
  kind               text        NOT NULL,
  status             text        NOT NULL,
  category_code      text,
  lon                double precision,
  lat                double precision,
  address            text,
  description        text,
  collector_id       text,
  camera_id          text,
  source_ref         text,
  -- The public reporter's identity: visible to center roles only, never in events.
  reporter_name      text,
  reporter_phone     text,
  idempotency_key    text,
  client_id          text,
  -- Location context from gis-service, attached at registration or later.
  township_code      text,
  township_name      text,
  community_code     text,
  community_name     text,
  grid_code          text,
  zone               text,
  context_resolved   boolean     NOT NULL DEFAULT false,
  device_time        timestamptz,
  registered_at      timestamptz NOT NULL,
  -- Filing (立案) decision.
  category_name      text,
  catalogue_version  integer,
  limit_amount       integer,
  limit_unit         text,
  emergency          boolean     NOT NULL DEFAULT false,
  decided_at         timestamptz,
  decided_by         text,
  decision_reason    text,
  merged_into        uuid,
  version            integer     NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX report_idempotency ON report (client_id, idempotency_key)
  WHERE idempotency_key IS NOT NULL;
CREATE INDEX report_registered_at ON report (registered_at);
CREATE INDEX report_unresolved ON report (registered_at) WHERE context_resolved = false;

-- Report numbers: a sequence is never rolled back, so numbers are unique and gap-tolerant under
-- any load (LESSONS: no "today's max + 1").
CREATE SEQUENCE report_no_seq AS bigint START 1 CACHE 20;
