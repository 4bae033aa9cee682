package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.time.Instant;
import java.util.Map;

/**
 * One step of a case in dispatch-service (R-03 steps 3–5): dispatch (派遣), sign-for (签收), leader
 * approval (批办), return (回退), extension (延期), feedback (反馈), on-site check (核查), closing (结案),
 * coordination, escalation, transfer to law enforcement, cancellation, satisfaction. The {@code
 * transition} and states are the names of dispatch-service's state machine (see
 * docs/case-lifecycle.md); the event carries what the clocks and the assessment need.
 *
 * @param sequence the case's version after this step: consecutive, no gaps, per case (1 for OPEN)
 * @param fromState the state before the step; null for OPEN (接收立案), the step that opens the case
 * @param unitId the unit the step concerns (the order's unit), if any
 * @param handlingLimit the handling limit of the order dispatched, if this step dispatched one
 * @param returnDeadline last moment to ask for a return, for a dispatch
 * @param newDeadline the granted deadline of an extension (延期)
 * @param overdueHandling whether the case is marked overdue handling (逾期处置: second failed check)
 * @param publicReport whether the case came from the public (satisfaction is collected, R-25)
 * @param data further details of the step (strings), e.g. a satisfaction level or sub-unit id
 */
public record CaseTransitioned(
    String caseId,
    long sequence,
    String transition,
    @Nullable String fromState,
    String toState,
    @Nullable String actorUserId,
    String actorRole,
    @Nullable String actorUnitId,
    Instant at,
    @Nullable String reason,
    @Nullable String orderId,
    @Nullable String unitId,
    String categoryCode,
    Zone zone,
    boolean emergency,
    @Nullable TimeLimit handlingLimit,
    @Nullable Instant returnDeadline,
    @Nullable Instant newDeadline,
    boolean overdueHandling,
    boolean publicReport,
    Map<String, String> data) {}
