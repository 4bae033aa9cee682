package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A case (案件) in dispatch-service: the state machine from filing to closing (R-03, R-13..R-21),
 * immutable. Every command returns the case after it and a {@link TransitionRecord}; illegal
 * commands throw a {@link CaseDomainException}. The canonical constructor restores a stored case.
 *
 * @param area township / community / grid of the case (for the matrix and coordination)
 * @param componentId the component (部件) id for component cases, else null
 * @param emergency 突发事件: natural-time clocks, no extension, emergency arrangement
 * @param publicReport the case came from a public report (satisfaction may be recorded, R-25)
 * @param version number of transitions applied so far (optimistic locking)
 * @param orders all orders and sub-orders, oldest first
 * @param currentOrderId the top-level order in force; null when none
 * @param failedChecks checks failed so far
 * @param overdueHandling 逾期处置: set by the second failed check
 * @param returnedUnitIds units whose return (回退) of this case was approved: not dispatched again by
 *     plain dispatch
 * @param checkCollectorId the collector ordered to check now; null when no check is ordered
 * @param outcomeNote cancel reason, or law-enforcement body and reason, or closing note
 */
public record DispatchCase(
    String caseId,
    String categoryCode,
    AreaRef area,
    String componentId,
    boolean emergency,
    boolean publicReport,
    Instant filedAt,
    CaseState state,
    long version,
    Instant lastChangedAt,
    List<DispatchOrder> orders,
    String currentOrderId,
    int failedChecks,
    boolean overdueHandling,
    List<ReturnRequest> returns,
    List<ExtensionRequest> extensions,
    List<String> returnedUnitIds,
    String checkCollectorId,
    List<CheckResult> checks,
    List<CoordinationAgreement> agreements,
    String outcomeNote,
    SatisfactionRecord satisfaction) {

  /** Failed checks from which handling counts as overdue (逾期处置, Art 24). */
  public static final int FAILED_CHECKS_FOR_OVERDUE = 2;

  private static final DateTimeFormatter CN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  public DispatchCase {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(state, "state");
    area = area == null ? AreaRef.COUNTY : area;
    orders = List.copyOf(orders == null ? List.of() : orders);
    returns = List.copyOf(returns == null ? List.of() : returns);
    extensions = List.copyOf(extensions == null ? List.of() : extensions);
    returnedUnitIds = List.copyOf(returnedUnitIds == null ? List.of() : returnedUnitIds);
    checks = List.copyOf(checks == null ? List.of() : checks);
    agreements = List.copyOf(agreements == null ? List.of() : agreements);
  }

  // ---------------------------------------------------------------- opening

  /**
   * A filed case enters dispatch (接收立案), state {@link CaseState#AWAITING_DISPATCH}. Called when
   * intake's {@code case-filed} event arrives.
   */
  public static Transitioned open(
      String caseId,
      String categoryCode,
      AreaRef area,
      String componentId,
      boolean emergency,
      boolean publicReport,
      Instant filedAt,
      Instant at) {
    if (caseId == null || caseId.isBlank()) {
      throw new IllegalArgumentException("caseId must not be blank");
    }
    Objects.requireNonNull(at, "at");
    DispatchCase c =
        new DispatchCase(
            caseId,
            categoryCode,
            area,
            componentId,
            emergency,
            publicReport,
            filedAt,
            CaseState.AWAITING_DISPATCH,
            1,
            at,
            List.of(),
            null,
            0,
            false,
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(),
            List.of(),
            null,
            null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("categoryCode", categoryCode);
    data.put("emergency", emergency);
    data.put("publicReport", publicReport);
    if (componentId != null) {
      data.put("componentId", componentId);
    }
    if (filedAt != null) {
      data.put("filedAt", filedAt.toString());
    }
    Actor sys = Actor.system();
    TransitionRecord r =
        new TransitionRecord(
            caseId,
            1,
            CaseTransition.OPEN,
            null,
            CaseState.AWAITING_DISPATCH,
            sys.userId(),
            sys.role(),
            null,
            at,
            null,
            null,
            null,
            data);
    return new Transitioned(c, r);
  }

  // ---------------------------------------------------------------- queries

  /** The top-level order in force, if any. */
  public Optional<DispatchOrder> currentOrder() {
    return findOrder(currentOrderId);
  }

  /** The unit responsible now (the current order's unit), if any. */
  public Optional<String> responsibleUnitId() {
    return currentOrder().map(DispatchOrder::unitId);
  }

  /** Any order or sub-order by id. */
  public Optional<DispatchOrder> findOrder(String orderId) {
    if (orderId == null) {
      return Optional.empty();
    }
    return orders.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
  }

  /** Sub-orders (二级派遣) of the current order, oldest first. */
  public List<DispatchOrder> subOrdersOfCurrent() {
    if (currentOrderId == null) {
      return List.of();
    }
    return orders.stream().filter(o -> currentOrderId.equals(o.parentOrderId())).toList();
  }

  /** The pending return request of an order (not a sub-order) to the center, if any. */
  public Optional<ReturnRequest> pendingReturn() {
    return returns.stream()
        .filter(r -> r.decision() == Decision.PENDING && !isSubOrder(r.orderId()))
        .findFirst();
  }

  /** The pending return request (二级回退) of sub-order {@code subOrderId}, if any. */
  public Optional<ReturnRequest> pendingSubOrderReturn(String subOrderId) {
    return returns.stream()
        .filter(r -> r.decision() == Decision.PENDING && r.orderId().equals(subOrderId))
        .filter(r -> isSubOrder(r.orderId()))
        .findFirst();
  }

  private boolean isSubOrder(String orderId) {
    return findOrder(orderId).map(DispatchOrder::subOrder).orElse(false);
  }

  /** The pending extension request, if any. */
  public Optional<ExtensionRequest> pendingExtension() {
    return extensions.stream().filter(r -> r.decision() == Decision.PENDING).findFirst();
  }

  /**
   * Transitions this actor may attempt now (state, role and unit scope; other guards such as the
   * return window are checked when applied). For UI action lists.
   */
  public List<CaseTransition> availableTransitions(Actor actor) {
    return CaseTransition.allowedFromState(state).stream()
        .filter(t -> t.allowedFor(actor.role()))
        .filter(t -> !actor.role().unitScoped() || unitScopeOk(actor, t))
        .toList();
  }

  /**
   * The same case with the return deadline (回退时限, R-16) of one open, returnable order set to {@code
   * deadline} — for the deadline sla-service computed in working time (its RETURN_WINDOW clock),
   * replacing the provisional one given at dispatch. Not a transition: state, version and history
   * are unchanged. Unchanged when the order is unknown, closed, not returnable or already has a
   * return request.
   */
  public DispatchCase withReturnDeadline(String orderId, Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    Optional<DispatchOrder> o = findOrder(orderId);
    boolean requested = returns.stream().anyMatch(r -> r.orderId().equals(orderId));
    if (o.isEmpty()
        || !o.get().status().open()
        || !(o.get().origin().returnable() || o.get().subOrder())
        || o.get().returnDeadline() == null
        || requested
        || deadline.equals(o.get().returnDeadline())) {
      return this;
    }
    List<DispatchOrder> os = new ArrayList<>(orders);
    os.set(os.indexOf(o.get()), o.get().withReturnDeadline(deadline));
    return new DispatchCase(
        caseId,
        categoryCode,
        area,
        componentId,
        emergency,
        publicReport,
        filedAt,
        state,
        version,
        lastChangedAt,
        os,
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
  }

  // ---------------------------------------------------------------- commands

  /**
   * Apply a command. Checks, in order: the state allows the transition ({@link
   * IllegalTransitionException}), the role is allowed and a unit actor acts on its own unit's order
   * ({@link ActorNotPermittedException}), then the transition's guards ({@link
   * GuardViolationException}).
   *
   * @param at when it happens (server time); must not precede the last change
   */
  public Transitioned apply(Actor actor, Instant at, CaseCommand command) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(command, "command");
    CaseTransition t = command.transition();
    if (!t.allowedFrom(state)) {
      throw new IllegalTransitionException(state, t);
    }
    if (!t.allowedFor(actor.role())) {
      throw ActorNotPermittedException.role(actor, t);
    }
    if (lastChangedAt != null && at.isBefore(lastChangedAt)) {
      throw guard(
          "TIME_BEFORE_LAST_CHANGE",
          t,
          "操作时间早于案件上次变更时间",
          "time " + at + " precedes the case's last change " + lastChangedAt);
    }
    Step s = new Step(this, actor, at, t);
    if (command instanceof CaseCommand.Dispatch c) {
      dispatch(s, c);
    } else if (command instanceof CaseCommand.SignFor c) {
      signFor(s, c);
    } else if (command instanceof CaseCommand.ApproveByLeader c) {
      approveByLeader(s, c);
    } else if (command instanceof CaseCommand.RequestReturn c) {
      requestReturn(s, c);
    } else if (command instanceof CaseCommand.ApproveReturn c) {
      approveReturn(s, c);
    } else if (command instanceof CaseCommand.RefuseReturn c) {
      refuseReturn(s, c);
    } else if (command instanceof CaseCommand.RequestExtension c) {
      requestExtension(s, c);
    } else if (command instanceof CaseCommand.GrantExtension c) {
      grantExtension(s, c);
    } else if (command instanceof CaseCommand.RefuseExtension c) {
      refuseExtension(s, c);
    } else if (command instanceof CaseCommand.Suspend c) {
      suspend(s, c);
    } else if (command instanceof CaseCommand.Resume c) {
      s.reason = c.note();
      s.data.put("suspendedAt", lastChangedAt.toString());
      s.to = CaseState.IN_HANDLING;
    } else if (command instanceof CaseCommand.RedispatchToSubUnit c) {
      redispatchToSubUnit(s, c);
    } else if (command instanceof CaseCommand.SignForSubOrder c) {
      signForSubOrder(s, c);
    } else if (command instanceof CaseCommand.SubmitSubFeedback c) {
      submitSubFeedback(s, c);
    } else if (command instanceof CaseCommand.RequestSubOrderReturn c) {
      requestSubOrderReturn(s, c);
    } else if (command instanceof CaseCommand.ApproveSubOrderReturn c) {
      approveSubOrderReturn(s, c);
    } else if (command instanceof CaseCommand.RefuseSubOrderReturn c) {
      refuseSubOrderReturn(s, c);
    } else if (command instanceof CaseCommand.SubmitFeedback c) {
      submitFeedback(s, c);
    } else if (command instanceof CaseCommand.OrderCheck c) {
      orderCheck(s, c);
    } else if (command instanceof CaseCommand.PassCheck c) {
      passCheck(s, c);
    } else if (command instanceof CaseCommand.FailCheck c) {
      failCheck(s, c);
    } else if (command instanceof CaseCommand.Close c) {
      s.reason = c.note();
      s.outcomeNote = c.note();
      s.to = CaseState.CLOSED;
    } else if (command instanceof CaseCommand.StartCoordination c) {
      s.reason = required(t, c.reason(), "MISSING_REASON", "协调原因", "reason");
      s.to = CaseState.COORDINATING;
    } else if (command instanceof CaseCommand.RecordCoordinationAgreement c) {
      recordAgreement(s, c);
    } else if (command instanceof CaseCommand.EscalateToCountyGovernment c) {
      s.reason = required(t, c.reason(), "MISSING_REASON", "上报原因", "reason");
      s.to = CaseState.ESCALATED_TO_COUNTY_GOVERNMENT;
    } else if (command instanceof CaseCommand.DesignateUnit c) {
      designateUnit(s, c);
    } else if (command instanceof CaseCommand.StartEmergencyArrangement c) {
      startEmergency(s, c);
    } else if (command instanceof CaseCommand.RecordEmergencyMeasures c) {
      s.reason = required(t, c.measures(), "MISSING_MEASURES", "应急措施", "measures");
      s.to = CaseState.EMERGENCY_ARRANGEMENT;
    } else if (command instanceof CaseCommand.TransferToLawEnforcement c) {
      transfer(s, c);
    } else if (command instanceof CaseCommand.Cancel c) {
      s.reason = required(t, c.reason(), "MISSING_REASON", "作废原因", "reason");
      s.outcomeNote = s.reason;
      endOpenBusiness(s);
      s.to = CaseState.CANCELLED;
    } else if (command instanceof CaseCommand.RecordSatisfaction c) {
      recordSatisfaction(s, c);
    } else {
      throw new IllegalArgumentException("unknown command " + command);
    }
    return s.finish();
  }

  // ---------------------------------------------------------------- transitions

  private void dispatch(Step s, CaseCommand.Dispatch c) {
    CaseTransition t = s.t;
    DispatchDecision d = c.decision();
    if (d == null || d.unitId() == null || d.unitId().isBlank()) {
      throw guard("MISSING_UNIT", t, "未指定处置责任单位", "no unit chosen");
    }
    if (d.overridden() && (d.overrideReason() == null || d.overrideReason().isBlank())) {
      throw guard(
          "MISSING_OVERRIDE_REASON",
          t,
          "未采用责任矩阵推荐单位时须说明理由",
          "choosing another unit than the matrix proposal needs a reason");
    }
    if (returnedUnitIds.contains(d.unitId())) {
      throw guard(
          "UNIT_RETURNED_CASE",
          t,
          "单位 " + d.unitId() + " 的回退申请已获同意，不能再次派遣给该单位；如有争议请协调",
          "unit "
              + d.unitId()
              + " had its return of this case approved; dispatch elsewhere or coordinate");
    }
    if (c.returnDeadline() == null || !c.returnDeadline().isAfter(s.at)) {
      throw guard(
          "MISSING_RETURN_DEADLINE",
          t,
          "须提供派遣后的回退截止时间",
          "the return deadline (after the dispatch instant) is required");
    }
    DispatchOrder o =
        DispatchOrder.dispatched(
            nextOrderId(),
            d.unitId(),
            null,
            1,
            OrderOrigin.CENTER_DISPATCH,
            s.at,
            s.actor.userId(),
            c.returnDeadline(),
            c.requirements(),
            d);
    s.addOrder(o);
    s.reason = d.overridden() ? d.overrideReason() : c.requirements();
    s.data.put("origin", o.origin().name());
    s.data.put("round", 1);
    s.data.put("returnDeadline", c.returnDeadline().toString());
    s.data.put("proposedUnitId", d.proposedUnitId());
    s.data.put("matchedRuleId", d.matchedRuleId());
    s.data.put("proposalExplanation", d.proposalExplanation());
    s.data.put("overridden", d.overridden());
    if (d.overridden()) {
      s.data.put("overrideReason", d.overrideReason());
    }
    s.data.put("requirements", c.requirements());
    s.to = CaseState.DISPATCHED;
  }

  private void signFor(Step s, CaseCommand.SignFor c) {
    DispatchOrder o = ownCurrentOrder(s);
    s.replaceOrder(o.signed(s.at, s.actor.userId()));
    s.reason = c.note();
    s.data.put("dispatchedAt", o.dispatchedAt().toString());
    s.to = CaseState.SIGNED_FOR;
  }

  private void approveByLeader(Step s, CaseCommand.ApproveByLeader c) {
    DispatchOrder o = ownCurrentOrder(s);
    s.replaceOrder(o.approved(s.at, s.actor.userId(), c.instructions()));
    s.reason = c.instructions();
    s.to = CaseState.IN_HANDLING;
  }

  private void requestReturn(Step s, CaseCommand.RequestReturn c) {
    CaseTransition t = s.t;
    DispatchOrder o = ownCurrentOrder(s);
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
    if (returns.stream().anyMatch(r -> r.orderId().equals(o.orderId()))) {
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
    s.returns.add(
        new ReturnRequest(
            o.orderId(),
            o.unitId(),
            reason,
            proposed,
            s.at,
            s.actor.userId(),
            state,
            Decision.PENDING,
            null,
            null,
            null));
    s.reason = reason;
    s.orderId = o.orderId();
    s.unitId = o.unitId();
    s.data.put("proposedUnitId", proposed);
    s.data.put("returnDeadline", o.returnDeadline().toString());
    s.data.put("stateBefore", state.name());
    s.to = CaseState.RETURN_REQUESTED;
  }

  private void approveReturn(Step s, CaseCommand.ApproveReturn c) {
    ReturnRequest r = pendingReturn().orElseThrow();
    s.replaceReturn(r, r.decide(Decision.APPROVED, s.at, s.actor.userId(), c.note()));
    withdrawOpenOrders(s);
    lapsePendingSubOrderReturns(s);
    s.returnedUnitIds.add(r.unitId());
    s.currentOrderId = null;
    s.reason = c.note();
    s.orderId = r.orderId();
    s.unitId = r.unitId();
    s.data.put("withdrawnOrderId", r.orderId());
    s.data.put("proposedUnitId", r.proposedUnitId());
    s.to = CaseState.AWAITING_DISPATCH;
  }

  private void refuseReturn(Step s, CaseCommand.RefuseReturn c) {
    ReturnRequest r = pendingReturn().orElseThrow();
    String reason = required(s.t, c.reason(), "MISSING_REASON", "驳回理由", "reason");
    s.replaceReturn(r, r.decide(Decision.REFUSED, s.at, s.actor.userId(), reason));
    s.reason = reason;
    s.orderId = r.orderId();
    s.unitId = r.unitId();
    s.to = r.stateBefore();
  }

  private void requestExtension(Step s, CaseCommand.RequestExtension c) {
    CaseTransition t = s.t;
    DispatchOrder o = ownCurrentOrder(s);
    if (emergency) {
      throw guard(
          "EMERGENCY_NOT_DEFERRABLE",
          t,
          "突发事件的处置时限不得延期",
          "an emergency's time limit may not be deferred (R-20)");
    }
    String reason = required(t, c.reason(), "MISSING_REASON", "延期理由", "reason");
    if (c.requestedDeadline() == null || !c.requestedDeadline().isAfter(s.at)) {
      throw guard(
          "INVALID_INPUT", t, "须提供晚于当前时间的延期截止时间", "a requested deadline in the future is required");
    }
    s.extensions.add(
        new ExtensionRequest(
            o.orderId(),
            o.unitId(),
            reason,
            c.requestedDeadline(),
            s.at,
            s.actor.userId(),
            Decision.PENDING,
            null,
            null,
            null,
            null));
    s.reason = reason;
    s.data.put("requestedDeadline", c.requestedDeadline().toString());
    s.to = CaseState.EXTENSION_REQUESTED;
  }

  private void grantExtension(Step s, CaseCommand.GrantExtension c) {
    ExtensionRequest r = pendingExtension().orElseThrow();
    if (c.grantedDeadline() == null || !c.grantedDeadline().isAfter(s.at)) {
      throw guard(
          "INVALID_INPUT", s.t, "须提供晚于当前时间的批准截止时间", "a granted deadline in the future is required");
    }
    s.replaceExtension(
        r, r.decide(Decision.APPROVED, c.grantedDeadline(), s.at, s.actor.userId(), c.note()));
    s.reason = c.note();
    s.data.put("requestedDeadline", r.requestedDeadline().toString());
    s.data.put("grantedDeadline", c.grantedDeadline().toString());
    s.to = CaseState.IN_HANDLING;
  }

  private void refuseExtension(Step s, CaseCommand.RefuseExtension c) {
    ExtensionRequest r = pendingExtension().orElseThrow();
    String reason = required(s.t, c.reason(), "MISSING_REASON", "驳回理由", "reason");
    s.replaceExtension(r, r.decide(Decision.REFUSED, null, s.at, s.actor.userId(), reason));
    s.reason = reason;
    s.data.put("requestedDeadline", r.requestedDeadline().toString());
    s.to = CaseState.IN_HANDLING;
  }

  private void suspend(Step s, CaseCommand.Suspend c) {
    CaseTransition t = s.t;
    if (emergency) {
      throw guard(
          "EMERGENCY_NOT_DEFERRABLE",
          t,
          "突发事件不得缓办，不能挂起",
          "an emergency may not be suspended (R-20, Art 29: 不得缓办)");
    }
    if (c.reasonCode() == null) {
      throw guard(
          "MISSING_REASON_CODE",
          t,
          "须选择挂起原因类别（天气、司法裁决、第三方、其他）",
          "the kind of reason is required (WEATHER, COURT_RULING, THIRD_PARTY, OTHER)");
    }
    s.reason = required(t, c.reason(), "MISSING_REASON", "挂起理由", "reason");
    s.data.put("suspensionReason", c.reasonCode().name());
    s.data.put("suspensionReasonLabel", c.reasonCode().labelZh());
    s.to = CaseState.SUSPENDED;
  }

  private void redispatchToSubUnit(Step s, CaseCommand.RedispatchToSubUnit c) {
    CaseTransition t = s.t;
    DispatchOrder o = ownCurrentOrder(s);
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
        returns.stream()
            .anyMatch(
                r ->
                    r.decision() == Decision.APPROVED
                        && r.unitId().equals(sub.unitId())
                        && findOrder(r.orderId())
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
        subOrdersOfCurrent().stream()
            .anyMatch(x -> x.unitId().equals(sub.unitId()) && x.status().open());
    if (open) {
      throw guard(
          "SUB_ORDER_OPEN",
          t,
          "已向 " + sub.unitId() + " 派出未完成的二级批办件",
          "an open sub-order for " + sub.unitId() + " exists");
    }
    long n = orders.stream().filter(x -> o.orderId().equals(x.parentOrderId())).count() + 1;
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

  private void signForSubOrder(Step s, CaseCommand.SignForSubOrder c) {
    DispatchOrder so = ownSubOrder(s, OrderStatus.DISPATCHED);
    s.replaceOrder(so.signed(s.at, s.actor.userId()));
    s.reason = c.note();
    s.orderId = so.orderId();
    s.unitId = so.unitId();
    s.data.put("parentOrderId", so.parentOrderId());
    s.data.put("dispatchedAt", so.dispatchedAt().toString());
    s.to = CaseState.IN_HANDLING;
  }

  private void submitSubFeedback(Step s, CaseCommand.SubmitSubFeedback c) {
    DispatchOrder so = ownSubOrder(s, OrderStatus.SIGNED_FOR);
    Feedback f = feedback(s, c.description(), c.photoIds());
    s.replaceOrder(so.fedBack(f));
    s.reason = f.description();
    s.orderId = so.orderId();
    s.unitId = so.unitId();
    s.data.put("parentOrderId", so.parentOrderId());
    s.data.put("photoIds", f.photoIds());
    s.to = CaseState.IN_HANDLING;
  }

  private void requestSubOrderReturn(Step s, CaseCommand.RequestSubOrderReturn c) {
    CaseTransition t = s.t;
    DispatchOrder so = subOrderOfCurrent(s, c.subOrderId());
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
    if (returns.stream().anyMatch(r -> r.orderId().equals(so.orderId()))) {
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
    s.returns.add(
        new ReturnRequest(
            so.orderId(),
            so.unitId(),
            reason,
            suggested,
            s.at,
            s.actor.userId(),
            state,
            Decision.PENDING,
            null,
            null,
            null));
    s.reason = reason;
    subOrderStep(s, so);
    s.data.put("suggestedUnitId", suggested);
    s.data.put("returnDeadline", so.returnDeadline().toString());
    s.to = state;
  }

  private void approveSubOrderReturn(Step s, CaseCommand.ApproveSubOrderReturn c) {
    ownCurrentOrder(s);
    ReturnRequest r = pendingSubOrderReturnOfCurrent(s, c.subOrderId());
    DispatchOrder so = findOrder(r.orderId()).orElseThrow();
    s.replaceReturn(r, r.decide(Decision.APPROVED, s.at, s.actor.userId(), c.note()));
    s.replaceOrder(so.withStatus(OrderStatus.RETURNED));
    s.reason = c.note();
    subOrderStep(s, so);
    s.data.put("suggestedUnitId", r.proposedUnitId());
    s.to = state;
  }

  private void refuseSubOrderReturn(Step s, CaseCommand.RefuseSubOrderReturn c) {
    ownCurrentOrder(s);
    ReturnRequest r = pendingSubOrderReturnOfCurrent(s, c.subOrderId());
    String reason = required(s.t, c.reason(), "MISSING_REASON", "驳回理由", "reason");
    DispatchOrder so = findOrder(r.orderId()).orElseThrow();
    s.replaceReturn(r, r.decide(Decision.REFUSED, s.at, s.actor.userId(), reason));
    s.reason = reason;
    subOrderStep(s, so);
    s.data.put("suggestedUnitId", r.proposedUnitId());
    s.to = state;
  }

  private void submitFeedback(Step s, CaseCommand.SubmitFeedback c) {
    DispatchOrder o = ownCurrentOrder(s);
    List<DispatchOrder> openSubs =
        subOrdersOfCurrent().stream().filter(x -> x.status().open()).toList();
    if (!openSubs.isEmpty()) {
      throw guard(
          "SUB_ORDERS_OPEN",
          s.t,
          "下属部门尚未全部反馈（逐级反馈）：" + openSubs.stream().map(DispatchOrder::unitId).toList(),
          "sub-orders still open (feedback goes up level by level): "
              + openSubs.stream().map(DispatchOrder::orderId).toList());
    }
    Feedback f = feedback(s, c.description(), c.photoIds());
    s.replaceOrder(o.fedBack(f));
    s.reason = f.description();
    s.data.put("round", o.round());
    s.data.put("photoIds", f.photoIds());
    List<String> subFeedback =
        subOrdersOfCurrent().stream()
            .filter(x -> x.status() == OrderStatus.FEEDBACK_SUBMITTED)
            .map(DispatchOrder::orderId)
            .toList();
    if (!subFeedback.isEmpty()) {
      s.data.put("subOrderIds", subFeedback);
    }
    s.to = CaseState.FEEDBACK_SUBMITTED;
  }

  private void orderCheck(Step s, CaseCommand.OrderCheck c) {
    String collector = required(s.t, c.collectorId(), "MISSING_COLLECTOR", "核查采集员", "collector");
    s.checkCollectorId = collector;
    s.reason = c.note();
    s.data.put("collectorId", collector);
    s.data.put("round", currentOrder().map(DispatchOrder::round).orElse(0));
    s.to = CaseState.CHECK_ORDERED;
  }

  private void passCheck(Step s, CaseCommand.PassCheck c) {
    assignedCollector(s);
    requirePhotos(s.t, c.photoIds(), "MISSING_CHECK_PHOTOS", "核查照片", "check photos");
    DispatchOrder o = currentOrder().orElseThrow();
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

  private void failCheck(Step s, CaseCommand.FailCheck c) {
    assignedCollector(s);
    String reason = required(s.t, c.reason(), "MISSING_REASON", "不通过理由", "reason");
    requirePhotos(s.t, c.photoIds(), "MISSING_CHECK_PHOTOS", "核查照片", "check photos");
    DispatchOrder o = currentOrder().orElseThrow();
    s.checks.add(
        new CheckResult(
            o.orderId(), o.round(), s.actor.userId(), false, reason, c.photoIds(), s.at));
    s.replaceOrder(o.withStatus(OrderStatus.CHECK_FAILED));
    s.checkCollectorId = null;
    s.failedChecks = failedChecks + 1;
    boolean markNow = s.failedChecks == FAILED_CHECKS_FOR_OVERDUE;
    s.overdueHandling = overdueHandling || s.failedChecks >= FAILED_CHECKS_FOR_OVERDUE;
    DispatchOrder again =
        DispatchOrder.dispatched(
            nextOrderId(),
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

  private void recordAgreement(Step s, CaseCommand.RecordCoordinationAgreement c) {
    CaseTransition t = s.t;
    String unit = required(t, c.agreedUnitId(), "MISSING_UNIT", "协调确定的单位", "agreed unit");
    String text = required(t, c.agreementText(), "MISSING_AGREEMENT", "协调意见", "agreement text");
    s.agreements.add(
        new CoordinationAgreement(
            unit, c.participatingUnitIds(), text, false, s.at, s.actor.userId()));
    s.addOrder(bindingOrder(s, unit, OrderOrigin.COORDINATION_AGREEMENT, c.requirements()));
    s.reason = text;
    s.data.put("origin", OrderOrigin.COORDINATION_AGREEMENT.name());
    s.data.put(
        "participatingUnitIds", s.agreements.get(s.agreements.size() - 1).participatingUnitIds());
    s.data.put("principle", "属地管辖 TERRITORIAL");
    s.data.put("binding", true);
    s.to = CaseState.DISPATCHED;
  }

  private void designateUnit(Step s, CaseCommand.DesignateUnit c) {
    String unit = required(s.t, c.unitId(), "MISSING_UNIT", "指定单位", "designated unit");
    String text =
        "县政府指定 " + unit + (c.decisionReference() == null ? "" : "（" + c.decisionReference() + "）");
    s.agreements.add(
        new CoordinationAgreement(unit, List.of(), text, true, s.at, s.actor.userId()));
    s.addOrder(bindingOrder(s, unit, OrderOrigin.COUNTY_GOVERNMENT_DESIGNATION, c.requirements()));
    s.reason = text;
    s.data.put("origin", OrderOrigin.COUNTY_GOVERNMENT_DESIGNATION.name());
    s.data.put("decisionReference", c.decisionReference());
    s.data.put("afterEmergencyArrangement", state == CaseState.EMERGENCY_ARRANGEMENT);
    s.data.put("binding", true);
    s.to = CaseState.DISPATCHED;
  }

  private void startEmergency(Step s, CaseCommand.StartEmergencyArrangement c) {
    if (!emergency) {
      throw guard(
          "NOT_AN_EMERGENCY",
          s.t,
          "只有突发事件才能由县政府先行应急处置",
          "only an emergency goes to the county government's emergency arrangement (R-18)");
    }
    s.reason = required(s.t, c.reason(), "MISSING_REASON", "原因", "reason");
    s.to = CaseState.EMERGENCY_ARRANGEMENT;
  }

  private void transfer(Step s, CaseCommand.TransferToLawEnforcement c) {
    String body =
        required(s.t, c.enforcementBody(), "MISSING_ENFORCEMENT_BODY", "执法机关", "enforcement body");
    String reason = required(s.t, c.reason(), "MISSING_REASON", "移交理由", "reason");
    endOpenBusiness(s);
    s.reason = reason;
    s.outcomeNote = body + "：" + reason;
    s.data.put("enforcementBody", body);
    s.to = CaseState.TRANSFERRED_TO_LAW_ENFORCEMENT;
  }

  private void recordSatisfaction(Step s, CaseCommand.RecordSatisfaction c) {
    if (!publicReport) {
      throw guard(
          "NOT_A_PUBLIC_REPORT",
          s.t,
          "只有公众举报、投诉的案件才做满意度回访",
          "satisfaction is recorded for public reports only");
    }
    if (satisfaction != null) {
      throw guard("SATISFACTION_ALREADY_RECORDED", s.t, "满意度已记录", "satisfaction already recorded");
    }
    if (c.level() == null) {
      throw guard("MISSING_LEVEL", s.t, "未选择满意度", "satisfaction level missing");
    }
    s.satisfaction = new SatisfactionRecord(c.level(), c.comment(), s.at, s.actor.userId());
    s.reason = c.comment();
    s.data.put("level", c.level().name());
    s.to = CaseState.CLOSED;
  }

  // ---------------------------------------------------------------- helpers

  private DispatchOrder bindingOrder(Step s, String unit, OrderOrigin origin, String req) {
    return DispatchOrder.dispatched(
        nextOrderId(), unit, null, 1, origin, s.at, s.actor.userId(), null, req, null);
  }

  private String nextOrderId() {
    long n = orders.stream().filter(o -> !o.subOrder()).count() + 1;
    return caseId + "-O" + n;
  }

  /** Ends the case's open business: open orders withdrawn, pending requests lapse, no check. */
  private void endOpenBusiness(Step s) {
    withdrawOpenOrders(s);
    pendingReturn().ifPresent(r -> s.replaceReturn(r, r.decide(Decision.LAPSED, s.at, null, null)));
    lapsePendingSubOrderReturns(s);
    pendingExtension()
        .ifPresent(r -> s.replaceExtension(r, r.decide(Decision.LAPSED, null, s.at, null, null)));
    s.checkCollectorId = null;
  }

  /** Pending sub-order returns lapse when their sub-orders are withdrawn with the order. */
  private void lapsePendingSubOrderReturns(Step s) {
    for (ReturnRequest r : returns) {
      if (r.decision() == Decision.PENDING && isSubOrder(r.orderId())) {
        s.replaceReturn(r, r.decide(Decision.LAPSED, s.at, null, null));
      }
    }
  }

  /** A sub-order (二级批办件) of the current order, by id. */
  private DispatchOrder subOrderOfCurrent(Step s, String subOrderId) {
    return subOrdersOfCurrent().stream()
        .filter(x -> x.orderId().equals(subOrderId))
        .findFirst()
        .orElseThrow(
            () ->
                guard(
                    "NO_SUCH_SUB_ORDER",
                    s.t,
                    "当前批办件没有二级批办件 " + subOrderId,
                    "the current order has no sub-order " + subOrderId));
  }

  private ReturnRequest pendingSubOrderReturnOfCurrent(Step s, String subOrderId) {
    DispatchOrder so = subOrderOfCurrent(s, subOrderId);
    return pendingSubOrderReturn(so.orderId())
        .orElseThrow(
            () ->
                guard(
                    "NO_PENDING_SUB_ORDER_RETURN",
                    s.t,
                    "二级批办件 " + subOrderId + " 没有待审核的回退申请",
                    "sub-order " + subOrderId + " has no pending return request"));
  }

  /**
   * A sub-order step names the sub-order and its department, and the township body's order and unit
   * (data.parentOrderId, data.parentUnitId).
   */
  private void subOrderStep(Step s, DispatchOrder so) {
    s.orderId = so.orderId();
    s.unitId = so.unitId();
    s.data.put("parentOrderId", so.parentOrderId());
    s.data.put(
        "parentUnitId", findOrder(so.parentOrderId()).map(DispatchOrder::unitId).orElse(null));
  }

  private void withdrawOpenOrders(Step s) {
    List<String> withdrawn = new ArrayList<>();
    for (int i = 0; i < s.orders.size(); i++) {
      DispatchOrder o = s.orders.get(i);
      if (o.status().open()) {
        s.orders.set(i, o.withStatus(OrderStatus.WITHDRAWN));
        withdrawn.add(o.orderId());
      }
    }
    if (!withdrawn.isEmpty()) {
      s.data.put("withdrawnOrderIds", withdrawn);
    }
  }

  private Feedback feedback(Step s, String description, List<String> photoIds) {
    String d = required(s.t, description, "MISSING_DESCRIPTION", "处置情况说明", "description");
    requirePhotos(s.t, photoIds, "MISSING_AFTER_PHOTOS", "处置后照片", "after-photos");
    return new Feedback(d, photoIds, s.at, s.actor.userId(), s.actor.unitId());
  }

  private DispatchOrder ownCurrentOrder(Step s) {
    DispatchOrder o =
        currentOrder()
            .orElseThrow(() -> new IllegalStateException("no current order in state " + state));
    if (s.actor.role().unitScoped() && !o.unitId().equals(s.actor.unitId())) {
      throw ActorNotPermittedException.otherUnit(s.actor, s.t, o.unitId());
    }
    s.orderId = o.orderId();
    s.unitId = o.unitId();
    return o;
  }

  private DispatchOrder ownSubOrder(Step s, OrderStatus wanted) {
    List<DispatchOrder> mine =
        subOrdersOfCurrent().stream()
            .filter(x -> x.unitId().equals(s.actor.unitId()) && x.status().open())
            .toList();
    if (mine.isEmpty()) {
      throw ActorNotPermittedException.otherUnit(
          s.actor,
          s.t,
          subOrdersOfCurrent().stream().map(DispatchOrder::unitId).toList().toString());
    }
    currentOrder().ifPresent(p -> s.data.put("parentUnitId", p.unitId()));
    return mine.stream()
        .filter(x -> x.status() == wanted)
        .findFirst()
        .orElseThrow(
            () ->
                guard(
                    "SUB_ORDER_STATUS",
                    s.t,
                    "二级批办件当前为 " + mine.get(0).status().labelZh() + "，不能执行 " + s.t.labelZh(),
                    "sub-order is " + mine.get(0).status() + "; " + s.t + " not allowed"));
  }

  private void assignedCollector(Step s) {
    if (!s.actor.userId().equals(checkCollectorId)) {
      throw ActorNotPermittedException.notAssignedCollector(s.actor, s.t, checkCollectorId);
    }
  }

  private boolean unitScopeOk(Actor actor, CaseTransition t) {
    return switch (t) {
      case SIGN_FOR_SUB_ORDER, SUBMIT_SUB_FEEDBACK, REQUEST_SUB_ORDER_RETURN ->
          subOrdersOfCurrent().stream()
              .anyMatch(x -> x.unitId().equals(actor.unitId()) && x.status().open());
      case APPROVE_SUB_ORDER_RETURN, REFUSE_SUB_ORDER_RETURN ->
          currentOrder().map(o -> o.unitId().equals(actor.unitId())).orElse(false)
              && subOrdersOfCurrent().stream()
                  .anyMatch(x -> pendingSubOrderReturn(x.orderId()).isPresent());
      default -> currentOrder().map(o -> o.unitId().equals(actor.unitId())).orElse(false);
    };
  }

  private static String required(
      CaseTransition t, String value, String code, String nameZh, String nameEn) {
    if (value == null || value.isBlank()) {
      throw guard(code, t, t.labelZh() + "须填写" + nameZh, t + " needs a " + nameEn);
    }
    return value.strip();
  }

  private static void requirePhotos(
      CaseTransition t, List<String> photos, String code, String nameZh, String nameEn) {
    if (photos == null || photos.stream().noneMatch(p -> p != null && !p.isBlank())) {
      throw guard(code, t, t.labelZh() + "须上传" + nameZh, t + " needs " + nameEn);
    }
  }

  private static GuardViolationException guard(
      String code, CaseTransition t, String zh, String en) {
    return new GuardViolationException(code, t, zh, en);
  }

  /** Mutable working copy for one transition. */
  private static final class Step {
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

    Step(DispatchCase c, Actor actor, Instant at, CaseTransition t) {
      this.before = c;
      this.actor = actor;
      this.at = at;
      this.t = t;
      this.orders = new ArrayList<>(c.orders);
      this.returns = new ArrayList<>(c.returns);
      this.extensions = new ArrayList<>(c.extensions);
      this.returnedUnitIds = new ArrayList<>(c.returnedUnitIds);
      this.checks = new ArrayList<>(c.checks);
      this.agreements = new ArrayList<>(c.agreements);
      this.currentOrderId = c.currentOrderId;
      this.failedChecks = c.failedChecks;
      this.overdueHandling = c.overdueHandling;
      this.checkCollectorId = c.checkCollectorId;
      this.outcomeNote = c.outcomeNote;
      this.satisfaction = c.satisfaction;
      c.currentOrder()
          .ifPresent(
              o -> {
                orderId = o.orderId();
                unitId = o.unitId();
              });
    }

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

    Transitioned finish() {
      Objects.requireNonNull(to, "target state not set");
      long version = before.version + 1;
      DispatchCase after =
          new DispatchCase(
              before.caseId,
              before.categoryCode,
              before.area,
              before.componentId,
              before.emergency,
              before.publicReport,
              before.filedAt,
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
              before.caseId,
              version,
              t,
              before.state,
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
}
