package cn.szcg.assessment.domain;

import java.time.YearMonth;

/**
 * A notice or warning to publish (an {@code assessment} event), produced by the {@link
 * AccountabilityLedger}.
 *
 * @param actionId deterministic: "{incidentId}:{type}" (safe as an outbox / idempotency key)
 * @param type center notice, efficiency-office notice or efficiency warning
 * @param level addressee level (unit, person responsible, leader in charge, head)
 * @param unitId the unit
 * @param kind the incident kind
 * @param month the Asia/Shanghai calendar month it is counted in
 * @param ordinal this incident's number among the unit's incidents of this kind in the month
 * @param incidentId the incident
 * @param caseId the case named
 * @param person the person named (on-duty person for a center notice; the addressee of a warning),
 *     null if not registered
 * @param personMissing true if the role has no registered person (the lead should alert the center)
 * @param titleZh Chinese title
 * @param titleEn English title
 */
public record AccountabilityAction(
    String actionId,
    Type type,
    AccountabilityLevel level,
    String unitId,
    IncidentKind kind,
    YearMonth month,
    int ordinal,
    String incidentId,
    String caseId,
    PersonRef person,
    boolean personMissing,
    String titleZh,
    String titleEn) {

  /** What is published and by whom. */
  public enum Type {
    /** 县智慧中心通报: the center's notice to the unit, for every incident. */
    CENTER_NOTICE("县智慧中心", "中心通报", "center notice"),
    /** 县效能办通报: the efficiency office's notice to the unit, at each ladder rung. */
    EFFICIENCY_OFFICE_NOTICE("县效能办", "效能办通报", "efficiency-office notice"),
    /** 效能告诫: the efficiency office's warning to a person, at each ladder rung. */
    EFFICIENCY_WARNING("县效能办", "效能告诫", "efficiency warning");

    private final String issuerZh;
    private final String zh;
    private final String en;

    Type(String issuerZh, String zh, String en) {
      this.issuerZh = issuerZh;
      this.zh = zh;
      this.en = en;
    }

    public String issuerZh() {
      return issuerZh;
    }

    public String zh() {
      return zh;
    }

    public String en() {
      return en;
    }
  }
}
