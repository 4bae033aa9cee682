package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Composite score of a collector, and of a collection unit, 0–100, two decimals
 * HALF_UP. Defaults: (1 − 虚报率) ×30 + (1 − 漏报率) ×30 + 核实按时率 ×20 + 核查按时率 ×20. A collection unit is
 * scored on the <em>sum</em> of its collectors' figures (volume-weighted), not on the average of
 * their scores. Not graded when there is nothing to assess ({@link CollectorFigures#active()}).
 */
public final class CollectorScoring {
  public static final Weights<CollectorIndicator> DEFAULT_WEIGHTS =
      Weights.of(
          CollectorIndicator.class,
          Map.of(
              CollectorIndicator.FALSE_REPORT_RATE, new BigDecimal("30"),
              CollectorIndicator.MISSED_REPORT_RATE, new BigDecimal("30"),
              CollectorIndicator.VERIFICATION_ON_TIME_RATE, new BigDecimal("20"),
              CollectorIndicator.CHECK_ON_TIME_RATE, new BigDecimal("20")));

  private final Weights<CollectorIndicator> weights;

  public CollectorScoring(Weights<CollectorIndicator> weights) {
    this.weights = weights;
  }

  public static CollectorScoring defaults() {
    return new CollectorScoring(DEFAULT_WEIGHTS);
  }

  public Score score(CollectorFigures f) {
    if (!f.active()) {
      return Score.notGraded();
    }
    Map<CollectorIndicator, Fraction> values = new EnumMap<>(CollectorIndicator.class);
    for (CollectorIndicator i : CollectorIndicator.values()) {
      values.put(i, i.goodValue(f));
    }
    return UnitScoring.weighted(weights, values);
  }
}
