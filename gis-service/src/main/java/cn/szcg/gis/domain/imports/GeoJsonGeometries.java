package cn.szcg.gis.domain.imports;

import cn.szcg.gis.domain.Gcj02;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/** Coordinate transforms over GeoJSON geometries (copies; the input is not modified). */
public final class GeoJsonGeometries {

  private GeoJsonGeometries() {}

  /**
   * A copy of {@code geometry} (or of a whole Feature / FeatureCollection) with every position
   * transformed from GCJ-02 to WGS84 — for sources digitised on AMap/Tencent maps.
   */
  public static JsonNode gcj02ToWgs84(JsonNode node) {
    return transform(node, p -> Gcj02.toWgs84(p[0], p[1]));
  }

  /** A copy with every position transformed from WGS84 to GCJ-02 — for display on AMap/Tencent. */
  public static JsonNode wgs84ToGcj02(JsonNode node) {
    return transform(node, p -> Gcj02.fromWgs84(p[0], p[1]));
  }

  /**
   * A copy of {@code node} with {@code op} applied to every position (an array starting with a
   * number) under any {@code coordinates} member; a third ordinate (height) is kept.
   */
  public static JsonNode transform(JsonNode node, UnaryOperator<double[]> op) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.properties()
          .forEach(
              e ->
                  copy.set(
                      e.getKey(),
                      e.getKey().equals("coordinates")
                          ? positions(e.getValue(), op)
                          : transform(e.getValue(), op)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> copy.add(transform(n, op)));
      return copy;
    }
    return node.deepCopy();
  }

  private static JsonNode positions(JsonNode arr, UnaryOperator<double[]> op) {
    if (!arr.isArray()) {
      return arr.deepCopy();
    }
    ArrayNode copy = JsonNodeFactory.instance.arrayNode();
    if (arr.size() >= 2 && arr.get(0).isNumber() && arr.get(1).isNumber()) {
      double[] r = op.apply(new double[] {arr.get(0).asDouble(), arr.get(1).asDouble()});
      copy.add(r[0]).add(r[1]);
      for (int i = 2; i < arr.size(); i++) {
        copy.add(arr.get(i).deepCopy());
      }
      return copy;
    }
    arr.forEach(n -> copy.add(positions(n, op)));
    return copy;
  }
}
