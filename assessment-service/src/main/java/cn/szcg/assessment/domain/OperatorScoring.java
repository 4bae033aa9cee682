package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Simple score of a center operator, 0–100, two decimals HALF_UP. Defaults: 立案及时率 ×40 + 派遣准确率 ×30 +
 * 结案及时率 ×30. Not graded with no filing, dispatch or closing in the period.
 */
public final class OperatorScoring {
  public static final Weights<OperatorIndicator> DEFAULT_WEIGHTS =
      Weights.of(
          OperatorIndicator.class,
          Map.of(
              OperatorIndicator.FILED_ON_TIME_RATE, new BigDecimal("40"),
              OperatorIndicator.DISPATCH_ACCURACY_RATE, new BigDecimal("30"),
              OperatorIndicator.CLOSED_ON_TIME_RATE, new BigDecimal("30")));

  private final Weights<OperatorIndicator> weights;

  public OperatorScoring(Weights<OperatorIndicator> weights) {
    this.weights = weights;
  }

  public static OperatorScoring defaults() {
    return new OperatorScoring(DEFAULT_WEIGHTS);
  }

  public Score score(OperatorFigures f) {
    if (!f.active()) {
      return Score.notGraded();
    }
    Map<OperatorIndicator, Fraction> values = new EnumMap<>(OperatorIndicator.class);
    for (OperatorIndicator i : OperatorIndicator.values()) {
      values.put(i, i.of(f).value());
    }
    return UnitScoring.weighted(weights, values);
  }
}
