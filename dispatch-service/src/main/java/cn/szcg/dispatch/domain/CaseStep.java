package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.guard;
import static cn.szcg.dispatch.domain.Guards.requirePhotos;
import static cn.szcg.dispatch.domain.Guards.required;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mutable working copy of a {@link DispatchCase} for one transition: the phase classes change it,
 * {@link #finish()} makes the case after it and the {@link TransitionRecord}. Holds the helpers
 * more than one phase needs (the actor's own order, withdrawing open business, the next order id).
 */
final class CaseStep {
  final DispatchCase before;
  final Actor actor;
  final Instant at;
  final CaseTransition t;
  final List<DispatchOrder> orders;
  final List<ReturnRequest> returns;
  final List<ExtensionRequest> extensions;
  final List<String> returnedUnitIds;
  final List<CheckResult> checks;
  final List<CoordinationAgreement> agreements;
  final Map<String, Object> data = new LinkedHashMap<>();
  String currentOrderId;
  int failedChecks;
  boolean overdueHandling;
  String checkCollectorId;
  String outcomeNote;
  SatisfactionRecord satisfaction;
  CaseState to;
  String reason;
  String orderId;
  String unitId;

  CaseStep(DispatchCase c, Actor actor, Instant at, CaseTransition t) {
    this.before = c;
    this.actor = actor;
    this.at = at;
    this.t = t;
    this.orders = new ArrayList<>(c.orders());
    this.returns = new ArrayList<>(c.returns());
    this.extensions = new ArrayList<>(c.extensions());
    this.returnedUnitIds = new ArrayList<>(c.returnedUnitIds());
    this.checks = new ArrayList<>(c.checks());
    this.agreements = new ArrayList<>(c.agreements());
    this.currentOrderId = c.currentOrderId();
    this.failedChecks = c.failedChecks();
    this.overdueHandling = c.overdueHandling();
    this.checkCollectorId = c.checkCollectorId();
    this.outcomeNote = c.outcomeNote();
    this.satisfaction = c.satisfaction();
    c.currentOrder()
        .ifPresent(
            o -> {
              orderId = o.orderId();
              unitId = o.unitId();
            });
  }

  // ---------------------------------------------------------------- working copy

  void addOrder(DispatchOrder o) {
    orders.add(o);
    currentOrderId = o.orderId();
    orderId = o.orderId();
    unitId = o.unitId();
  }

  void replaceOrder(DispatchOrder o) {
    for (int i = 0; i < orders.size(); i++) {
      if (orders.get(i).orderId().equals(o.orderId())) {
        orders.set(i, o);
        return;
      }
    }
    throw new IllegalStateException("no order " + o.orderId());
  }

  void replaceReturn(ReturnRequest old, ReturnRequest now) {
    returns.set(returns.indexOf(old), now);
  }

  void replaceExtension(ExtensionRequest old, ExtensionRequest now) {
    extensions.set(extensions.indexOf(old), now);
  }

  // ---------------------------------------------------------------- shared by phases

  /** Adds the pending return request (回退申请) of order or sub-order {@code o} by the actor, now. */
  void addPendingReturn(DispatchOrder o, String reason, String proposedUnitId) {
    returns.add(
        new ReturnRequest(
            o.orderId(),
            o.unitId(),
            reason,
            proposedUnitId,
            at,
            actor.userId(),
            before.state(),
            Decision.PENDING,
            null,
            null,
            null));
  }

  /** A binding order (coordination agreement, designation): round 1, no return window. */
  DispatchOrder bindingOrder(String unit, OrderOrigin origin, String req) {
    return DispatchOrder.dispatched(
        nextOrderId(), unit, null, 1, origin, at, actor.userId(), null, req, null);
  }

  /** "{caseId}-O{n}": n counts the case's top-level orders before this step. */
  String nextOrderId() {
    long n = before.orders().stream().filter(o -> !o.subOrder()).count() + 1;
    return before.caseId() + "-O" + n;
  }

  /** Ends the case's open business: open orders withdrawn, pending requests lapse, no check. */
  void endOpenBusiness() {
    withdrawOpenOrders();
    before
        .pendingReturn()
        .ifPresent(r -> replaceReturn(r, r.decide(Decision.LAPSED, at, null, null)));
    lapsePendingSubOrderReturns();
    before
        .pendingExtension()
        .ifPresent(r -> replaceExtension(r, r.decide(Decision.LAPSED, null, at, null, null)));
    checkCollectorId = null;
  }

  /** Pending sub-order returns lapse when their sub-orders are withdrawn with the order. */
  void lapsePendingSubOrderReturns() {
    for (ReturnRequest r : before.returns()) {
      if (r.decision() == Decision.PENDING && before.isSubOrder(r.orderId())) {
        replaceReturn(r, r.decide(Decision.LAPSED, at, null, null));
      }
    }
  }

  /** A sub-order (二级批办件) of the current order, by id. */
  DispatchOrder subOrderOfCurrent(String subOrderId) {
    return before.subOrdersOfCurrent().stream()
        .filter(x -> x.orderId().equals(subOrderId))
        .findFirst()
        .orElseThrow(
            () ->
                guard(
                    "NO_SUCH_SUB_ORDER",
                    t,
                    "当前批办件没有二级批办件 " + subOrderId,
                    "the current order has no sub-order " + subOrderId));
  }

  ReturnRequest pendingSubOrderReturnOfCurrent(String subOrderId) {
    DispatchOrder so = subOrderOfCurrent(subOrderId);
    return before
        .pendingSubOrderReturn(so.orderId())
        .orElseThrow(
            () ->
                guard(
                    "NO_PENDING_SUB_ORDER_RETURN",
                    t,
                    "二级批办件 " + subOrderId + " 没有待审核的回退申请",
                    "sub-order " + subOrderId + " has no pending return request"));
  }

  /**
   * A sub-order step names the sub-order and its department, and the township body's order and unit
   * (data.parentOrderId, data.parentUnitId).
   */
  void subOrderStep(DispatchOrder so) {
    orderId = so.orderId();
    unitId = so.unitId();
    data.put("parentOrderId", so.parentOrderId());
    data.put(
        "parentUnitId",
        before.findOrder(so.parentOrderId()).map(DispatchOrder::unitId).orElse(null));
  }

  void withdrawOpenOrders() {
    List<String> withdrawn = new ArrayList<>();
    for (int i = 0; i < orders.size(); i++) {
      DispatchOrder o = orders.get(i);
      if (o.status().open()) {
        orders.set(i, o.withStatus(OrderStatus.WITHDRAWN));
        withdrawn.add(o.orderId());
      }
    }
    if (!withdrawn.isEmpty()) {
      data.put("withdrawnOrderIds", withdrawn);
    }
  }

  Feedback feedback(String description, List<String> photoIds) {
    String d = required(t, description, "MISSING_DESCRIPTION", "处置情况说明", "description");
    requirePhotos(t, photoIds, "MISSING_AFTER_PHOTOS", "处置后照片", "after-photos");
    return new Feedback(d, photoIds, at, actor.userId(), actor.unitId());
  }

  /** The current order, which a unit actor must hold; names it on the step. */
  DispatchOrder ownCurrentOrder() {
    DispatchOrder o =
        before
            .currentOrder()
            .orElseThrow(
                () -> new IllegalStateException("no current order in state " + before.state()));
    if (actor.role().unitScoped() && !o.unitId().equals(actor.unitId())) {
      throw ActorNotPermittedException.otherUnit(actor, t, o.unitId());
    }
    orderId = o.orderId();
    unitId = o.unitId();
    return o;
  }

  /** The actor's department's open sub-order of the current order, in status {@code wanted}. */
  DispatchOrder ownSubOrder(OrderStatus wanted) {
    List<DispatchOrder> mine =
        before.subOrdersOfCurrent().stream()
            .filter(x -> x.unitId().equals(actor.unitId()) && x.status().open())
            .toList();
    if (mine.isEmpty()) {
      throw ActorNotPermittedException.otherUnit(
          actor,
          t,
          before.subOrdersOfCurrent().stream().map(DispatchOrder::unitId).toList().toString());
    }
    before.currentOrder().ifPresent(p -> data.put("parentUnitId", p.unitId()));
    return mine.stream()
        .filter(x -> x.status() == wanted)
        .findFirst()
        .orElseThrow(
            () ->
                guard(
                    "SUB_ORDER_STATUS",
                    t,
                    "二级批办件当前为 " + mine.get(0).status().labelZh() + "，不能执行 " + t.labelZh(),
                    "sub-order is " + mine.get(0).status() + "; " + t + " not allowed"));
  }

  void assignedCollector() {
    if (!actor.userId().equals(before.checkCollectorId())) {
      throw ActorNotPermittedException.notAssignedCollector(actor, t, before.checkCollectorId());
    }
  }

  // ---------------------------------------------------------------- result

  Transitioned finish() {
    Objects.requireNonNull(to, "target state not set");
    long version = before.version() + 1;
    DispatchCase after =
        new DispatchCase(
            before.caseId(),
            before.categoryCode(),
            before.area(),
            before.componentId(),
            before.emergency(),
            before.publicReport(),
            before.filedAt(),
            to,
            version,
            at,
            orders,
            currentOrderId,
            failedChecks,
            overdueHandling,
            returns,
            extensions,
            returnedUnitIds,
            checkCollectorId,
            checks,
            agreements,
            outcomeNote,
            satisfaction);
    data.values().removeIf(Objects::isNull);
    TransitionRecord r =
        new TransitionRecord(
            before.caseId(),
            version,
            t,
            before.state(),
            to,
            actor.userId(),
            actor.role(),
            actor.unitId(),
            at,
            reason,
            orderId,
            unitId,
            data);
    return new Transitioned(after, r);
  }
}
