package cn.szcg.assessment.domain;

import java.util.function.Function;

/** The rates of a center operator (受理员考核指标). None is inverted; every 0/0 → 1 (no task). */
public enum OperatorIndicator {
  /** 立案及时率 = 按时立案 / 立案. */
  FILED_ON_TIME_RATE("立案及时率", "on-time filing rate", f -> new long[] {f.filedOnTime(), f.filed()}),
  /** 派遣准确率 = (派遣 − 回退) / 派遣. */
  DISPATCH_ACCURACY_RATE(
      "派遣准确率",
      "dispatch accuracy rate",
      f -> new long[] {f.dispatched() - f.dispatchesReturned(), f.dispatched()}),
  /** 结案及时率 = 按时结案 / 结案. */
  CLOSED_ON_TIME_RATE(
      "结案及时率", "on-time closing rate", f -> new long[] {f.closedOnTime(), f.closed()});

  private final String zh;
  private final String en;
  private final Function<OperatorFigures, long[]> counts;

  OperatorIndicator(String zh, String en, Function<OperatorFigures, long[]> counts) {
    this.zh = zh;
    this.en = en;
    this.counts = counts;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public Ratio of(OperatorFigures f) {
    long[] c = counts.apply(f);
    return new Ratio(c[0], c[1], Fraction.ONE);
  }
}
