package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.CN_TIME;
import static cn.szcg.dispatch.domain.Guards.guard;
import static cn.szcg.dispatch.domain.Guards.required;

/**
 * Sub-orders (二级派遣, R-02): a township body re-dispatches to one of its departments, which signs
 * for, reports back (逐级反馈) or asks to return (二级回退) within its window; the township body decides on
 * the return.
 *
 * <p>One static method per command, each run on the {@link CaseStep} {@link DispatchCase#apply}
 * opened after the state, role and time checks; {@link CaseCommandRoutes} names the method of every
 * command.
 */
final class SubOrderPhase {

  private SubOrderPhase() {}

  static void redispatchToSubUnit(CaseStep s, CaseCommand.RedispatchToSubUnit c) {
    CaseTransition t = s.t;
    DispatchOrder o = s.ownCurrentOrder();
    Unit sub = c.subUnit();
    if (sub == null) {
      throw guard("MISSING_UNIT", t, "未指定下属部门", "no sub-unit given");
    }
    if (!o.unitId().equals(sub.parentUnitId())) {
      throw guard(
          "NOT_A_SUB_UNIT",
          t,
          "单位 " + sub.unitId() + " 不是 " + o.unitId() + " 的下属部门，不能二级派遣",
          "unit " + sub.unitId() + " is not a department of " + o.unitId());
    }
    if (!sub.active()) {
      throw guard("UNIT_INACTIVE", t, "单位 " + sub.unitId() + " 已停用", "unit is inactive");
    }
    boolean returned =
        s.before.returns().stream()
            .anyMatch(
                r ->
                    r.decision() == Decision.APPROVED
                        && r.unitId().equals(sub.unitId())
                        && s.before
                            .findOrder(r.orderId())
                            .map(x -> o.orderId().equals(x.parentOrderId()))
                            .orElse(false));
    if (returned) {
      throw guard(
          "SUB_UNIT_RETURNED",
          t,
          "下属部门 " + sub.unitId() + " 的二级回退申请已获同意，不能再次向其二级派遣",
          "department " + sub.unitId() + " had its return of this sub-order approved");
    }
    boolean open =
        s.before.subOrdersOfCurrent().stream()
            .anyMatch(x -> x.unitId().equals(sub.unitId()) && x.status().open());
    if (open) {
      throw guard(
          "SUB_ORDER_OPEN",
          t,
          "已向 " + sub.unitId() + " 派出未完成的二级批办件",
          "an open sub-order for " + sub.unitId() + " exists");
    }
    long n =
        s.before.orders().stream().filter(x -> o.orderId().equals(x.parentOrderId())).count() + 1;
    DispatchOrder so =
        DispatchOrder.dispatched(
            o.orderId() + "-S" + n,
            sub.unitId(),
            o.orderId(),
            o.round(),
            OrderOrigin.SUB_ORDER,
            s.at,
            s.actor.userId(),
            c.returnDeadline(),
            c.requirements(),
            null);
    s.orders.add(so);
    s.reason = c.requirements();
    s.orderId = so.orderId();
    s.unitId = so.unitId();
    s.data.put("parentOrderId", o.orderId());
    s.data.put("parentUnitId", o.unitId());
    if (c.returnDeadline() != null) {
      s.data.put("returnDeadline", c.returnDeadline().toString());
    }
    s.to = CaseState.IN_HANDLING;
  }

  static void signForSubOrder(CaseStep s, CaseCommand.SignForSubOrder c) {
    DispatchOrder so = s.ownSubOrder(OrderStatus.DISPATCHED);
    s.replaceOrder(so.signed(s.at, s.actor.userId()));
    s.reason = c.note();
    s.orderId = so.orderId();
    s.unitId = so.unitId();
    s.data.put("parentOrderId", so.parentOrderId());
    s.data.put("dispatchedAt", so.dispatchedAt().toString());
    s.to = CaseState.IN_HANDLING;
  }

