package cn.szcg.gis.domain.tiles;

import cn.szcg.gis.domain.BoundingBox;

/**
 * A web-map tile address (XYZ, Web Mercator EPSG:3857, y from the north as in OSM and Mapbox vector
 * tiles). Built only from a valid triple: zoom 0–{@value #MAX_ZOOM}, x and y in 0 … 2^z−1.
 */
public record TileCoord(int z, int x, int y) {

  /** Deepest zoom served; MapLibre over-zooms beyond the source's own maxzoom anyway. */
  public static final int MAX_ZOOM = 22;

  public TileCoord {
    if (z < 0 || z > MAX_ZOOM) {
      throw new IllegalArgumentException("z out of range: " + z);
    }
    long n = 1L << z;
    if (x < 0 || x >= n) {
      throw new IllegalArgumentException("x out of range: " + x);
    }
    if (y < 0 || y >= n) {
      throw new IllegalArgumentException("y out of range: " + y);
    }
  }

  /** Number of tiles along one axis at this zoom (2^z). */
  public long span() {
    return 1L << z;
  }

  /** The tile's extent in WGS84 lon/lat (the inverse Web Mercator of its corners). */
  public BoundingBox bounds() {
    double n = span();
    double minLon = x / n * 360.0 - 180.0;
    double maxLon = (x + 1) / n * 360.0 - 180.0;
    double maxLat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))));
    double minLat = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (y + 1) / n))));
    return new BoundingBox(minLon, minLat, maxLon, maxLat);
  }

  /** Whether the tile overlaps {@code box} (edges included). */
  public boolean intersects(BoundingBox box) {
    BoundingBox b = bounds();
    return b.minLon() <= box.maxLon()
        && b.maxLon() >= box.minLon()
        && b.minLat() <= box.maxLat()
        && b.maxLat() >= box.minLat();
  }

  @Override
  public String toString() {
    return z + "/" + x + "/" + y;
  }
}
