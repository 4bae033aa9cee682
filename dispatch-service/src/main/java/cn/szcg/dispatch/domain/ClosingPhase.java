package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.guard;
import static cn.szcg.dispatch.domain.Guards.required;

/**
 * Closing outcomes (结案、移交执法、作废、满意度回访, R-21, R-25): the case ends, its open business withdrawn or
 * lapsed where it ends early.
 *
 * <p>One static method per command, each run on the {@link CaseStep} {@link DispatchCase#apply}
 * opened after the state, role and time checks; {@link CaseCommandRoutes} names the method of every
 * command.
 */
final class ClosingPhase {

  private ClosingPhase() {}

  static void transfer(CaseStep s, CaseCommand.TransferToLawEnforcement c) {
    String body =
        required(s.t, c.enforcementBody(), "MISSING_ENFORCEMENT_BODY", "执法机关", "enforcement body");
    String reason = required(s.t, c.reason(), "MISSING_REASON", "移交理由", "reason");
    s.endOpenBusiness();
    s.reason = reason;
    s.outcomeNote = body + "：" + reason;
    s.data.put("enforcementBody", body);
    s.to = CaseState.TRANSFERRED_TO_LAW_ENFORCEMENT;
  }

  static void recordSatisfaction(CaseStep s, CaseCommand.RecordSatisfaction c) {
    if (!s.before.publicReport()) {
      throw guard(
          "NOT_A_PUBLIC_REPORT",
          s.t,
          "只有公众举报、投诉的案件才做满意度回访",
          "satisfaction is recorded for public reports only");
    }
    if (s.before.satisfaction() != null) {
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

  static void close(CaseStep s, CaseCommand.Close c) {
    s.reason = c.note();
    s.outcomeNote = c.note();
    s.to = CaseState.CLOSED;
  }

  static void cancel(CaseStep s, CaseCommand.Cancel c) {
    s.reason = required(s.t, c.reason(), "MISSING_REASON", "作废原因", "reason");
    s.outcomeNote = s.reason;
    s.endOpenBusiness();
    s.to = CaseState.CANCELLED;
  }
}
