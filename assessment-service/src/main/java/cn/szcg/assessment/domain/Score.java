package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A composite score (综合指标值) on 0–100, two decimals HALF_UP, with its grade; or "not graded" (不参与考核)
 * when the subject had nothing to be assessed on in the period (e.g. a unit with 应处置 = 0).
 *
 * @param value the score rounded to 2 decimals, {@code null} when not graded
 * @param exact the exact value before rounding, {@code null} when not graded
 * @param grade the grade band of {@code value}, {@code null} when not graded
 * @param contributions each indicator's exact contribution (weight × good-direction value)
 */
public record Score(
    BigDecimal value, Fraction exact, Grade grade, Map<String, Fraction> contributions) {

  public static Score notGraded() {
    return new Score(null, null, null, Map.of());
  }

  public static Score of(Fraction exact, Map<String, Fraction> contributions) {
    BigDecimal value = exact.toDecimal(2);
    return new Score(
        value,
        exact,
        Grade.of(value),
        Collections.unmodifiableMap(new LinkedHashMap<>(contributions)));
  }

  public boolean graded() {
    return value != null;
  }
}
