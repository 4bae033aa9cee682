package cn.szcg.dispatch.domain;

/**
 * Why an order exists. Only a plain center dispatch may be returned; the rest bind.
 */
public enum OrderOrigin {
  /** 中心派遣 (matrix proposal confirmed or overridden). */
  CENTER_DISPATCH("中心派遣"),
  /** 核查不通过，原单位再次处置. */
  REDISPATCH_AFTER_FAILED_CHECK("核查不通过再次派遣"),
  /** 协调一致: binding. */
  COORDINATION_AGREEMENT("协调派遣"),
  /** 县政府指定: binding. */
  COUNTY_GOVERNMENT_DESIGNATION("县政府指定"),
  /** 二级派遣: a township-level body's sub-order to its own department. */
  SUB_ORDER("二级派遣");

  private final String labelZh;

  OrderOrigin(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Whether the unit may ask to return (回退) an order of this origin. */
  public boolean returnable() {
    return this == CENTER_DISPATCH;
  }
}
