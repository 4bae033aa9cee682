package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.guard;

/**
 * Dispatch and sign-for (派遣、签收、批办, R-13, R-16): the center's order to one unit, the unit's receiver
 * signing for it and its leader in charge approving it.
 *
 * <p>One static method per command, each run on the {@link CaseStep} {@link DispatchCase#apply}
 * opened after the state, role and time checks; {@link CaseCommandRoutes} names the method of every
 * command.
 */
final class DispatchPhase {

  private DispatchPhase() {}

  static void dispatch(CaseStep s, CaseCommand.Dispatch c) {
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
    if (s.before.returnedUnitIds().contains(d.unitId())) {
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
            s.nextOrderId(),
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

  static void signFor(CaseStep s, CaseCommand.SignFor c) {
    DispatchOrder o = s.ownCurrentOrder();
    s.replaceOrder(o.signed(s.at, s.actor.userId()));
    s.reason = c.note();
    s.data.put("dispatchedAt", o.dispatchedAt().toString());
    s.to = CaseState.SIGNED_FOR;
  }

  static void approveByLeader(CaseStep s, CaseCommand.ApproveByLeader c) {
    DispatchOrder o = s.ownCurrentOrder();
    s.replaceOrder(o.approved(s.at, s.actor.userId(), c.instructions()));
    s.reason = c.instructions();
    s.to = CaseState.IN_HANDLING;
  }
}
