package cn.szcg.assessment.domain;

import java.math.BigDecimal;

/**
 * A rate (比率) as its two counts, kept exact. When the denominator is 0 the rate is
 * <em>undefined</em> ({@link #defined()} is false): reports show it as blank ("—") and a composite
 * score uses the explicitly documented {@code zeroOverZero} value of the indicator instead.
 *
 * @param numerator count in the numerator
 * @param denominator count in the denominator
 * @param zeroOverZero value used in formulas when the denominator is 0 (documented per indicator)
 */
public record Ratio(long numerator, long denominator, Fraction zeroOverZero) {
  /**
   * True when 0 ≤ numerator ≤ denominator. A rate outside [0, 1] means facts are missing or
   * double-booked (e.g. an order's facts arrived before its OrderReceived); reports still render
   * it.
   */
  public boolean consistent() {
    return numerator >= 0 && denominator >= 0 && numerator <= denominator;
  }

  public boolean defined() {
    return denominator != 0;
  }

  /**
   * The exact value (in [0, 1] when {@link #consistent()}); the {@code zeroOverZero} value when
   * undefined.
   */
  public Fraction value() {
    return defined() ? Fraction.of(numerator, denominator) : zeroOverZero;
  }

  /** Percentage with two decimals, HALF_UP (e.g. 2/3 → 66.67); {@code null} when undefined. */
  public BigDecimal percent() {
    return defined() ? value().times(Fraction.of(100, 1)).toDecimal(2) : null;
  }
}
