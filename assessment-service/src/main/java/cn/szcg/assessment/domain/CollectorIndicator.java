package cn.szcg.assessment.domain;

import java.util.function.Function;

/** The rates of a collector or collection unit (采集考核指标), each defined once. */
public enum CollectorIndicator {
  /** 虚报率 = 虚报/假报 / (有效上报 + 虚报/假报). Inverted. 0/0 → 0. */
  FALSE_REPORT_RATE(
      "虚报率",
      "false-report rate",
      true,
      Fraction.ZERO,
      f -> new long[] {f.falseReports(), f.validReports() + f.falseReports()}),
  /**
   * 漏报率 = 漏报 / (有效上报 + 漏报): the share of the filed problems of the collector's grids and duty times
   * that others found first. Inverted. 0/0 → 0.
   */
  MISSED_REPORT_RATE(
      "漏报率",
      "missed-report rate",
      true,
      Fraction.ZERO,
      f -> new long[] {f.missedReports(), f.validReports() + f.missedReports()}),
  /** 核实按时率 = 按时核实 / 核实. 0/0 (no task given) → 1. */
  VERIFICATION_ON_TIME_RATE(
      "核实按时率",
      "on-time verification rate",
      false,
      Fraction.ONE,
      f -> new long[] {f.verificationsOnTime(), f.verificationsOnTime() + f.verificationsLate()}),
  /** 核查按时率 = 按时核查 / 核查. 0/0 (no task given) → 1. */
  CHECK_ON_TIME_RATE(
      "核查按时率",
      "on-time check rate",
      false,
      Fraction.ONE,
      f -> new long[] {f.checksOnTime(), f.checksOnTime() + f.checksLate()});

  private final String zh;
  private final String en;
  private final boolean inverted;
  private final Fraction zeroOverZero;
  private final Function<CollectorFigures, long[]> counts;

  CollectorIndicator(
      String zh,
      String en,
      boolean inverted,
      Fraction zeroOverZero,
      Function<CollectorFigures, long[]> counts) {
    this.zh = zh;
    this.en = en;
    this.inverted = inverted;
    this.zeroOverZero = zeroOverZero;
    this.counts = counts;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public boolean inverted() {
    return inverted;
  }

  public Ratio of(CollectorFigures f) {
    long[] c = counts.apply(f);
    return new Ratio(c[0], c[1], zeroOverZero);
  }

  public Fraction goodValue(CollectorFigures f) {
    Fraction v = of(f).value();
    return inverted ? v.complement() : v;
  }
}
