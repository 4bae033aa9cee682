package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.guard;
import static cn.szcg.dispatch.domain.Guards.requirePhotos;
import static cn.szcg.dispatch.domain.Guards.required;

import java.util.List;

/**
 * Feedback and checks (处理反馈、核查, R-14, R-15, R-24): the unit reports with after-photos, a collector
 * is ordered to check, the check passes or fails (a failed check dispatches again to the same unit;
 * the second one marks handling overdue, 逾期处置).
 *
 * <p>One static method per command, each run on the {@link CaseStep} {@link DispatchCase#apply}
 * opened after the state, role and time checks; {@link CaseCommandRoutes} names the method of every
 * command.
 */
final class CheckPhase {

  private CheckPhase() {}

  static void submitFeedback(CaseStep s, CaseCommand.SubmitFeedback c) {
    DispatchOrder o = s.ownCurrentOrder();
    List<DispatchOrder> openSubs =
        s.before.subOrdersOfCurrent().stream().filter(x -> x.status().open()).toList();
    if (!openSubs.isEmpty()) {
      throw guard(
          "SUB_ORDERS_OPEN",
          s.t,
          "下属部门尚未全部反馈（逐级反馈）：" + openSubs.stream().map(DispatchOrder::unitId).toList(),
          "sub-orders still open (feedback goes up level by level): "
              + openSubs.stream().map(DispatchOrder::orderId).toList());
    }
    Feedback f = s.feedback(c.description(), c.photoIds());
    s.replaceOrder(o.fedBack(f));
    s.reason = f.description();
    s.data.put("round", o.round());
    s.data.put("photoIds", f.photoIds());
    List<String> subFeedback =
        s.before.subOrdersOfCurrent().stream()
            .filter(x -> x.status() == OrderStatus.FEEDBACK_SUBMITTED)
            .map(DispatchOrder::orderId)
            .toList();
    if (!subFeedback.isEmpty()) {
      s.data.put("subOrderIds", subFeedback);
    }
    s.to = CaseState.FEEDBACK_SUBMITTED;
  }

  static void orderCheck(CaseStep s, CaseCommand.OrderCheck c) {
    String collector = required(s.t, c.collectorId(), "MISSING_COLLECTOR", "核查采集员", "collector");
    s.checkCollectorId = collector;
    s.reason = c.note();
    s.data.put("collectorId", collector);
    s.data.put("round", s.before.currentOrder().map(DispatchOrder::round).orElse(0));
    s.to = CaseState.CHECK_ORDERED;
  }

  static void passCheck(CaseStep s, CaseCommand.PassCheck c) {
    s.assignedCollector();
    requirePhotos(s.t, c.photoIds(), "MISSING_CHECK_PHOTOS", "核查照片", "check photos");
    DispatchOrder o = s.before.currentOrder().orElseThrow();
    s.checks.add(
        new CheckResult(
            o.orderId(), o.round(), s.actor.userId(), true, c.note(), c.photoIds(), s.at));
    s.replaceOrder(o.withStatus(OrderStatus.COMPLETED));
    s.checkCollectorId = null;
    s.reason = c.note();
    s.data.put("round", o.round());
    s.data.put("photoIds", List.copyOf(c.photoIds()));
    s.to = CaseState.CHECK_PASSED;
  }

  static void failCheck(CaseStep s, CaseCommand.FailCheck c) {
    s.assignedCollector();
    String reason = required(s.t, c.reason(), "MISSING_REASON", "不通过理由", "reason");
    requirePhotos(s.t, c.photoIds(), "MISSING_CHECK_PHOTOS", "核查照片", "check photos");
    DispatchOrder o = s.before.currentOrder().orElseThrow();
    s.checks.add(
        new CheckResult(
            o.orderId(), o.round(), s.actor.userId(), false, reason, c.photoIds(), s.at));
    s.replaceOrder(o.withStatus(OrderStatus.CHECK_FAILED));
    s.checkCollectorId = null;
    s.failedChecks = s.before.failedChecks() + 1;
    boolean markNow = s.failedChecks == DispatchCase.FAILED_CHECKS_FOR_OVERDUE;
    s.overdueHandling =
        s.before.overdueHandling() || s.failedChecks >= DispatchCase.FAILED_CHECKS_FOR_OVERDUE;
    DispatchOrder again =
        DispatchOrder.dispatched(
            s.nextOrderId(),
            o.unitId(),
            null,
            o.round() + 1,
            OrderOrigin.REDISPATCH_AFTER_FAILED_CHECK,
            s.at,
            Actor.system().userId(),
            null,
            reason,
            null);
    s.addOrder(again);
    s.reason = reason;
    s.data.put("failedOrderId", o.orderId());
    s.data.put("failedRound", o.round());
    s.data.put("round", again.round());
    s.data.put("failedChecks", s.failedChecks);
    s.data.put("overdueHandling", s.overdueHandling);
    s.data.put("overdueHandlingMarked", markNow);
    s.data.put("photoIds", List.copyOf(c.photoIds()));
    s.to = CaseState.DISPATCHED;
  }
}
