package cn.szcg.assessment.domain;

import java.math.BigDecimal;

/**
 * Grade band (等级) of a composite score (综合指标值) on the 0–100 scale. The score is first rounded to
 * two decimals HALF_UP, and the band is taken from that rounded, printed value: A ≥ 90; B ≥ 75 and
 * &lt; 90; C ≥ 60 and &lt; 75; D ≥ 40 and &lt; 60; E &lt; 40. So 89.99 is B, 90.00 is A, and an
 * exact 89.995 prints (and grades) as 90.00 → A.
 */
public enum Grade {
  A("优秀", "excellent", new BigDecimal("90")),
  B("良好", "good", new BigDecimal("75")),
  C("合格", "satisfactory", new BigDecimal("60")),
  D("基本合格", "poor", new BigDecimal("40")),
  E("不合格", "failing", BigDecimal.ZERO);

  private final String zh;
  private final String en;
  private final BigDecimal lowerBound;

  Grade(String zh, String en, BigDecimal lowerBound) {
    this.zh = zh;
    this.en = en;
    this.lowerBound = lowerBound;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** Inclusive lower bound of the band. */
  public BigDecimal lowerBound() {
    return lowerBound;
  }

  /**
   * The band of a score (already rounded to two decimals by the caller or not: bounds are exact).
   */
  public static Grade of(BigDecimal score) {
    for (Grade g : values()) {
      if (score.compareTo(g.lowerBound) >= 0) {
        return g;
      }
    }
    return E;
  }
}
