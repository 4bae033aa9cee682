package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.guard;
import static cn.szcg.dispatch.domain.Guards.required;

/**
 * Extensions and suspension (延期、挂起/缓办, R-20): more time asked for and decided, handling suspended
 * and resumed by the shift lead; never for an emergency (突发事件).
 *
 * <p>One static method per command, each run on the {@link CaseStep} {@link DispatchCase#apply}
 * opened after the state, role and time checks; {@link CaseCommandRoutes} names the method of every
 * command.
 */
final class DeferralPhase {

  private DeferralPhase() {}

  static void requestExtension(CaseStep s, CaseCommand.RequestExtension c) {
    CaseTransition t = s.t;
    DispatchOrder o = s.ownCurrentOrder();
    if (s.before.emergency()) {
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

  static void grantExtension(CaseStep s, CaseCommand.GrantExtension c) {
    ExtensionRequest r = s.before.pendingExtension().orElseThrow();
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

  static void refuseExtension(CaseStep s, CaseCommand.RefuseExtension c) {
    ExtensionRequest r = s.before.pendingExtension().orElseThrow();
    String reason = required(s.t, c.reason(), "MISSING_REASON", "驳回理由", "reason");
    s.replaceExtension(r, r.decide(Decision.REFUSED, null, s.at, s.actor.userId(), reason));
    s.reason = reason;
    s.data.put("requestedDeadline", r.requestedDeadline().toString());
    s.to = CaseState.IN_HANDLING;
  }

  static void suspend(CaseStep s, CaseCommand.Suspend c) {
    CaseTransition t = s.t;
    if (s.before.emergency()) {
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

  static void resume(CaseStep s, CaseCommand.Resume c) {
    s.reason = c.note();
    s.data.put("suspendedAt", s.before.lastChangedAt().toString());
    s.to = CaseState.IN_HANDLING;
  }
}
