package cn.szcg.gis.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Planar helpers on lon/lat polygons for the demo: Voronoi-like cells by half-plane clipping of a
 * convex polygon, and point-in-convex-polygon. Longitude is scaled by cos(latitude) so distances
 * are roughly metric at Minqing's latitude. Polygons are open rings of {lon, lat} in
 * counter-clockwise order.
 */
final class ConvexPolygons {

  /** cos(26.2°): metres per degree of longitude relative to latitude in Minqing. */
  static final double K = Math.cos(Math.toRadians(26.2));

  private ConvexPolygons() {}

  /**
   * The Voronoi cell of {@code seeds[i]} inside the convex polygon {@code outer}: the points of
   * {@code outer} nearer to seed i than to any other seed.
   */
  static List<double[]> voronoiCell(List<double[]> outer, List<double[]> seeds, int i) {
    List<double[]> poly = outer;
    double[] s = seeds.get(i);
    for (int j = 0; j < seeds.size(); j++) {
      if (j == i) {
        continue;
      }
      double[] t = seeds.get(j);
      // keep p with (t - s)·W·(p - m) <= 0, W = diag(K², 1), m = midpoint
      double ax = (t[0] - s[0]) * K * K;
      double ay = t[1] - s[1];
      double c = ax * (s[0] + t[0]) / 2 + ay * (s[1] + t[1]) / 2;
      poly = clip(poly, ax, ay, c);
      if (poly.size() < 3) {
        return poly;
      }
    }
    return poly;
  }

  /** Sutherland–Hodgman: keeps the part of {@code poly} where ax·x + ay·y <= c. */
  static List<double[]> clip(List<double[]> poly, double ax, double ay, double c) {
    List<double[]> out = new ArrayList<>(poly.size() + 1);
    int n = poly.size();
    for (int k = 0; k < n; k++) {
      double[] p = poly.get(k);
      double[] q = poly.get((k + 1) % n);
      double fp = ax * p[0] + ay * p[1] - c;
      double fq = ax * q[0] + ay * q[1] - c;
      if (fp <= 0) {
        out.add(p);
      }
      if ((fp < 0 && fq > 0) || (fp > 0 && fq < 0)) {
        double t = fp / (fp - fq);
        out.add(new double[] {p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
      }
    }
    return out;
  }

  /** True when {@code pt} is inside or on the convex counter-clockwise polygon. */
  static boolean contains(List<double[]> poly, double lon, double lat) {
    int n = poly.size();
    if (n < 3) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      double[] p = poly.get(k);
      double[] q = poly.get((k + 1) % n);
      double cross = (q[0] - p[0]) * (lat - p[1]) - (q[1] - p[1]) * (lon - p[0]);
      if (cross < 0) {
        return false;
      }
    }
    return true;
  }

  /** Axis-aligned bounds {minLon, minLat, maxLon, maxLat}. */
  static double[] bounds(List<double[]> poly) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] p : poly) {
      b[0] = Math.min(b[0], p[0]);
      b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]);
      b[3] = Math.max(b[3], p[1]);
    }
    return b;
  }
}
