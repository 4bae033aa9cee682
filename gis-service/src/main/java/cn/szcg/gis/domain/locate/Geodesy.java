package cn.szcg.gis.domain.locate;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;

/**
 * Distances on the WGS84 spheroid as PostGIS computes {@code ST_Distance(geography, geography)}:
 * point to point is the geodesic (here Vincenty's inverse formula, which agrees with PostGIS's
 * Karney solution to well under a millimetre at the distances locate uses); point to line or ring
 * finds the nearest point of each edge on the sphere (great-circle arc) and measures the geodesic
 * to it; a point inside a polygon is at distance 0.
 */
public final class Geodesy {

  private Geodesy() {}

  static final double A = 6378137.0;
  static final double F = 1 / 298.257223563;
  static final double B = A * (1 - F);

  /** Geodesic distance in metres between two WGS84 lon/lat points (Vincenty inverse). */
  public static double distance(double lon1, double lat1, double lon2, double lat2) {
    if (lon1 == lon2 && lat1 == lat2) {
      return 0;
    }
    double l = Math.toRadians(lon2 - lon1);
    double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
    double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
    double sinU1 = Math.sin(u1);
    double cosU1 = Math.cos(u1);
    double sinU2 = Math.sin(u2);
    double cosU2 = Math.cos(u2);
    double lambda = l;
    double sinSigma;
    double cosSigma;
    double sigma;
    double cosSqAlpha;
    double cos2SigmaM;
    int iter = 0;
    while (true) {
      double sinLambda = Math.sin(lambda);
      double cosLambda = Math.cos(lambda);
      double t1 = cosU2 * sinLambda;
      double t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
      sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
      if (sinSigma == 0) {
        return 0;
      }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      sigma = Math.atan2(sinSigma, cosSigma);
      double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      cosSqAlpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
      double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
      double prev = lambda;
      lambda =
          l
              + (1 - c)
                  * F
                  * sinAlpha
                  * (sigma
                      + c
                          * sinSigma
                          * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
      if (Math.abs(lambda - prev) < 1e-13 || ++iter > 200) {
        break;
      }
    }
    double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
    double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    double deltaSigma =
        bigB
            * sinSigma
            * (cos2SigmaM
                + bigB
                    / 4
                    * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                        - bigB
                            / 6
                            * cos2SigmaM
                            * (-3 + 4 * sinSigma * sinSigma)
                            * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return B * bigA * (sigma - deltaSigma);
  }

  /**
   * Distance in metres from a WGS84 point to a geometry, {@code ST_Distance(geometry::geography,
   * point::geography)}; 0 inside (or on) a polygon.
   */
  public static double distance(Geometry g, double lon, double lat) {
    if (g instanceof Point p) {
      return distance(lon, lat, p.getX(), p.getY());
    }
    if (g instanceof Polygonal && g.getEnvelopeInternal().covers(lon, lat)) {
      if (g.covers(g.getFactory().createPoint(new Coordinate(lon, lat)))) {
        return 0;
      }
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Point p) {
        best = Math.min(best, distance(lon, lat, p.getX(), p.getY()));
      } else if (part instanceof LineString ls) {
        best = Math.min(best, toLine(ls.getCoordinates(), lon, lat));
      } else if (part instanceof Polygon poly) {
        best = Math.min(best, toLine(poly.getExteriorRing().getCoordinates(), lon, lat));
        for (int h = 0; h < poly.getNumInteriorRing(); h++) {
          best = Math.min(best, toLine(poly.getInteriorRingN(h).getCoordinates(), lon, lat));
        }
      }
    }
    return best;
  }

  /** Nearest point of the line on the sphere (edge by edge), then the geodesic to it. */
  private static double toLine(Coordinate[] cs, double lon, double lat) {
    double[] p = cart(lon, lat);
    double bestAngle = Double.MAX_VALUE;
    double[] nearest = null;
    if (cs.length == 1) {
      return distance(lon, lat, cs[0].x, cs[0].y);
    }
    for (int i = 1; i < cs.length; i++) {
      double[] a = cart(cs[i - 1].x, cs[i - 1].y);
      double[] b = cart(cs[i].x, cs[i].y);
      double[] cand = nearestOnArc(a, b, p);
      double ang = angle(p, cand);
      if (ang < bestAngle) {
        bestAngle = ang;
        nearest = cand;
      }
    }
    double nLon = Math.toDegrees(Math.atan2(nearest[1], nearest[0]));
    double nLat = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, nearest[2]))));
    return distance(lon, lat, nLon, nLat);
  }

  private static double[] nearestOnArc(double[] a, double[] b, double[] p) {
    double[] n = cross(a, b);
    double len = norm(n);
    double[] best = angle(p, a) <= angle(p, b) ? a : b;
    if (len < 1e-15) {
      return best;
    }
    n = scale(n, 1 / len);
    double d = dot(p, n);
    double[] k = {p[0] - d * n[0], p[1] - d * n[1], p[2] - d * n[2]};
    double kl = norm(k);
    if (kl < 1e-15) {
      return best;
    }
    k = scale(k, 1 / kl);
    // k lies on the arc when it is between a and b along the great circle
    if (dot(cross(a, k), n) >= 0 && dot(cross(k, b), n) >= 0 && angle(p, k) < angle(p, best)) {
      return k;
    }
    return best;
  }

  private static double[] cart(double lonDeg, double latDeg) {
    double lon = Math.toRadians(lonDeg);
    double lat = Math.toRadians(latDeg);
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }

  private static double angle(double[] u, double[] v) {
    return Math.atan2(norm(cross(u, v)), dot(u, v));
  }

  private static double[] cross(double[] u, double[] v) {
    return new double[] {
      u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]
    };
  }

  private static double dot(double[] u, double[] v) {
    return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
  }

  private static double norm(double[] u) {
    return Math.sqrt(dot(u, u));
  }

  private static double[] scale(double[] u, double s) {
    return new double[] {u[0] * s, u[1] * s, u[2] * s};
  }
}
