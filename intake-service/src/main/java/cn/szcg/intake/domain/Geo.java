package cn.szcg.intake.domain;

import cn.szcg.contracts.events.GeoPoint;

/** Spherical geometry helpers on WGS84 points. */
public final class Geo {

  /** Mean Earth radius (IUGG), metres. */
  public static final double EARTH_RADIUS_M = 6_371_008.8;

  private Geo() {}

  /** Great-circle distance in metres (haversine formula); accurate to ~0.5% — ample at 50 m. */
  public static double haversineMetres(GeoPoint a, GeoPoint b) {
    double lat1 = Math.toRadians(a.lat());
    double lat2 = Math.toRadians(b.lat());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  /**
   * A box that contains every point within {@code radiusMetres} of {@code centre} (for an indexed
   * pre-filter before the exact distance test). Not meant for the poles or the antimeridian.
   */
  public static BoundingBox boxAround(GeoPoint centre, double radiusMetres) {
    double dLat = Math.toDegrees(radiusMetres / EARTH_RADIUS_M);
    double cos = Math.max(Math.cos(Math.toRadians(centre.lat())), 1e-6);
    double dLon = Math.toDegrees(radiusMetres / (EARTH_RADIUS_M * cos));
    return new BoundingBox(
        Math.max(-180, centre.lon() - dLon),
        Math.max(-90, centre.lat() - dLat),
        Math.min(180, centre.lon() + dLon),
        Math.min(90, centre.lat() + dLat));
  }

  /** Whether the point has finite coordinates within the WGS84 range. */
  public static boolean isValid(GeoPoint p) {
    return p != null
        && Double.isFinite(p.lon())
        && Double.isFinite(p.lat())
        && p.lon() >= -180
        && p.lon() <= 180
        && p.lat() >= -90
        && p.lat() <= 90;
  }
}
