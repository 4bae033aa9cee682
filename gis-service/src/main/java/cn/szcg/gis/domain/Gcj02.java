package cn.szcg.gis.domain;

import cn.szcg.contracts.events.GeoPoint;

/**
 * WGS84 ⇄ GCJ-02 (国测局坐标, "火星坐标"): Chinese web map providers (高德 AMap, 腾讯 Tencent, Google China
 * tiles) publish GCJ-02; the system stores and serves WGS84 (EPSG:4326).
 *
 * <p>The forward transform is the widely published one (Krasovsky 1940 ellipsoid, a = 6378245.0, ee
 * = 0.00669342162296594323); it is the identity outside the rough China rectangle (lon
 * 72.004–137.8347, lat 0.8293–55.8271). The inverse has no closed form: it is solved by fixed-point
 * iteration until the forward image of the result is within {@value #TOLERANCE_DEG} degree of the
 * input (about 0.1 mm).
 */
public final class Gcj02 {

  /** Krasovsky 1940 semi-major axis in metres. */
  public static final double A = 6378245.0;

  /** Krasovsky 1940 first eccentricity squared. */
  public static final double EE = 0.00669342162296594323;

  /** Inverse convergence: |forward(result) − input| below this in both axes, in degrees. */
  public static final double TOLERANCE_DEG = 1e-9;

  private static final int MAX_ITERATIONS = 30;

  private Gcj02() {}

  /** True when the point is outside the area where GCJ-02 applies an offset. */
  public static boolean outOfChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  /** WGS84 → GCJ-02. */
  public static GeoPoint fromWgs84(GeoPoint wgs) {
    double[] r = fromWgs84(wgs.lon(), wgs.lat());
    return new GeoPoint(r[0], r[1]);
  }

  /** GCJ-02 → WGS84 (iterative inverse). */
  public static GeoPoint toWgs84(GeoPoint gcj) {
    double[] r = toWgs84(gcj.lon(), gcj.lat());
    return new GeoPoint(r[0], r[1]);
  }

  /** WGS84 → GCJ-02; returns {lon, lat}. */
  public static double[] fromWgs84(double lon, double lat) {
    if (outOfChina(lon, lat)) {
      return new double[] {lon, lat};
    }
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {lon + dLon, lat + dLat};
  }

  /** GCJ-02 → WGS84 by iteration; returns {lon, lat}. */
  public static double[] toWgs84(double lon, double lat) {
    if (outOfChina(lon, lat)) {
      return new double[] {lon, lat};
    }
    double wLon = lon;
    double wLat = lat;
    for (int i = 0; i < MAX_ITERATIONS; i++) {
      double[] g = fromWgs84(wLon, wLat);
      double eLon = g[0] - lon;
      double eLat = g[1] - lat;
      if (Math.abs(eLon) < TOLERANCE_DEG && Math.abs(eLat) < TOLERANCE_DEG) {
        break;
      }
      wLon -= eLon;
      wLat -= eLat;
    }
    return new double[] {wLon, wLat};
  }

  private static double transformLat(double x, double y) {
    double ret =
        -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return ret;
  }

  private static double transformLon(double x, double y) {
    double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    ret +=
        (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return ret;
  }
}
