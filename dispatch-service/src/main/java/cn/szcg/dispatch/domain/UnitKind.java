package cn.szcg.dispatch.domain;

/**
 * Kinds of responsible unit (处置责任单位). The county center dispatches to county departments,
 * utilities, companies and township-level bodies; a township-level body (乡镇数字城管工作机构) re-dispatches
 * to its own sub-departments (两级指挥, R-02).
 */
public enum UnitKind {
  /** 县直部门 */
  COUNTY_DEPARTMENT("县直部门", 1),
  /** 公用事业单位 (water, power, gas, telecom …) */
  UTILITY("公用事业单位", 1),
  /** 企业 / 产权单位 */
  COMPANY("企业", 1),
  /** 乡镇（街道）数字城管工作机构: level-2 command body. */
  TOWNSHIP_BODY("乡镇工作机构", 1),
  /** 乡镇下属部门: receives sub-orders from its township body. */
  SUB_DEPARTMENT("乡镇下属部门", 2);

  private final String labelZh;
  private final int dispatchLevel;

  UnitKind(String labelZh, int dispatchLevel) {
    this.labelZh = labelZh;
    this.dispatchLevel = dispatchLevel;
  }

  public String labelZh() {
    return labelZh;
  }

  /** 1: receives orders from the county center; 2: receives sub-orders from a township body. */
  public int dispatchLevel() {
    return dispatchLevel;
  }

  /** Only a township-level body may re-dispatch to its departments. */
  public boolean mayRedispatch() {
    return this == TOWNSHIP_BODY;
  }
}
