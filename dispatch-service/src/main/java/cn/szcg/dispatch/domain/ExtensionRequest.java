package cn.szcg.dispatch.domain;

import java.time.Instant;

/**
 * An extension request (延期申请) and the center's decision. The deadlines are computed by sla-service;
 * the domain only records them.
 */
public record ExtensionRequest(
    String orderId,
    String unitId,
    String reason,
    Instant requestedDeadline,
    Instant requestedAt,
    String requestedBy,
    Decision decision,
    Instant grantedDeadline,
    Instant decidedAt,
    String decidedBy,
    String decisionNote) {

  ExtensionRequest decide(Decision d, Instant granted, Instant at, String by, String note) {
    return new ExtensionRequest(
        orderId,
        unitId,
        reason,
        requestedDeadline,
        requestedAt,
        requestedBy,
        d,
        granted,
        at,
        by,
        note);
  }
}
