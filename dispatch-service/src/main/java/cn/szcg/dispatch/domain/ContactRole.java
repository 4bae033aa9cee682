package cn.szcg.dispatch.domain;

/** The people each unit registers with the center (Art 36, R-27). */
public enum ContactRole {
  /** 分管领导: one at a time. */
  LEADER_IN_CHARGE("分管领导", true),
  /** 处置机构负责人: one at a time. */
  HEAD_OF_HANDLING_ORGAN("处置机构负责人", true),
  /** 日常批办件接收人员: one or more at a time. */
  DAILY_RECEIVER("批办件接收人员", false);

  private final String labelZh;
  private final boolean single;

  ContactRole(String labelZh, boolean single) {
    this.labelZh = labelZh;
    this.single = single;
  }

  public String labelZh() {
    return labelZh;
  }

  /** Whether only one person holds the role at a time. */
  public boolean single() {
    return single;
  }
}
