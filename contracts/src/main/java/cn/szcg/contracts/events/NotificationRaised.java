package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;

/**
 * A person was told something (通知): the console shows it in the person's inbox at once. Carries no
 * phone number or other contact detail — only the recipient's realm username.
 *
 * @param notificationId unique per notification (the idempotency key of every channel's send)
 * @param recipientId the recipient's realm username
 * @param kind NEW_ORDER, CLOCK_WARNING, CLOCK_BREACH, TASK, REPORT_REFUSED, REPORT_RETURNED,
 *     ACCOUNTABILITY_NOTICE, EFFICIENCY_WARNING or PERIODIC_REPORT
 * @param urgent whether it goes through quiet hours (a breach always does)
 */
public record NotificationRaised(
    String notificationId,
    String recipientId,
    String kind,
    boolean urgent,
    String titleZh,
    String titleEn,
    @Nullable String caseId,
    Instant raisedAt) {}
