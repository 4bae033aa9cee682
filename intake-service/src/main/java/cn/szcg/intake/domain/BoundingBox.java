package cn.szcg.intake.domain;

import cn.szcg.contracts.events.GeoPoint;

/**
 * A WGS84 longitude/latitude box, inclusive on all sides. Used for the county's service area (a
 * cheap plausibility check at intake; gis-service does the exact polygon test) and for
 * pre-filtering duplicate candidates.
 */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

  /** Approximate box around Minqing County (闽清县, 350124): lon 118.3–119.2, lat 25.9–26.6. */
  public static final BoundingBox MINQING = new BoundingBox(118.3, 25.9, 119.2, 26.6);

  public BoundingBox {
    if (!(minLon <= maxLon) || !(minLat <= maxLat)) {
      throw new IllegalArgumentException("min must not exceed max");
    }
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      throw new IllegalArgumentException("outside WGS84 range");
    }
  }

  public boolean contains(GeoPoint p) {
    return p != null
        && p.lon() >= minLon
        && p.lon() <= maxLon
        && p.lat() >= minLat
        && p.lat() <= maxLat;
  }
}
