package cn.szcg.assessment.domain;

import java.util.function.Function;

/**
 * The rates of a responsible unit (处置责任单位考核指标), each defined once here. Every rate is numerator /
 * denominator of {@link Figures} counters; "inverted" rates are bad when high and enter a composite
 * score as (1 − rate), so no score ever rewards a high bad rate. The 0/0 value is the value a
 * composite uses when the denominator is 0 (reports show the rate blank).
 */
public enum UnitIndicator {
  /** 处置率 = 已处置 / 应处置. 0/0: the unit is not graded (应处置 = 0), value 0 unused. */
  HANDLING_RATE("处置率", "handling rate", false, Fraction.ZERO, f -> r(f.handled(), f.toHandle())),
  /** 按期处置率 = 按期处置 / 应处置. */
  ON_TIME_HANDLING_RATE(
      "按期处置率",
      "on-time handling rate",
      false,
      Fraction.ZERO,
      f -> r(f.handledOnTime(), f.toHandle())),
  /** 返工率 = 返工 / 应结案 (orders with a first check result). 0/0 (nothing checked yet) → 0. */
  REWORK_RATE("返工率", "rework rate", true, Fraction.ZERO, f -> r(f.reworked(), f.checked())),
  /**
   * 超期率 = 逾期处置 / 应处置. Expired-not-handled orders are not in the numerator: they already lower 处置率
   * and 按期处置率 (counting them here too would count one failure twice).
   */
  OVERDUE_RATE(
      "超期率", "overdue rate", true, Fraction.ZERO, f -> r(f.overdueHandling(), f.toHandle())),
  /**
   * 延期率 = 延期件 / 应办 (orders received and not returned). The denominator is 应办, not 应处置, because an
   * extension is usually granted while the order is still pending. 0/0 → 0.
   */
  EXTENSION_RATE(
      "延期率", "extension rate", true, Fraction.ZERO, f -> r(f.extendedOrders(), f.assigned())),
  /** 满意率 = (满意 + 基本满意) / 评价数. 0/0 (no responses) → 1: no dissatisfaction recorded. */
  SATISFACTION_RATE(
      "满意率",
      "satisfaction rate",
      false,
      Fraction.ONE,
      f -> r(f.satisfied() + f.basicallySatisfied(), f.responses())),
  /** 按时签收率 = 按时签收 / 签收. 0/0 (nothing signed for yet) → 1. */
  ON_TIME_SIGN_FOR_RATE(
      "按时签收率",
      "on-time sign-for rate",
      false,
      Fraction.ONE,
      f -> r(f.signedOnTime(), f.signedFor()));

  private final String zh;
  private final String en;
  private final boolean inverted;
  private final Fraction zeroOverZero;
  private final Function<Figures, long[]> counts;

  UnitIndicator(
      String zh,
      String en,
      boolean inverted,
      Fraction zeroOverZero,
      Function<Figures, long[]> counts) {
    this.zh = zh;
    this.en = en;
    this.inverted = inverted;
    this.zeroOverZero = zeroOverZero;
    this.counts = counts;
  }

  private static long[] r(long numerator, long denominator) {
    return new long[] {numerator, denominator};
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** True for a rate that is bad when high (返工率, 超期率, 延期率): scored as 1 − rate. */
  public boolean inverted() {
    return inverted;
  }

  public Ratio of(Figures figures) {
    long[] c = counts.apply(figures);
    return new Ratio(c[0], c[1], zeroOverZero);
  }

  /** The value in the good direction, in [0, 1]: the rate, or 1 − rate when inverted. */
  public Fraction goodValue(Figures figures) {
    Fraction v = of(figures).value();
    return inverted ? v.complement() : v;
  }
}
