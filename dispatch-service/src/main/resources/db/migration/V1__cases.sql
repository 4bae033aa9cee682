-- A filed case as dispatch-service holds it, from the case-filed event (event-carried state).
CREATE TABLE dispatch_case (
  case_id            text PRIMARY KEY,
  report_no          text        NOT NULL,
  channel            text        NOT NULL,
  category_code      text        NOT NULL,
  category_name      text        NOT NULL,
  catalogue_version  integer     NOT NULL,
  limit_amount       integer     NOT NULL,
  limit_unit         text        NOT NULL,
  zone               text        NOT NULL,
  emergency          boolean     NOT NULL,
  lon                double precision,
  lat                double precision,
  township_code      text,
  community_code     text,
  grid_code          text,
  component_id       text,
  state              text        NOT NULL,
  registered_at      timestamptz NOT NULL,
  filed_at           timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  version            integer     NOT NULL DEFAULT 0
);
CREATE INDEX dispatch_case_state ON dispatch_case (state);
