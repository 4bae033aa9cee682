package cn.szcg.gis.domain.tiles;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.Gcj02;

/**
 * The WGS84 → GCJ-02 shift (国测局坐标) over one tile, as an affine map {@code x' = a·x + b·y + xoff, y'
 * = d·x + e·y + yoff} (PostGIS {@code ST_Affine(geom, a, b, d, e, xoff, yoff)}), so that the
 * county's WGS84 layers line up with a GCJ-02 base map (高德/AMap) without converting every vertex in
 * Java. Fitted exactly at the tile's centre and at half a tile east and north of it; the shift
 * varies slowly (its shortest period is 1/3°), so inside a tile the remainder stays below a pixel
 * at every zoom (tested at zooms 8–18 over Minqing, {@code Gcj02AffineTest}).
 */
public record Gcj02Affine(double a, double b, double d, double e, double xoff, double yoff) {

  /** The affine map fitted over {@code box}. */
  public static Gcj02Affine over(BoundingBox box) {
    double cx = (box.minLon() + box.maxLon()) / 2;
    double cy = (box.minLat() + box.maxLat()) / 2;
    double h = Math.max((box.maxLon() - box.minLon()) / 2, 1e-6);
    double k = Math.max((box.maxLat() - box.minLat()) / 2, 1e-6);
    double[] g0 = Gcj02.fromWgs84(cx, cy);
    double[] g1 = Gcj02.fromWgs84(cx + h, cy);
    double[] g2 = Gcj02.fromWgs84(cx, cy + k);
    double a = (g1[0] - g0[0]) / h;
    double d = (g1[1] - g0[1]) / h;
    double b = (g2[0] - g0[0]) / k;
    double e = (g2[1] - g0[1]) / k;
    return new Gcj02Affine(a, b, d, e, g0[0] - a * cx - b * cy, g0[1] - d * cx - e * cy);
  }

  /** The map applied to one WGS84 position; returns {lon, lat} in (approximate) GCJ-02. */
  public double[] apply(double lon, double lat) {
    return new double[] {a * lon + b * lat + xoff, d * lon + e * lat + yoff};
  }
}
