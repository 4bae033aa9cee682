package cn.szcg.dispatch.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the map's case layer asks for (the console's 地图, issue 17): the cases positioned in a WGS84
 * bounding box, in some states — by default every open state (not 已结案, 已移交执法, 已作废). Bounded: the
 * box at most one square degree (Minqing is ≈ 0.9° × 0.7°) and at most {@link #MAX_LIMIT} cases an
 * answer. A bad value names its field ({@link Invalid}).
 */
public record CaseMapQuery(
    double minLon, double minLat, double maxLon, double maxLat, Set<CaseState> states, int limit) {

  public static final int DEFAULT_LIMIT = 2000;
  public static final int MAX_LIMIT = 5000;

  /** A refused parameter: {@code field} with Chinese and English reasons. */
  public static final class Invalid extends IllegalArgumentException {
    private final String field;
    private final String code;

    Invalid(String field, String code, String message) {
      super(message);
      this.field = field;
      this.code = code;
    }

    public String field() {
      return field;
    }

    public String code() {
      return code;
    }
  }

  /** Every state a case is still open in. */
  public static Set<CaseState> openStates() {
    EnumSet<CaseState> s = EnumSet.noneOf(CaseState.class);
    for (CaseState c : CaseState.values()) {
      if (!c.terminal()) {
        s.add(c);
      }
    }
    return s;
  }

  /**
   * Parses {@code bbox=minLon,minLat,maxLon,maxLat} (required), {@code state=A,B} (optional,
   * default the open states) and {@code limit} (1–{@value #MAX_LIMIT}, default {@value
   * #DEFAULT_LIMIT}).
   */
  public static CaseMapQuery parse(String bbox, String state, String limit) {
    if (bbox == null || bbox.isBlank()) {
      throw new Invalid("bbox", "required", "必填 / required");
    }
    String[] p = bbox.split(",");
    if (p.length != 4) {
      throw new Invalid(
          "bbox",
          "invalid",
          "格式为 minLon,minLat,maxLon,maxLat / expected minLon,minLat,maxLon,maxLat");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(p[i].trim());
      } catch (NumberFormatException e) {
        throw new Invalid("bbox", "not-a-number", "须为数字 / must be numbers");
      }
      double max = i % 2 == 0 ? 180 : 90;
      if (!Double.isFinite(v[i]) || Math.abs(v[i]) > max) {
        throw new Invalid("bbox", "out-of-range", "经度±180、纬度±90 / lon within ±180, lat within ±90");
      }
    }
    if (v[0] > v[2] || v[1] > v[3]) {
      throw new Invalid("bbox", "invalid", "最小值须不大于最大值 / min must not exceed max");
    }
    if ((v[2] - v[0]) * (v[3] - v[1]) > 1.0) {
      throw new Invalid(
          "bbox", "too-large", "范围过大（≤1平方度） / bounding box too large (at most 1 square degree)");
    }
    Set<CaseState> states;
    if (state == null || state.isBlank()) {
      states = openStates();
    } else {
      List<CaseState> l = new ArrayList<>();
      for (String s : Arrays.stream(state.split(",")).map(String::trim).toList()) {
        try {
          l.add(CaseState.valueOf(s));
        } catch (IllegalArgumentException e) {
          throw new Invalid("state", "invalid-value", "未知状态 / unknown state " + s);
        }
      }
      states = EnumSet.copyOf(l);
    }
    int n = DEFAULT_LIMIT;
    if (limit != null && !limit.isBlank()) {
      try {
        n = Integer.parseInt(limit.trim());
      } catch (NumberFormatException e) {
        throw new Invalid("limit", "not-an-integer", "须为整数 / must be an integer");
      }
      if (n < 1 || n > MAX_LIMIT) {
        throw new Invalid(
            "limit", "out-of-range", "须在 1–" + MAX_LIMIT + " 之间 / must be 1.." + MAX_LIMIT);
      }
    }
    return new CaseMapQuery(v[0], v[1], v[2], v[3], states, n);
  }
}
