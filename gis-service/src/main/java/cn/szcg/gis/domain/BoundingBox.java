package cn.szcg.gis.domain;

/** A longitude/latitude rectangle in WGS84 degrees (inclusive). */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

  /** Minqing County (闽清县) with a margin: lon 118.3–119.2 E, lat 25.9–26.6 N. */
  public static final BoundingBox MINQING = new BoundingBox(118.3, 25.9, 119.2, 26.6);

  public BoundingBox {
    if (!(minLon <= maxLon && minLat <= maxLat)
        || minLon < -180
        || maxLon > 180
        || minLat < -90
        || maxLat > 90) {
      throw new IllegalArgumentException(
          "无效的范围 / invalid bounding box " + minLon + "," + minLat + "," + maxLon + "," + maxLat);
    }
  }

  public boolean contains(double lon, double lat) {
    return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
  }

  @Override
  public String toString() {
    return "[" + minLon + "," + minLat + "," + maxLon + "," + maxLat + "]";
  }
}
