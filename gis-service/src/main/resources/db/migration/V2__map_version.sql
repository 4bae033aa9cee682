-- Versions of the layers that locate answers from memory (docs/gis.md §12): every import of
-- areas, grids or components and every zone change bumps its layer in the same transaction; every
-- instance polls this table (about once a second) and reloads a layer whose version moved.
CREATE TABLE map_version (
    layer   varchar(16) PRIMARY KEY CHECK (layer IN ('areas', 'grids', 'components')),
    version bigint      NOT NULL
);
INSERT INTO map_version (layer, version) VALUES ('areas', 1), ('grids', 1), ('components', 1);
