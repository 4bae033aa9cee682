package cn.szcg.intake.domain;

/** What an operator, collector or the system can do to an arrival in intake. */
public enum IntakeAction {
  /** 派发核实: ask a collector to verify on site. */
  REQUEST_VERIFICATION("派发核实", "request verification"),
  /** 核实反馈: the collector reports confirmed or refuted. */
  COMPLETE_VERIFICATION("核实反馈", "complete verification"),
  /** 立案 */
  FILE("立案", "file"),
  /** 不予立案 */
  REJECT("不予立案", "reject"),
  /** 合并 */
  MERGE("合并", "merge"),
  /** 答复 (consultations only) */
  ANSWER("答复", "answer");

  private final String nameZh;
  private final String nameEn;

  IntakeAction(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public BilingualText displayName() {
    return new BilingualText(nameZh, nameEn);
  }
}
