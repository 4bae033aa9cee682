package cn.szcg.dispatch.domain;

/** Public satisfaction (公众满意度, R-25). */
public enum SatisfactionLevel {
  /** 满意 */
  SATISFIED("满意"),
  /** 基本满意 */
  BASICALLY_SATISFIED("基本满意"),
  /** 不满意 */
  DISSATISFIED("不满意");

  private final String labelZh;

  SatisfactionLevel(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
