package cn.szcg.assessment.domain;

/** Who a notice or warning is addressed to, from the unit up its leadership (累进逐级追究). */
public enum AccountabilityLevel {
  /** The unit itself (责任单位). */
  UNIT("责任单位", "responsible unit"),
  /** The person responsible for the case (责任人). */
  PERSON_RESPONSIBLE("责任人", "person responsible"),
  /** The unit's leader in charge (分管领导). */
  LEADER_IN_CHARGE("分管领导", "leader in charge"),
  /** The unit's principal leader (单位主要负责人). */
  UNIT_HEAD("单位主要负责人", "head of unit");

  private final String zh;
  private final String en;

  AccountabilityLevel(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The registered person at this level, or null (for {@link #UNIT}: none). */
  public PersonRef personIn(UnitContacts c) {
    return switch (this) {
      case UNIT -> null;
      case PERSON_RESPONSIBLE -> c.personOnDuty();
      case LEADER_IN_CHARGE -> c.leaderInCharge();
      case UNIT_HEAD -> c.head();
    };
  }
}
