package cn.szcg.contracts.events;

import java.time.Instant;

/** A consultation (咨询) was answered and closed by the operator; it is never filed. */
public record ConsultationAnswered(String caseId, Instant answeredAt, String answeredBy) {}
