package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Composite score of a responsible unit (综合指标值), 0–100:
 *
 * <pre>
 *   score = Σ weight(i) × good(i)      good(i) = rate(i), or 1 − rate(i) for an inverted rate
 * </pre>
 *
 * evaluated exactly and rounded once to two decimals HALF_UP; weights sum to 100. Shipped defaults
 * 处置率 ×30 + 按期处置率 ×20 + (1 − 返工率) ×20 + (1 − 超期率) ×20 + (1 − 延期率) ×10. A unit with 应处置 = 0
 * in the period is not graded (不参与考核): there is nothing to measure it on.
 */
public final class UnitScoring {
  public static final Weights<UnitIndicator> DEFAULT_WEIGHTS =
      Weights.of(
          UnitIndicator.class,
          Map.of(
              UnitIndicator.HANDLING_RATE, new BigDecimal("30"),
              UnitIndicator.ON_TIME_HANDLING_RATE, new BigDecimal("20"),
              UnitIndicator.REWORK_RATE, new BigDecimal("20"),
              UnitIndicator.OVERDUE_RATE, new BigDecimal("20"),
              UnitIndicator.EXTENSION_RATE, new BigDecimal("10")));

  private final Weights<UnitIndicator> weights;

  public UnitScoring(Weights<UnitIndicator> weights) {
    this.weights = weights;
  }

  public static UnitScoring defaults() {
    return new UnitScoring(DEFAULT_WEIGHTS);
  }

  public Weights<UnitIndicator> weights() {
    return weights;
  }

  public Score score(Figures figures) {
    if (figures.toHandle() <= 0) {
      return Score.notGraded();
    }
    Map<UnitIndicator, Fraction> values = new EnumMap<>(UnitIndicator.class);
    for (UnitIndicator i : UnitIndicator.values()) {
      values.put(i, i.goodValue(figures));
    }
    return weighted(weights, values);
  }

  /** Σ weight × value, exact, with per-indicator contributions keyed by the indicator name. */
  static <K extends Enum<K>> Score weighted(Weights<K> weights, Map<K, Fraction> values) {
    Fraction total = Fraction.ZERO;
    Map<String, Fraction> contributions = new LinkedHashMap<>();
    for (Map.Entry<K, Fraction> e : values.entrySet()) {
      BigDecimal w = weights.weight(e.getKey());
      if (w.signum() == 0) {
        continue;
      }
      Fraction c = Fraction.of(w).times(e.getValue());
      contributions.put(e.getKey().name(), c);
      total = total.plus(c);
    }
    return Score.of(total, contributions);
  }
}
