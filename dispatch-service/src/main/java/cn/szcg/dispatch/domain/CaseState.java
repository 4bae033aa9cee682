package cn.szcg.dispatch.domain;

/** States of a case (案件状态) in dispatch-service, from filing to closing. */
public enum CaseState {
  /** 待派遣: filed by the center, no order yet. */
  AWAITING_DISPATCH("待派遣"),
  /** 已派遣: an order went to a unit, awaiting sign-for. */
  DISPATCHED("已派遣"),
  /** 已签收: the unit read and received the order (查阅接收); awaiting its leader's approval. */
  SIGNED_FOR("已签收"),
  /** 处置中: the leader in charge approved (批办) the order; the unit handles it. */
  IN_HANDLING("处置中"),
  /** 回退申请中: the unit asked to return the order. */
  RETURN_REQUESTED("回退申请中"),
  /** 延期申请中: the unit asked for more time. */
  EXTENSION_REQUESTED("延期申请中"),
  /**
   * 已挂起 (缓办): the shift lead suspended handling for a recorded reason (weather, a court ruling, a
   * third party); the unit's clocks are paused until RESUME (never for emergencies, R-20).
   */
  SUSPENDED("已挂起"),
  /** 已反馈: the unit reported the result (处理反馈, R-14). */
  FEEDBACK_SUBMITTED("已反馈"),
  /** 核查中: a collector was ordered to check on site. */
  CHECK_ORDERED("核查中"),
  /** 核查通过: the check passed; awaiting the center's closing (结案审定). */
  CHECK_PASSED("核查通过"),
  /** 协调中: no unit clearly responsible; the center coordinates (属地管辖, R-17). */
  COORDINATING("协调中"),
  /** 已报县政府: the center could not settle it; the county government designates. */
  ESCALATED_TO_COUNTY_GOVERNMENT("已报县政府"),
  /** 应急处置中: emergency without an identifiable unit. */
  EMERGENCY_ARRANGEMENT("应急处置中"),
  /** 已结案 (terminal). */
  CLOSED("已结案"),
  /** 已移交执法 (terminal, R-21). */
  TRANSFERRED_TO_LAW_ENFORCEMENT("已移交执法"),
  /** 已作废 (terminal). */
  CANCELLED("已作废");

  private final String labelZh;

  CaseState(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Closing outcomes: nothing but satisfaction (on CLOSED) may follow. */
  public boolean terminal() {
    return this == CLOSED || this == TRANSFERRED_TO_LAW_ENFORCEMENT || this == CANCELLED;
  }
}
