-- gis-service: the county map (R-01, R-06). Geometry in WGS84 (SRID 4326); PostGIS lives in schema
-- "postgis", which is on the database search_path (public, postgis).

-- 行政区域: county (6-digit code), township (9), community / village (12)
CREATE TABLE admin_area (
    code        varchar(12) PRIMARY KEY,
    name        text        NOT NULL,
    level       varchar(10) NOT NULL CHECK (level IN ('COUNTY', 'TOWNSHIP', 'COMMUNITY')),
    parent_code varchar(12),
    geom        geometry(Geometry, 4326) NOT NULL,
    properties  jsonb,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);
CREATE INDEX admin_area_geom_gist ON admin_area USING gist (geom);
CREATE INDEX admin_area_level ON admin_area (level);

-- 万米单元网格: a grid is in force from effective_from through effective_to (inclusive, null =
-- open); its zone has its own dated history in grid_zone.
CREATE TABLE unit_grid (
    code           varchar(16) PRIMARY KEY,
    community_code varchar(12) NOT NULL,
    geom           geometry(Geometry, 4326) NOT NULL,
    effective_from date        NOT NULL,
    effective_to   date,
    properties     jsonb,
    imported_at    timestamptz NOT NULL,
    imported_by    text        NOT NULL
);
CREATE INDEX unit_grid_geom_gist ON unit_grid USING gist (geom);

-- Zone history (城区 / 城乡结合部 / 其他): the zone in force at t is the row with
-- valid_from <= t < valid_to (valid_to null = still in force). Rows are never updated except to
-- close them (valid_to) when a change takes effect.
CREATE TABLE grid_zone (
    id         bigserial PRIMARY KEY,
    grid_code  varchar(16) NOT NULL REFERENCES unit_grid (code) ON DELETE CASCADE,
    zone       varchar(8)  NOT NULL CHECK (zone IN ('URBAN', 'FRINGE', 'OTHER')),
    valid_from timestamptz NOT NULL,
    valid_to   timestamptz,
    changed_by text        NOT NULL,
    changed_at timestamptz NOT NULL,
    reason     text        NOT NULL,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX grid_zone_grid_from ON grid_zone (grid_code, valid_from);
CREATE UNIQUE INDEX grid_zone_one_open ON grid_zone (grid_code) WHERE valid_to IS NULL;

-- 部件: 16-digit id = admin code (6) + major (2) + minor (2) + serial (6)
CREATE TABLE component (
    id          char(16)    PRIMARY KEY,
    class_code  char(4)     NOT NULL,
    name        text        NOT NULL,
    state       varchar(10) NOT NULL CHECK (state IN ('INTACT', 'DAMAGED', 'MISSING', 'OCCUPIED')),
    department  text        NOT NULL,
    owner       text        NOT NULL,
    maintainer  text        NOT NULL,
    grid_code   varchar(16),
    data_source text        NOT NULL,
    survey_date date        NOT NULL,
    updated_on  date,
    geom        geometry(Geometry, 4326) NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);
CREATE INDEX component_geom_gist ON component USING gist (geom);
CREATE INDEX component_class ON component (class_code);

-- 地下管线
CREATE TABLE pipe (
    id          varchar(64) PRIMARY KEY,
    type        varchar(20) NOT NULL,
    owner       text        NOT NULL,
    depth_m     double precision NOT NULL,
    diameter_mm double precision,
    material    text,
    geom        geometry(Geometry, 4326) NOT NULL,
    properties  jsonb,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);
CREATE INDEX pipe_geom_gist ON pipe USING gist (geom);

-- 视频监控点 (video channel)
CREATE TABLE camera (
    id          varchar(64) PRIMARY KEY,
    name        text,
    grid_code   varchar(16),
    view_geom   geometry(Geometry, 4326),
    geom        geometry(Geometry, 4326) NOT NULL,
    properties  jsonb,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);
CREATE INDEX camera_geom_gist ON camera USING gist (geom);

-- One row per import request (audit: who, when, what came of it).
CREATE TABLE import_run (
    id          bigserial PRIMARY KEY,
    kind        varchar(10) NOT NULL,
    total       integer     NOT NULL,
    accepted    integer     NOT NULL,
    rejected    integer     NOT NULL,
    crs         varchar(10) NOT NULL,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);
