package cn.szcg.dispatch.domain;

import java.time.Instant;

/**
 * A dispatch order (批办件/派遣指令) to one unit, or a sub-order (二级派遣) of a township-level body to one of
 * its departments ({@code parentOrderId} set).
 *
 * @param orderId "{caseId}-O{n}" for orders, "{parentOrderId}-S{m}" for sub-orders
 * @param round handling round (处置轮次) of this unit on this case: 1, then +1 after each failed check
 * @param returnDeadline end of the return window (回退时限, R-16) as computed by sla-service; null when
 *     the order cannot be returned
 * @param decision how the unit was chosen (matrix proposal, override); null for orders not from
 *     {@link OrderOrigin#CENTER_DISPATCH}
 */
public record DispatchOrder(
    String orderId,
    String unitId,
    String parentOrderId,
    int round,
    OrderOrigin origin,
    OrderStatus status,
    Instant dispatchedAt,
    String dispatchedBy,
    Instant returnDeadline,
    String requirements,
    DispatchDecision decision,
    Instant signedAt,
    String signedBy,
    Instant approvedAt,
    String approvedBy,
    String approvalNote,
    Feedback feedback) {

  static DispatchOrder dispatched(
      String orderId,
      String unitId,
      String parentOrderId,
      int round,
      OrderOrigin origin,
      Instant at,
      String by,
      Instant returnDeadline,
      String requirements,
      DispatchDecision decision) {
    return new DispatchOrder(
        orderId,
        unitId,
        parentOrderId,
        round,
        origin,
        OrderStatus.DISPATCHED,
        at,
        by,
        returnDeadline,
        requirements,
        decision,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public boolean subOrder() {
    return parentOrderId != null;
  }

  DispatchOrder withStatus(OrderStatus s) {
    return new DispatchOrder(
        orderId,
        unitId,
        parentOrderId,
        round,
        origin,
        s,
        dispatchedAt,
        dispatchedBy,
        returnDeadline,
        requirements,
        decision,
        signedAt,
        signedBy,
        approvedAt,
        approvedBy,
        approvalNote,
        feedback);
  }

  DispatchOrder signed(Instant at, String by) {
    return new DispatchOrder(
        orderId,
        unitId,
        parentOrderId,
        round,
        origin,
        OrderStatus.SIGNED_FOR,
        dispatchedAt,
        dispatchedBy,
        returnDeadline,
        requirements,
        decision,
        at,
        by,
        approvedAt,
        approvedBy,
        approvalNote,
        feedback);
  }

  DispatchOrder approved(Instant at, String by, String note) {
    return new DispatchOrder(
        orderId,
        unitId,
        parentOrderId,
        round,
        origin,
        OrderStatus.IN_HANDLING,
        dispatchedAt,
        dispatchedBy,
        returnDeadline,
        requirements,
        decision,
        signedAt,
        signedBy,
        at,
        by,
        note,
        feedback);
  }

  DispatchOrder fedBack(Feedback f) {
    return new DispatchOrder(
        orderId,
        unitId,
        parentOrderId,
        round,
        origin,
        OrderStatus.FEEDBACK_SUBMITTED,
        dispatchedAt,
        dispatchedBy,
        returnDeadline,
        requirements,
        decision,
        signedAt,
        signedBy,
        approvedAt,
        approvedBy,
        approvalNote,
        f);
  }

  DispatchOrder withReturnDeadline(Instant deadline) {
    return new DispatchOrder(
        orderId,
        unitId,
        parentOrderId,
        round,
        origin,
        status,
        dispatchedAt,
        dispatchedBy,
        deadline,
        requirements,
        decision,
        signedAt,
        signedBy,
        approvedAt,
        approvedBy,
        approvalNote,
        feedback);
  }
}
