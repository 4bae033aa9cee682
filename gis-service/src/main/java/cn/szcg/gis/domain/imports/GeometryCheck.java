package cn.szcg.gis.domain.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Hook for deep geometry validity (self-intersection, ring orientation, holes outside shells) that
 * the structural checks here do not cover — e.g. PostGIS {@code ST_IsValidReason(
 * ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))}. Called only for geometries that passed the structural
 * checks.
 */
@FunctionalInterface
public interface GeometryCheck {

  /** No deep check. */
  GeometryCheck NONE = geometry -> Optional.empty();

  /**
   * @return empty when valid, else the reason (e.g. "Self-intersection[118.86 26.22]")
   */
  Optional<String> invalidReason(JsonNode geometry);
}
