package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * An accountability action under Art 33: the center's notice (通报) for every incident, and at
 * each rung of the ladder the efficiency office's notice (效能办通报) and warning (效能告诫).
 *
 * @param actionId deterministic per incident and action type (safe for idempotent consumers)
 * @param type CENTER_NOTICE, EFFICIENCY_OFFICE_NOTICE or EFFICIENCY_WARNING
 * @param level UNIT, PERSON_RESPONSIBLE, LEADER_IN_CHARGE or UNIT_HEAD
 * @param kind LATE_SIGN_FOR, OVERDUE_OR_EXPIRED_HANDLING or NOT_TO_STANDARD
 * @param month the Asia/Shanghai month it is counted in (yyyy-MM)
 * @param ordinal the incident's number among the unit's incidents of this kind in that month
 */
public record AccountabilityNotice(
    String actionId,
    String type,
    String level,
    String unitId,
    String kind,
    String month,
    int ordinal,
    String incidentId,
    String caseId,
    @Nullable String personId,
    @Nullable String personName,
    boolean personMissing,
    String titleZh,
    String titleEn,
    Instant issuedAt) {}
