package cn.szcg.gis.domain.imports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A feature that passed validation.
 *
 * @param featureIndex 0-based index in the file
 * @param id the feature's id (component id, grid code, area code, pipe or camera id)
 * @param feature the GeoJSON Feature as received
 */
public record AcceptedFeature(int featureIndex, String id, JsonNode feature) {

  public JsonNode geometry() {
    return feature.get("geometry");
  }

  public JsonNode properties() {
    return feature.get("properties");
  }
}
