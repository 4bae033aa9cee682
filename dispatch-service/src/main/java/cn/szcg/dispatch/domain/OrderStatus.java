package cn.szcg.dispatch.domain;

/** Status of one dispatch order (批办件) or sub-order. */
public enum OrderStatus {
  /** 已派遣，待签收 */
  DISPATCHED("待签收"),
  /** 已签收 */
  SIGNED_FOR("已签收"),
  /** 已批办，处置中 */
  IN_HANDLING("处置中"),
  /** 已反馈 */
  FEEDBACK_SUBMITTED("已反馈"),
  /** 核查通过，已完成 */
  COMPLETED("已完成"),
  /** 核查不通过：superseded by a new round for the same unit. */
  CHECK_FAILED("核查不通过"),
  /** 已撤回: return approved, case cancelled or transferred. */
  WITHDRAWN("已撤回"),
  /** 已回退: a sub-order whose return to the township body was approved (二级回退, R-02, R-16). */
  RETURNED("已回退");

  private final String labelZh;

  OrderStatus(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** The order still binds its unit (not completed, failed, withdrawn). */
  public boolean open() {
    return this == DISPATCHED || this == SIGNED_FOR || this == IN_HANDLING;
  }
}
