package cn.szcg.contracts.events;

import java.time.Instant;

/**
 * The efficiency office (效能办) issued a 效能告诫 to the person responsible for an Art 33 notice;
 * the person must acknowledge it.
 *
 * @param warningId unique per warning
 * @param noticeActionId the {@link AccountabilityNotice#actionId()} it was issued from
 * @param personId the person warned (a realm username)
 * @param reasonZh the office's reason, in Chinese
 */
public record EfficiencyWarningIssued(
    String warningId,
    String noticeActionId,
    String unitId,
    String caseId,
    String personId,
    String personName,
    String reasonZh,
    String issuedBy,
    Instant issuedAt) {}
