package cn.szcg.dispatch.domain;

/**
 * Actor roles (角色) as the regulation names them. Unit roles are scoped to one unit: the actor's
 * unit id must be the unit of the order it acts on.
 */
public enum Role {
  /** 信息采集员 */
  COLLECTOR("信息采集员", false),
  /** 受理员 */
  OPERATOR("受理员", false),
  /** 值班长 */
  SHIFT_LEAD("值班长", false),
  /** 派遣员 */
  DISPATCHER("派遣员", false),
  /** 批办件接收人员 */
  UNIT_RECEIVER("批办件接收人员", true),
  /** 单位分管领导 */
  UNIT_LEADER("单位分管领导", true),
  /** 单位处置人员 */
  UNIT_HANDLER("单位处置人员", true),
  /** 县效能办 */
  EFFICIENCY_OFFICE("县效能办", false),
  /** 县政府督查室 */
  SUPERVISION_OFFICE("县政府督查室", false),
  /** 县政府 */
  COUNTY_GOVERNMENT("县政府", false),
  /** 系统管理员 */
  ADMIN("系统管理员", false),
  /** 12345热线平台: the hotline platform's machine client (its follow-up satisfaction, R-25). */
  HOTLINE_PLATFORM("12345热线平台", false),
  /** 系统（自动） */
  SYSTEM("系统", false);

  private final String labelZh;
  private final boolean unitScoped;

  Role(String labelZh, boolean unitScoped) {
    this.labelZh = labelZh;
    this.unitScoped = unitScoped;
  }

  public String labelZh() {
    return labelZh;
  }

  /**
   * True for the roles of a responsible unit (处置责任单位): they act on their own unit's orders only.
   */
  public boolean unitScoped() {
    return unitScoped;
  }
}
