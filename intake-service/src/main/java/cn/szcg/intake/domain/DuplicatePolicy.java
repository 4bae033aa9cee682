package cn.szcg.intake.domain;

import java.time.Duration;

/**
 * How near in space and time an arrival must be to an open case of the same category to be proposed
 * as its duplicate. Default: 50 metres, 24 hours.
 */
public record DuplicatePolicy(double radiusMetres, Duration window) {

  public static final DuplicatePolicy DEFAULT = new DuplicatePolicy(50, Duration.ofHours(24));

  public DuplicatePolicy {
    if (!(radiusMetres > 0) || Double.isInfinite(radiusMetres)) {
      throw new IllegalArgumentException("radius must be positive: " + radiusMetres);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
  }
}
