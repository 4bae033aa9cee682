package cn.szcg.gis.api;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.Gcj02;
import cn.szcg.gis.domain.InputCrs;
import cn.szcg.platform.web.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Query parameter parsing: every bad value is a 400 problem+json naming the parameter. */
final class Params {

  private Params() {}

  static double coordinate(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ProblemException.invalidField(field, "required", "必填 / required");
    }
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(field, "not-a-number", "须为数字 / must be a number");
    }
    double max = field.startsWith("lat") || field.endsWith("Lat") ? 90 : 180;
    if (!Double.isFinite(d) || Math.abs(d) > max) {
      throw ProblemException.invalidField(
          field, "out-of-range", "须在 ±" + (int) max + " 之间 / must be within ±" + (int) max);
    }
    return d;
  }

  static InputCrs crs(String value) {
    if (value == null || value.isBlank()) {
      return InputCrs.WGS84;
    }
    String v = value.trim().toUpperCase(Locale.ROOT).replace("-", "");
    return switch (v) {
      case "WGS84", "EPSG:4326", "CRS84" -> InputCrs.WGS84;
      case "GCJ02" -> InputCrs.GCJ02;
      default ->
          throw ProblemException.invalidField(
              "crs", "unsupported", "仅支持 WGS84 或 GCJ02 / only WGS84 or GCJ02");
    };
  }

  /** {lon, lat} in WGS84 from a point given in {@code crs}. */
  static double[] toWgs84(double lon, double lat, InputCrs crs) {
    return crs == InputCrs.GCJ02 ? Gcj02.toWgs84(lon, lat) : new double[] {lon, lat};
  }

  static int intParam(String field, String value, int dflt, int min, int max) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(field, "not-an-integer", "须为整数 / must be an integer");
    }
    if (n < min || n > max) {
      throw ProblemException.invalidField(
          field, "out-of-range", "须在 " + min + "–" + max + " 之间 / must be " + min + ".." + max);
    }
    return n;
  }

  static Instant instant(String field, String value, Instant dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return java.time.OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field,
          "not-an-instant",
          "须为ISO-8601时间，如 2026-01-01T00:00:00Z / must be an ISO-8601 instant");
    }
  }

  /** "minLon,minLat,maxLon,maxLat"; null when absent. */
  static BoundingBox bbox(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String[] p = value.split(",");
    if (p.length != 4) {
      throw ProblemException.invalidField(
          "bbox",
          "invalid",
          "格式为 minLon,minLat,maxLon,maxLat / expected minLon,minLat,maxLon,maxLat");
    }
    double minLon = coordinate("bbox.minLon", p[0]);
    double minLat = coordinate("bbox.minLat", p[1]);
    double maxLon = coordinate("bbox.maxLon", p[2]);
    double maxLat = coordinate("bbox.maxLat", p[3]);
    if (minLon > maxLon || minLat > maxLat) {
      throw ProblemException.invalidField(
          "bbox", "invalid", "最小值须不大于最大值 / min must not exceed max");
    }
    if ((maxLon - minLon) * (maxLat - minLat) > 1.0) {
      throw ProblemException.invalidField(
          "bbox", "too-large", "范围过大（≤1平方度） / bounding box too large (at most 1 square degree)");
    }
    return new BoundingBox(minLon, minLat, maxLon, maxLat);
  }
}
