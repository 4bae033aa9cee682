package cn.szcg.dispatch.domain;

import java.time.Instant;

/**
 * A return request (回退申请, R-16) and the center's decision on it.
 *
 * @param stateBefore the case state to go back to when refused
 */
public record ReturnRequest(
    String orderId,
    String unitId,
    String reason,
    String proposedUnitId,
    Instant requestedAt,
    String requestedBy,
    CaseState stateBefore,
    Decision decision,
    Instant decidedAt,
    String decidedBy,
    String decisionNote) {

  ReturnRequest decide(Decision d, Instant at, String by, String note) {
    return new ReturnRequest(
        orderId,
        unitId,
        reason,
        proposedUnitId,
        requestedAt,
        requestedBy,
        stateBefore,
        d,
        at,
        by,
        note);
  }
}
