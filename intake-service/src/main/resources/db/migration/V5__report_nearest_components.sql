-- Issue 4: the nearest components (部件) around the report's point, as gis-service's locate
-- answered them (LocationContext.nearestComponents: componentId, classCode, className, name, state,
-- department, owner, maintainer, distanceM), nearest first. NULL: not asked (reports registered
-- before this column, or gis not yet answered); '[]': asked, none within the radius.
ALTER TABLE report ADD COLUMN nearest_components jsonb;
