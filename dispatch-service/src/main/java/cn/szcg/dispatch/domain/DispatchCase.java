package cn.szcg.dispatch.domain;

import java.time.Instant;
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
 * <p>This record holds the case's state, its queries and the checks every command shares (state,
 * role, time); {@link #apply} hands the command to its phase through {@link CaseCommandRoutes}:
 * {@link DispatchPhase} (dispatch and sign-for), {@link ReturnPhase} (returns), {@link
 * DeferralPhase} (extensions and suspension), {@link SubOrderPhase} (sub-orders), {@link
 * CheckPhase} (feedback and checks), {@link CoordinationPhase} (coordination and emergencies) and
 * {@link ClosingPhase} (closing outcomes), each working on a {@link CaseStep}.
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

  /** Whether a return (回退) of this order or sub-order was ever requested. */
  boolean returnRequested(String orderId) {
    return returns.stream().anyMatch(r -> r.orderId().equals(orderId));
  }

  boolean isSubOrder(String orderId) {
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
    boolean requested = returnRequested(orderId);
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
      throw Guards.guard(
          "TIME_BEFORE_LAST_CHANGE",
          t,
          "操作时间早于案件上次变更时间",
          "time " + at + " precedes the case's last change " + lastChangedAt);
    }
    CaseStep s = new CaseStep(this, actor, at, t);
    CaseCommandRoutes.apply(s, command);
    return s.finish();
  }

  // ---------------------------------------------------------------- helpers

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
}
