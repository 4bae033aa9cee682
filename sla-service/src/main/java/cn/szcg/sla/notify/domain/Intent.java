package cn.szcg.sla.notify.domain;

/**
 * One thing to tell one audience, derived from one event: the routing's answer ({@link Routing}).
 *
 * @param urgent goes through quiet hours (a breach always is)
 */
public record Intent(
    Audience audience, Kind kind, boolean urgent, String titleZh, String titleEn, String caseId) {}