  static void submitSubFeedback(CaseStep s, CaseCommand.SubmitSubFeedback c) {
    DispatchOrder so = s.ownSubOrder(OrderStatus.SIGNED_FOR);
    Feedback f = s.feedback(c.description(), c.photoIds());
    s.replaceOrder(so.fedBack(f));
    s.reason = f.description();
    s.orderId = so.orderId();
    s.unitId = so.unitId();
    s.data.put("parentOrderId", so.parentOrderId());
    s.data.put("photoIds", f.photoIds());
    s.to = CaseState.IN_HANDLING;
  }

  static void requestSubOrderReturn(CaseStep s, CaseCommand.RequestSubOrderReturn c) {
    CaseTransition t = s.t;
    DispatchOrder so = s.subOrderOfCurrent(c.subOrderId());
    if (s.actor.role().unitScoped() && !so.unitId().equals(s.actor.unitId())) {
      throw ActorNotPermittedException.otherUnit(s.actor, t, so.unitId());
    }
    if (!so.status().open()) {
      throw guard(
          "SUB_ORDER_STATUS",
          t,
          "二级批办件当前为 " + so.status().labelZh() + "，不能申请回退",
          "sub-order is " + so.status() + "; " + t + " not allowed");
    }
    if (so.returnDeadline() == null) {
      throw guard("RETURN_NOT_ALLOWED", t, "此二级批办件不能回退", "this sub-order has no return window");
    }
    if (s.at.isAfter(so.returnDeadline())) {
      throw guard(
          "RETURN_WINDOW_CLOSED",
          t,
          "二级回退申请须在二级派遣后1小时内提出，已超过截止时间 " + CN_TIME.format(so.returnDeadline()),
          "a sub-order return must be requested within 1 hour of the sub-dispatch; the window"
              + " closed at "
              + so.returnDeadline());
    }
    if (s.before.returnRequested(so.orderId())) {
      throw guard(
          "RETURN_ALREADY_REQUESTED",
          t,
          "此二级批办件已申请过回退",
          "a return was already requested for this sub-order");
    }
    String reason = required(t, c.reason(), "MISSING_REASON", "回退理由", "reason");
    String suggested =
        required(t, c.suggestedUnitId(), "MISSING_SUGGESTED_UNIT", "建议承办单位", "suggested unit");
    if (suggested.equals(so.unitId())) {
      throw guard("INVALID_INPUT", t, "建议承办单位不能是本部门", "the suggested unit must be another unit");
    }
    s.addPendingReturn(so, reason, suggested);
    s.reason = reason;
    s.subOrderStep(so);
    s.data.put("suggestedUnitId", suggested);
    s.data.put("returnDeadline", so.returnDeadline().toString());
    s.to = s.before.state();
  }

  static void approveSubOrderReturn(CaseStep s, CaseCommand.ApproveSubOrderReturn c) {
    s.ownCurrentOrder();
    ReturnRequest r = s.pendingSubOrderReturnOfCurrent(c.subOrderId());
    DispatchOrder so = s.before.findOrder(r.orderId()).orElseThrow();
    s.replaceReturn(r, r.decide(Decision.APPROVED, s.at, s.actor.userId(), c.note()));
    s.replaceOrder(so.withStatus(OrderStatus.RETURNED));
    s.reason = c.note();
    s.subOrderStep(so);
    s.data.put("suggestedUnitId", r.proposedUnitId());
    s.to = s.before.state();
  }

  static void refuseSubOrderReturn(CaseStep s, CaseCommand.RefuseSubOrderReturn c) {
    s.ownCurrentOrder();
    ReturnRequest r = s.pendingSubOrderReturnOfCurrent(c.subOrderId());
    String reason = required(s.t, c.reason(), "MISSING_REASON", "驳回理由", "reason");
    DispatchOrder so = s.before.findOrder(r.orderId()).orElseThrow();
    s.replaceReturn(r, r.decide(Decision.REFUSED, s.at, s.actor.userId(), reason));
    s.reason = reason;
    s.subOrderStep(so);
    s.data.put("suggestedUnitId", r.proposedUnitId());
    s.to = s.before.state();
  }
}
