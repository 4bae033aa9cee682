package cn.szcg.gis.domain;

/** The typical geometry of a component class (部件几何类型): point, line or polygon. */
public enum GeometryKind {
  POINT,
  LINE,
  POLYGON;

  /** The GeoJSON type names of this kind (single and multi). */
  public java.util.List<String> geoJsonTypes() {
    return switch (this) {
      case POINT -> java.util.List.of("Point", "MultiPoint");
      case LINE -> java.util.List.of("LineString", "MultiLineString");
      case POLYGON -> java.util.List.of("Polygon", "MultiPolygon");
    };
  }

  /** The kind of a GeoJSON geometry type name, or {@code null} if unknown. */
  public static GeometryKind ofGeoJsonType(String type) {
    for (GeometryKind k : values()) {
      if (k.geoJsonTypes().contains(type)) {
        return k;
      }
    }
    return null;
  }
}
