-- Issue 16, points 3 and 4 (docs/evidence.md).

-- What the unit must see of the problem (R-13, R-14, R-28): the filed case's description, where it
-- is (names of township and community, the nearest components) and the category's filing and
-- closing conditions, as case-filed carried them. One row per case, written once when the case
-- opens; null for cases filed before case-filed carried them.
CREATE TABLE case_problem (
  case_id              text PRIMARY KEY REFERENCES dispatch_case (case_id),
  description          text,
  township_name        text,
  community_name       text,
  nearest_components   jsonb,
  filing_condition_zh  text,
  filing_condition_en  text,
  closing_condition_zh text,
  closing_condition_en text,
  recorded_at          timestamptz NOT NULL
);

-- Evidence photos of dispatch's own steps (R-10, R-14, R-15): AFTER (a unit's handling feedback),
-- SUB_AFTER (a department's sub-order feedback), CHECK (a collector's check). The bytes with their
-- SHA-256, size and checked content type, who uploaded them (user, and unit or collector), when,
-- for which order, and where the device says it was taken. Never changed or deleted.
CREATE TABLE case_photo (
  photo_id              uuid PRIMARY KEY,
  case_id               text             NOT NULL REFERENCES dispatch_case (case_id),
  order_id              text             NOT NULL,
  purpose               text             NOT NULL CHECK (purpose IN ('AFTER', 'SUB_AFTER', 'CHECK')),
  file_name             text,
  content_type          text             NOT NULL,
  size_bytes            bigint           NOT NULL CHECK (size_bytes > 0),
  sha256                text             NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content               bytea            NOT NULL,
  uploaded_by           text             NOT NULL,
  uploader_unit_id      text,
  uploader_collector_id text,
  uploaded_at           timestamptz      NOT NULL,
  lon                   double precision,
  lat                   double precision,
  taken_at              timestamptz,
  CHECK ((uploader_unit_id IS NULL) <> (uploader_collector_id IS NULL)),
  CHECK ((lon IS NULL) = (lat IS NULL))
);
CREATE INDEX case_photo_case ON case_photo (case_id, uploaded_at);
-- the same bytes from the same uploader (unit or collector) on one case are one photo
CREATE UNIQUE INDEX case_photo_uploader_hash
  ON case_photo (case_id, (COALESCE('U:' || uploader_unit_id, 'C:' || uploader_collector_id)), sha256);

-- append-only evidence: platform's afterMigrate.sql revokes UPDATE, DELETE and TRUNCATE from the
-- application role and installs triggers that refuse them even to the owner
COMMENT ON TABLE case_photo IS 'szcg:append-only evidence photos (R-10, R-14, R-15): never updated or deleted';
