package cn.szcg.assessment.domain;

/** Public satisfaction with a handled case (群众满意度回访, R-25). */
public enum Satisfaction {
  SATISFIED("满意", "satisfied"),
  BASICALLY_SATISFIED("基本满意", "basically satisfied"),
  DISSATISFIED("不满意", "dissatisfied");

  private final String zh;
  private final String en;

  Satisfaction(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
