package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.CN_TIME;
import static cn.szcg.dispatch.domain.Guards.guard;
import static cn.szcg.dispatch.domain.Guards.required;

/**
 * Returns (回退, R-16): a unit asks within the return window to give the order back; the shift lead
 * approves (the order is withdrawn, the case awaits dispatch) or refuses.
 *
 * <p>One static method per command, each run on the {@link CaseStep} {@link DispatchCase#apply}
 * opened after the state, role and time checks; {@link CaseCommandRoutes} names the method of every
 * command.
 */
final class ReturnPhase {

  private ReturnPhase() {}

  static void requestReturn(CaseStep s, CaseCommand.RequestReturn c) {
    CaseTransition t = s.t;
    DispatchOrder o = s.ownCurrentOrder();
    if (!o.origin().returnable() || o.returnDeadline() == null) {
      throw guard(
          "RETURN_NOT_ALLOWED",
          t,
          "此批办件（" + o.origin().labelZh() + "）不能回退：协调一致或指定的意见必须执行",
          "this order (" + o.origin() + ") cannot be returned: it is binding");
    }
    if (s.at.isAfter(o.returnDeadline())) {
      throw guard(
          "RETURN_WINDOW_CLOSED",
          t,
          "回退申请须在派遣后1小时内提出，已超过截止时间 " + CN_TIME.format(o.returnDeadline()),
          "a return must be requested within 1 hour of dispatch; the window closed at "
              + o.returnDeadline());
    }
    if (s.before.returnRequested(o.orderId())) {
      throw guard(
          "RETURN_ALREADY_REQUESTED",
          t,
          "此批办件已申请过回退",
          "a return was already requested for this order");
    }
    String reason = required(t, c.reason(), "MISSING_REASON", "回退理由", "reason");
    String proposed =
        required(t, c.proposedUnitId(), "MISSING_PROPOSED_UNIT", "建议承办单位", "proposed unit");
    if (proposed.equals(o.unitId())) {
      throw guard("INVALID_INPUT", t, "建议承办单位不能是本单位", "the proposed unit must be another unit");
    }
    s.addPendingReturn(o, reason, proposed);
    s.reason = reason;
    s.orderId = o.orderId();
    s.unitId = o.unitId();
    s.data.put("proposedUnitId", proposed);
    s.data.put("returnDeadline", o.returnDeadline().toString());
    s.data.put("stateBefore", s.before.state().name());
    s.to = CaseState.RETURN_REQUESTED;
  }

  static void approveReturn(CaseStep s, CaseCommand.ApproveReturn c) {
    ReturnRequest r = s.before.pendingReturn().orElseThrow();
    s.replaceReturn(r, r.decide(Decision.APPROVED, s.at, s.actor.userId(), c.note()));
    s.withdrawOpenOrders();
    s.lapsePendingSubOrderReturns();
    s.returnedUnitIds.add(r.unitId());
    s.currentOrderId = null;
    s.reason = c.note();
    s.orderId = r.orderId();
    s.unitId = r.unitId();
    s.data.put("withdrawnOrderId", r.orderId());
    s.data.put("proposedUnitId", r.proposedUnitId());
    s.to = CaseState.AWAITING_DISPATCH;
  }

  static void refuseReturn(CaseStep s, CaseCommand.RefuseReturn c) {
    ReturnRequest r = s.before.pendingReturn().orElseThrow();
    String reason = required(s.t, c.reason(), "MISSING_REASON", "驳回理由", "reason");
    s.replaceReturn(r, r.decide(Decision.REFUSED, s.at, s.actor.userId(), reason));
    s.reason = reason;
    s.orderId = r.orderId();
    s.unitId = r.unitId();
    s.to = r.stateBefore();
  }
}
