package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The case lifecycle paths of the regulation (R-03, R-13..R-21, R-25), as specifications. */
class CaseLifecyclePathsTest {

  static void assertGuard(String code, Run run, Actor actor, CaseCommand cmd) {
    GuardViolationException e =
        assertThrows(GuardViolationException.class, () -> run.attempt(actor, cmd));
    assertEquals(code, e.code(), e.getMessage());
    assertEquals(cmd.transition(), e.attempted());
  }

  @Test
  @DisplayName("R-03: filed → dispatched → signed for → approved → feedback → check → closed")
  void happyPath() {
    Run run = opened();
    assertEquals(CaseState.AWAITING_DISPATCH, run.state());
    run.then(DISPATCHER, dispatchTo(WATER, run.now));
    DispatchOrder order = run.c.currentOrder().orElseThrow();
    assertEquals(CASE + "-O1", order.orderId());
    assertEquals(WATER, order.unitId());
    assertEquals(1, order.round());
    assertEquals("R-TEST", run.last.data().get("matchedRuleId"));
    assertEquals(false, run.last.data().get("overridden"));

    run.after(Duration.ofMinutes(25), receiver(WATER), new CaseCommand.SignFor("已阅"));
    // R-13: the time of reading is recorded, separately from handling
    Instant readAt = run.now;
    assertEquals(readAt, run.c.currentOrder().orElseThrow().signedAt());
    assertEquals("receiver@" + WATER, run.c.currentOrder().orElseThrow().signedBy());
    assertEquals(WATER, run.last.unitId());
    assertEquals(order.orderId(), run.last.orderId());

    run.then(leader(WATER), new CaseCommand.ApproveByLeader("立即处置"));
    assertEquals(CaseState.IN_HANDLING, run.state());
    assertEquals("leader@" + WATER, run.c.currentOrder().orElseThrow().approvedBy());

    run.then(handler(WATER), new CaseCommand.SubmitFeedback("已更换井盖", PHOTOS));
    assertEquals(PHOTOS, run.c.currentOrder().orElseThrow().feedback().photoIds());
    run.then(OPERATOR, new CaseCommand.OrderCheck(COLLECTOR_ID, "请核查"));
    assertEquals(COLLECTOR_ID, run.c.checkCollectorId());
    run.then(COLLECTOR, new CaseCommand.PassCheck("井盖完好", PHOTOS));
    assertEquals(OrderStatus.COMPLETED, run.c.currentOrder().orElseThrow().status());
    run.then(OPERATOR, new CaseCommand.Close("核查通过，结案"));
    assertEquals(CaseState.CLOSED, run.state());
    assertEquals(8, run.c.version());
    assertEquals(8, run.last.sequence());
    assertEquals(0, run.c.failedChecks());
    assertFalse(run.c.overdueHandling());
  }

  @Test
  @DisplayName("time may not run backwards")
  void timeBeforeLastChangeRefused() {
    Run run = dispatched(WATER);
    GuardViolationException e =
        assertThrows(
            GuardViolationException.class,
            () -> run.c.apply(receiver(WATER), T0, new CaseCommand.SignFor(null)));
    assertEquals("TIME_BEFORE_LAST_CHANGE", e.code());
  }

  @Nested
  @DisplayName("dispatch and the matrix proposal")
  class Dispatching {
    @Test
    void overrideNeedsReasonAndIsRecorded() {
      Run run = opened();
      DispatchProposal p =
          new DispatchProposal.UnitFound(WATER, "R-7", "类别 × 网格 → 自来水公司", "rule 7");
      assertGuard(
          "MISSING_OVERRIDE_REASON",
          run,
          DISPATCHER,
          new CaseCommand.Dispatch(
              DispatchDecision.override(p, ROADS, " "), run.now.plusSeconds(3600), null));
      run.then(
          DISPATCHER,
          new CaseCommand.Dispatch(
              DispatchDecision.override(p, ROADS, "该路段井盖属住建局"), run.now.plusSeconds(3700), null));
      assertEquals(ROADS, run.c.responsibleUnitId().orElseThrow());
      DispatchDecision d = run.c.currentOrder().orElseThrow().decision();
      assertEquals(WATER, d.proposedUnitId());
      assertEquals("R-7", d.matchedRuleId());
      assertTrue(d.overridden());
      assertEquals(WATER, run.last.data().get("proposedUnitId"));
      assertEquals(true, run.last.data().get("overridden"));
      assertEquals("该路段井盖属住建局", run.last.data().get("overrideReason"));
      assertEquals("该路段井盖属住建局", run.last.reason());
    }

    @Test
    void dispatchNeedsUnitAndReturnDeadline() {
      Run run = opened();
      assertGuard(
          "MISSING_UNIT",
          run,
          DISPATCHER,
          new CaseCommand.Dispatch(null, run.now.plusSeconds(3600), null));
      DispatchDecision d =
          DispatchDecision.confirm(new DispatchProposal.UnitFound(WATER, "R", "z", "e"));
      assertGuard(
          "MISSING_RETURN_DEADLINE", run, DISPATCHER, new CaseCommand.Dispatch(d, null, null));
    }

    @Test
    void manualChoiceWithoutProposalIsAnOverride() {
      DispatchDecision d =
          DispatchDecision.override(
              new DispatchProposal.NoUnitFound("无", "none", List.of()), WATER, "值班长指定");
      assertTrue(d.overridden());
      assertNull(d.proposedUnitId());
      DispatchDecision same =
          DispatchDecision.override(
              new DispatchProposal.UnitFound(WATER, "R", "z", "e"), WATER, "确认");
      assertFalse(same.overridden());
    }
  }

  @Nested
  @DisplayName("R-16 return (回退)")
  class Returns {
    @Test
    @DisplayName("approved: order withdrawn, dispatched anew to another unit with a fresh clock")
    void returnApproved() {
      Run run = dispatched(WATER);
      Instant firstDispatch = run.c.currentOrder().orElseThrow().dispatchedAt();
      run.after(
          Duration.ofMinutes(20),
          receiver(WATER),
          new CaseCommand.RequestReturn("井盖属住建局管养", ROADS));
      assertEquals(CaseState.RETURN_REQUESTED, run.state());
      assertEquals(ROADS, run.c.pendingReturn().orElseThrow().proposedUnitId());
      assertEquals(ROADS, run.last.data().get("proposedUnitId"));

      run.then(SHIFT_LEAD, new CaseCommand.ApproveReturn("同意回退"));
      assertEquals(CaseState.AWAITING_DISPATCH, run.state());
      assertTrue(run.c.currentOrder().isEmpty());
      assertEquals(OrderStatus.WITHDRAWN, run.c.findOrder(CASE + "-O1").orElseThrow().status());
      assertEquals(List.of(WATER), run.c.returnedUnitIds());
      assertEquals(Decision.APPROVED, run.c.returns().get(0).decision());
      assertEquals(List.of(CASE + "-O1"), run.last.data().get("withdrawnOrderIds"));

      // the returning unit is not dispatched again by plain dispatch
      assertGuard("UNIT_RETURNED_CASE", run, DISPATCHER, dispatchTo(WATER, run.now));
      // the matrix excludes it and proposes the next unit
      ResponsibilityMatrix m =
          new ResponsibilityMatrix(
              List.of(
                  new ResponsibilityRule("R-1", CATEGORY, AreaRef.COUNTY, WATER, null),
                  new ResponsibilityRule("R-2", "01*", AreaRef.COUNTY, ROADS, null)));
      DispatchProposal p = m.resolve(DispatchQuery.forCase(run.c, null));
      assertEquals(ROADS, p.proposedUnitId().orElseThrow());

      run.after(
          Duration.ofMinutes(5),
          DISPATCHER,
          new CaseCommand.Dispatch(
              DispatchDecision.confirm((DispatchProposal.UnitFound) p),
              run.now.plus(Duration.ofMinutes(66)),
              null));
      DispatchOrder fresh = run.c.currentOrder().orElseThrow();
      assertEquals(CASE + "-O2", fresh.orderId());
      assertEquals(ROADS, fresh.unitId());
      assertEquals(1, fresh.round());
      assertEquals(run.now, fresh.dispatchedAt());
      assertTrue(fresh.dispatchedAt().isAfter(firstDispatch));
      assertNull(fresh.signedAt());
      // the new unit may itself sign for it
      run.then(receiver(ROADS), new CaseCommand.SignFor(null));
      assertEquals(CaseState.SIGNED_FOR, run.state());
    }

    @Test
    @DisplayName("refused: the original unit goes on from where it was")
    void returnRefused() {
      Run run = signedFor(WATER);
      run.then(leader(WATER), new CaseCommand.RequestReturn("非本单位职责", ROADS));
      assertEquals(CaseState.SIGNED_FOR.name(), run.last.data().get("stateBefore"));
      assertGuard("MISSING_REASON", run, SHIFT_LEAD, new CaseCommand.RefuseReturn(""));
      run.then(SHIFT_LEAD, new CaseCommand.RefuseReturn("经核实属自来水公司管养"));
      assertEquals(CaseState.SIGNED_FOR, run.state());
      assertEquals(WATER, run.c.responsibleUnitId().orElseThrow());
      assertEquals(Decision.REFUSED, run.c.returns().get(0).decision());
      assertTrue(run.c.returnedUnitIds().isEmpty());
      // only one return request per order
      assertGuard(
          "RETURN_ALREADY_REQUESTED",
          run,
          leader(WATER),
          new CaseCommand.RequestReturn("再次申请", ROADS));
      run.then(leader(WATER), new CaseCommand.ApproveByLeader("继续办理"));
      assertEquals(CaseState.IN_HANDLING, run.state());
    }

    @Test
    @DisplayName("too late: after the return deadline the request is refused; at it, accepted")
    void returnTooLate() {
      Run run = opened();
      Instant deadline = run.now.plus(Duration.ofHours(1));
      run.c =
          run.c
              .apply(
                  DISPATCHER,
                  run.now,
                  new CaseCommand.Dispatch(
                      DispatchDecision.confirm(
                          new DispatchProposal.UnitFound(WATER, "R", "z", "e")),
                      deadline,
                      null))
              .caseAfter();
      DispatchCase dispatched = run.c;
      GuardViolationException e =
          assertThrows(
              GuardViolationException.class,
              () ->
                  dispatched.apply(
                      receiver(WATER),
                      deadline.plusSeconds(1),
                      new CaseCommand.RequestReturn("非本单位职责", ROADS)));
      assertEquals("RETURN_WINDOW_CLOSED", e.code());
      assertTrue(e.messageZh().contains("1小时"), e.messageZh());
      assertTrue(e.messageZh().contains("2026-11-27 10:00"), e.messageZh()); // Asia/Shanghai
      Transitioned atDeadline =
          dispatched.apply(
              receiver(WATER), deadline, new CaseCommand.RequestReturn("非本单位职责", ROADS));
      assertEquals(CaseState.RETURN_REQUESTED, atDeadline.caseAfter().state());
    }

    @Test
    void returnNeedsReasonAndAnotherProposedUnit() {
      Run run = dispatched(WATER);
      assertGuard(
          "MISSING_REASON", run, receiver(WATER), new CaseCommand.RequestReturn(null, ROADS));
      assertGuard(
          "MISSING_PROPOSED_UNIT",
          run,
          receiver(WATER),
          new CaseCommand.RequestReturn("非本单位职责", " "));
      assertGuard(
          "INVALID_INPUT", run, receiver(WATER), new CaseCommand.RequestReturn("理由", WATER));
    }

    @Test
    @DisplayName("R-19: an order from a coordination agreement binds; it cannot be returned")
    void bindingOrderCannotBeReturned() {
      Run run =
          coordinating()
              .then(
                  SHIFT_LEAD,
                  new CaseCommand.RecordCoordinationAgreement(
                      TOWNSHIP, List.of(TOWNSHIP, ROADS), "按属地管辖由梅城镇处置", null));
      assertGuard(
          "RETURN_NOT_ALLOWED",
          run,
          receiver(TOWNSHIP),
          new CaseCommand.RequestReturn("非本单位职责", ROADS));
    }
  }

  @Nested
  @DisplayName("R-17/R-18/R-19 coordination, county government, emergency")
  class Coordination {
    @Test
    @DisplayName("coordination agreement recorded and binding")
    void coordinationAgreement() {
      Run run = coordinating();
      assertEquals("责任矩阵无匹配", run.last.reason());
      assertGuard(
          "MISSING_AGREEMENT",
          run,
          SHIFT_LEAD,
          new CaseCommand.RecordCoordinationAgreement(TOWNSHIP, List.of(), "", null));
      run.then(
          SHIFT_LEAD,
          new CaseCommand.RecordCoordinationAgreement(
              TOWNSHIP, List.of(TOWNSHIP, ROADS), "按属地管辖由梅城镇处置", "三日内清理"));
      assertEquals(CaseState.DISPATCHED, run.state());
      CoordinationAgreement a = run.c.agreements().get(0);
      assertEquals(TOWNSHIP, a.agreedUnitId());
      assertEquals(List.of(TOWNSHIP, ROADS), a.participatingUnitIds());
      assertFalse(a.byCountyGovernment());
      DispatchOrder o = run.c.currentOrder().orElseThrow();
      assertEquals(OrderOrigin.COORDINATION_AGREEMENT, o.origin());
      assertNull(o.returnDeadline());
      assertEquals(true, run.last.data().get("binding"));
    }

    @Test
    @DisplayName("escalation: the county government designates the unit")
    void escalationToCountyGovernment() {
      Run run = coordinating().then(SHIFT_LEAD, new CaseCommand.EscalateToCountyGovernment("协调不成"));
      assertEquals(CaseState.ESCALATED_TO_COUNTY_GOVERNMENT, run.state());
      assertGuard("MISSING_UNIT", run, COUNTY, new CaseCommand.DesignateUnit(null, null, null));
      run.then(COUNTY, new CaseCommand.DesignateUnit(ROADS, "县政府专题会议纪要〔2026〕3号", null));
      assertEquals(CaseState.DISPATCHED, run.state());
      assertEquals(ROADS, run.c.responsibleUnitId().orElseThrow());
      assertTrue(run.c.agreements().get(0).byCountyGovernment());
      assertEquals(
          OrderOrigin.COUNTY_GOVERNMENT_DESIGNATION, run.c.currentOrder().orElseThrow().origin());
      assertGuard(
          "RETURN_NOT_ALLOWED", run, receiver(ROADS), new CaseCommand.RequestReturn("不服", WATER));
      run.then(receiver(ROADS), new CaseCommand.SignFor(null));
      assertEquals(CaseState.SIGNED_FOR, run.state());
    }

    @Test
    @DisplayName("emergency without a unit: county government's emergency arrangement first")
    void emergencyWithoutUnit() {
      Run run = emergencyArrangement();
      assertEquals(CaseState.EMERGENCY_ARRANGEMENT, run.state());
      run.then(COUNTY, new CaseCommand.RecordEmergencyMeasures("组织应急队伍抢修，设置围挡"));
      assertEquals(CaseState.EMERGENCY_ARRANGEMENT, run.state());
      assertEquals("组织应急队伍抢修，设置围挡", run.last.reason());
      run.then(COUNTY, new CaseCommand.DesignateUnit(WATER, "应急指挥部指令", null));
      assertEquals(CaseState.DISPATCHED, run.state());
      assertEquals(true, run.last.data().get("afterEmergencyArrangement"));
      // R-20: an emergency may not be deferred
      run.then(receiver(WATER), new CaseCommand.SignFor(null))
          .then(leader(WATER), new CaseCommand.ApproveByLeader(null));
      assertGuard(
          "EMERGENCY_NOT_DEFERRABLE",
          run,
          handler(WATER),
          new CaseCommand.RequestExtension("材料不足", run.now.plus(Duration.ofDays(2))));
    }

    @Test
    void emergencyArrangementOnlyForEmergencies() {
      assertGuard(
          "NOT_AN_EMERGENCY",
          opened(),
          SHIFT_LEAD,
          new CaseCommand.StartEmergencyArrangement("责任单位不明"));
    }

    @Test
    @DisplayName("an emergency under arrangement can still be coordinated")
    void emergencyThenCoordination() {
      Run run =
          emergencyArrangement().then(DISPATCHER, new CaseCommand.StartCoordination("应急处置后明确责任单位"));
      assertEquals(CaseState.COORDINATING, run.state());
    }
  }

  @Nested
  @DisplayName("R-15 check (核查)")
  class Checks {
    @Test
    @DisplayName("failed once → same unit again (round 2), then passed")
    void failedOnceThenPassed() {
      Run run = checkOrdered(WATER);
      run.then(COLLECTOR, new CaseCommand.FailCheck("井盖仍松动", List.of("p-fail-1")));
      assertEquals(CaseState.DISPATCHED, run.state());
      DispatchOrder again = run.c.currentOrder().orElseThrow();
      assertEquals(WATER, again.unitId());
      assertEquals(2, again.round());
      assertEquals(CASE + "-O2", again.orderId());
      assertEquals(OrderOrigin.REDISPATCH_AFTER_FAILED_CHECK, again.origin());
      assertEquals(OrderStatus.CHECK_FAILED, run.c.findOrder(CASE + "-O1").get().status());
      assertEquals(1, run.c.failedChecks());
      assertFalse(run.c.overdueHandling());
      assertEquals(false, run.last.data().get("overdueHandlingMarked"));
      // no return after a failed check
      assertGuard(
          "RETURN_NOT_ALLOWED", run, receiver(WATER), new CaseCommand.RequestReturn("x", ROADS));

      run.then(receiver(WATER), new CaseCommand.SignFor(null))
          .then(leader(WATER), new CaseCommand.ApproveByLeader(null))
          .then(handler(WATER), new CaseCommand.SubmitFeedback("重新固定井盖", PHOTOS))
          .then(OPERATOR, new CaseCommand.OrderCheck(COLLECTOR_ID, null))
          .then(COLLECTOR, new CaseCommand.PassCheck("合格", PHOTOS))
          .then(OPERATOR, new CaseCommand.Close(null));
      assertEquals(CaseState.CLOSED, run.state());
      assertFalse(run.c.overdueHandling());
      assertEquals(2, run.c.checks().size());
      assertFalse(run.c.checks().get(0).passed());
      assertTrue(run.c.checks().get(1).passed());
    }

    @Test
    @DisplayName("failed twice → overdue handling (逾期处置); goes on until it passes")
    void failedTwiceIsOverdue() {
      Run run = checkOrdered(WATER);
      run.then(COLLECTOR, new CaseCommand.FailCheck("未修复", PHOTOS));
      redo(run);
      run.then(COLLECTOR, new CaseCommand.FailCheck("仍未修复", PHOTOS));
      assertEquals(CaseState.DISPATCHED, run.state());
      assertEquals(3, run.c.currentOrder().orElseThrow().round());
      assertTrue(run.c.overdueHandling());
      assertEquals(true, run.last.data().get("overdueHandling"));
      assertEquals(true, run.last.data().get("overdueHandlingMarked"));
      redo(run);
      run.then(COLLECTOR, new CaseCommand.FailCheck("第三次仍不合格", PHOTOS));
      assertTrue(run.c.overdueHandling());
      assertEquals(false, run.last.data().get("overdueHandlingMarked"), "marked once only");
      assertEquals(3, run.c.failedChecks());
      redo(run);
      run.then(COLLECTOR, new CaseCommand.PassCheck("合格", PHOTOS))
          .then(OPERATOR, new CaseCommand.Close(null));
      assertEquals(CaseState.CLOSED, run.state());
      assertTrue(run.c.overdueHandling(), "overdue stays on record after closing");
    }

    private void redo(Run run) {
      run.then(receiver(WATER), new CaseCommand.SignFor(null))
          .then(leader(WATER), new CaseCommand.ApproveByLeader(null))
          .then(handler(WATER), new CaseCommand.SubmitFeedback("再次处置", PHOTOS))
          .then(OPERATOR, new CaseCommand.OrderCheck(COLLECTOR_ID, null));
    }

    @Test
    @DisplayName("only the collector ordered may report, with photos; failing needs a reason")
    void checkGuards() {
      Run run = checkOrdered(WATER);
      ActorNotPermittedException e =
          assertThrows(
              ActorNotPermittedException.class,
              () ->
                  run.attempt(
                      Actor.of("collector-99", Role.COLLECTOR),
                      new CaseCommand.PassCheck("ok", PHOTOS)));
      assertEquals("NOT_ASSIGNED_COLLECTOR", e.code());
      assertGuard(
          "MISSING_CHECK_PHOTOS", run, COLLECTOR, new CaseCommand.PassCheck("ok", List.of()));
      assertGuard("MISSING_REASON", run, COLLECTOR, new CaseCommand.FailCheck(null, PHOTOS));
      assertGuard(
          "MISSING_COLLECTOR",
          feedbackSubmitted(WATER),
          OPERATOR,
          new CaseCommand.OrderCheck(" ", null));
    }
  }

  @Nested
  @DisplayName("extension (延期)")
  class Extensions {
    @Test
    void extensionGranted() {
      Run run = caseIn(CaseState.EXTENSION_REQUESTED);
      Instant granted = T0.plus(Duration.ofDays(4));
      run.then(SHIFT_LEAD, new CaseCommand.GrantExtension(granted, "同意延期至周一"));
      assertEquals(CaseState.IN_HANDLING, run.state());
      ExtensionRequest r = run.c.extensions().get(0);
      assertEquals(Decision.APPROVED, r.decision());
      assertEquals(granted, r.grantedDeadline());
      assertEquals(granted.toString(), run.last.data().get("grantedDeadline"));
      assertTrue(run.c.pendingExtension().isEmpty());
    }

    @Test
    void extensionRefused() {
      Run run = caseIn(CaseState.EXTENSION_REQUESTED);
      assertGuard("MISSING_REASON", run, DISPATCHER, new CaseCommand.RefuseExtension(null));
      run.then(DISPATCHER, new CaseCommand.RefuseExtension("时限内可完成"));
      assertEquals(CaseState.IN_HANDLING, run.state());
      assertEquals(Decision.REFUSED, run.c.extensions().get(0).decision());
      assertNull(run.c.extensions().get(0).grantedDeadline());
    }

    @Test
    void extensionNeedsReasonAndFutureDeadline() {
      Run run = inHandling(WATER);
      assertGuard(
          "MISSING_REASON",
          run,
          handler(WATER),
          new CaseCommand.RequestExtension(" ", T0.plus(Duration.ofDays(3))));
      assertGuard("INVALID_INPUT", run, handler(WATER), new CaseCommand.RequestExtension("理由", T0));
    }
  }

  @Nested
  @DisplayName("R-02 two-level command (两级指挥) and feedback level by level (逐级反馈)")
  class TwoLevel {
    @Test
    void redispatchAndFeedbackUp() {
      Run run = inHandling(TOWNSHIP);
      run.then(leader(TOWNSHIP), new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, "清理垃圾"));
      DispatchOrder sub = run.c.subOrdersOfCurrent().get(0);
      assertEquals(CASE + "-O1-S1", sub.orderId());
      assertEquals(CASE + "-O1", sub.parentOrderId());
      assertEquals(TOWNSHIP_DEPT, sub.unitId());
      assertEquals(OrderOrigin.SUB_ORDER, sub.origin());
      assertEquals(sub.orderId(), run.last.orderId());
      assertEquals(TOWNSHIP, run.last.data().get("parentUnitId"));

      // the township cannot report up while its department has not reported to it
      assertGuard(
          "SUB_ORDERS_OPEN", run, handler(TOWNSHIP), new CaseCommand.SubmitFeedback("已处置", PHOTOS));
      // the department must sign for before it reports
      assertGuard(
          "SUB_ORDER_STATUS",
          run,
          handler(TOWNSHIP_DEPT),
          new CaseCommand.SubmitSubFeedback("已处置", PHOTOS));
      run.after(
          Duration.ofMinutes(30), receiver(TOWNSHIP_DEPT), new CaseCommand.SignForSubOrder("已阅"));
      assertEquals(run.now, run.c.subOrdersOfCurrent().get(0).signedAt());
      assertGuard(
          "MISSING_AFTER_PHOTOS",
          run,
          handler(TOWNSHIP_DEPT),
          new CaseCommand.SubmitSubFeedback("已处置", List.of()));
      run.then(handler(TOWNSHIP_DEPT), new CaseCommand.SubmitSubFeedback("已清理", PHOTOS));
      assertEquals(CaseState.IN_HANDLING, run.state());
      assertEquals(OrderStatus.FEEDBACK_SUBMITTED, run.c.subOrdersOfCurrent().get(0).status());

      // the department cannot report to the center directly: it is the township's order
      ActorNotPermittedException e =
          assertThrows(
              ActorNotPermittedException.class,
              () ->
                  run.attempt(
                      handler(TOWNSHIP_DEPT), new CaseCommand.SubmitFeedback("已清理", PHOTOS)));
      assertEquals("OTHER_UNIT", e.code());

      run.then(handler(TOWNSHIP), new CaseCommand.SubmitFeedback("镇城管办已清理", PHOTOS));
      assertEquals(CaseState.FEEDBACK_SUBMITTED, run.state());
      assertEquals(List.of(CASE + "-O1-S1"), run.last.data().get("subOrderIds"));
    }

    @Test
    void onlyOwnDepartmentsAndOnlyOnce() {
      Run run = inHandling(TOWNSHIP);
      assertGuard(
          "NOT_A_SUB_UNIT",
          run,
          leader(TOWNSHIP),
          new CaseCommand.RedispatchToSubUnit(OTHER_TOWNSHIP_DEPT_UNIT, null));
      // a county utility has no departments to re-dispatch to
      assertGuard(
          "NOT_A_SUB_UNIT",
          inHandling(WATER),
          leader(WATER),
          new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, null));
      run.then(leader(TOWNSHIP), new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, null));
      assertGuard(
          "SUB_ORDER_OPEN",
          run,
          leader(TOWNSHIP),
          new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, null));
      // another township's department cannot sign for it
      ActorNotPermittedException e =
          assertThrows(
              ActorNotPermittedException.class,
              () ->
                  run.attempt(
                      receiver(OTHER_TOWNSHIP_DEPT), new CaseCommand.SignForSubOrder(null)));
      assertEquals("OTHER_UNIT", e.code());
    }
  }

  @Nested
  @DisplayName("unit scope: a unit acts on its own orders only")
  class UnitScope {
    @Test
    void otherUnitRefused() {
      Run dispatched = dispatched(WATER);
      ActorNotPermittedException e =
          assertThrows(
              ActorNotPermittedException.class,
              () -> dispatched.attempt(receiver(ROADS), new CaseCommand.SignFor(null)));
      assertEquals("OTHER_UNIT", e.code());
      assertTrue(e.messageZh().contains(WATER), e.messageZh());
      assertThrows(
          ActorNotPermittedException.class,
          () -> dispatched.attempt(leader(ROADS), new CaseCommand.RequestReturn("非本单位", TOWNSHIP)));
      Run handling = inHandling(WATER);
      assertThrows(
          ActorNotPermittedException.class,
          () -> handling.attempt(handler(ROADS), new CaseCommand.SubmitFeedback("已处置", PHOTOS)));
      assertThrows(
          ActorNotPermittedException.class,
          () ->
              handling.attempt(
                  handler(ROADS), new CaseCommand.RequestExtension("x", T0.plusSeconds(99999))));
    }

    @Test
    void availableTransitionsFollowStateRoleAndUnit() {
      Run run = dispatched(WATER);
      assertEquals(
          List.of(CaseTransition.SIGN_FOR, CaseTransition.REQUEST_RETURN),
          run.c.availableTransitions(receiver(WATER)));
      assertEquals(List.of(), run.c.availableTransitions(receiver(ROADS)));
      assertEquals(
          List.of(CaseTransition.TRANSFER_TO_LAW_ENFORCEMENT, CaseTransition.CANCEL),
          run.c.availableTransitions(SHIFT_LEAD));
    }
  }

  @Nested
  @DisplayName("closing outcomes")
  class Outcomes {
    @Test
    @DisplayName("R-21 transfer to law enforcement: withdraws the order, final")
    void transferToLawEnforcement() {
      Run run = inHandling(WATER);
      assertGuard(
          "MISSING_ENFORCEMENT_BODY",
          run,
          SHIFT_LEAD,
          new CaseCommand.TransferToLawEnforcement(" ", "违法"));
      run.then(DISPATCHER, new CaseCommand.TransferToLawEnforcement("县城市管理综合执法大队", "违章搭建"));
      assertEquals(CaseState.TRANSFERRED_TO_LAW_ENFORCEMENT, run.state());
      assertTrue(run.state().terminal());
      assertEquals(OrderStatus.WITHDRAWN, run.c.findOrder(CASE + "-O1").get().status());
      assertEquals("县城市管理综合执法大队", run.last.data().get("enforcementBody"));
      assertThrows(
          IllegalTransitionException.class,
          () -> run.attempt(handler(WATER), new CaseCommand.SubmitFeedback("已处置", PHOTOS)));
    }

    @Test
    @DisplayName("cancellation (作废) needs a reason and withdraws open orders and sub-orders")
    void cancellation() {
      Run run = TransitionTableTest.subOrdered();
      assertGuard("MISSING_REASON", run, ADMIN, new CaseCommand.Cancel(null));
      run.then(ADMIN, new CaseCommand.Cancel("重复案件"));
      assertEquals(CaseState.CANCELLED, run.state());
      assertEquals("重复案件", run.c.outcomeNote());
      assertEquals(
          List.of(CASE + "-O1", CASE + "-O1-S1"), run.last.data().get("withdrawnOrderIds"));
      assertTrue(run.c.orders().stream().allMatch(o -> o.status() == OrderStatus.WITHDRAWN));
    }

    @Test
    @DisplayName("ending a case lapses pending requests and the ordered check")
    void endingLapsesOpenBusiness() {
      Run returning = caseIn(CaseState.RETURN_REQUESTED);
      returning.then(SHIFT_LEAD, new CaseCommand.Cancel("误立案"));
      assertEquals(Decision.LAPSED, returning.c.returns().get(0).decision());
      assertTrue(returning.c.pendingReturn().isEmpty());
      Run extending = caseIn(CaseState.EXTENSION_REQUESTED);
      extending.then(SHIFT_LEAD, new CaseCommand.TransferToLawEnforcement("县城管执法大队", "违法"));
      assertEquals(Decision.LAPSED, extending.c.extensions().get(0).decision());
      Run checking = checkOrdered(WATER);
      checking.then(ADMIN, new CaseCommand.Cancel("测试数据"));
      assertNull(checking.c.checkCollectorId());
    }

    @Test
    @DisplayName("R-25 satisfaction after closing, public reports only, once")
    void satisfaction() {
      Run run = closed(WATER);
      assertGuard("MISSING_LEVEL", run, OPERATOR, new CaseCommand.RecordSatisfaction(null, null));
      run.then(
          OPERATOR,
          new CaseCommand.RecordSatisfaction(SatisfactionLevel.BASICALLY_SATISFIED, "处理较快"));
      assertEquals(CaseState.CLOSED, run.state());
      assertEquals(SatisfactionLevel.BASICALLY_SATISFIED, run.c.satisfaction().level());
      assertEquals("BASICALLY_SATISFIED", run.last.data().get("level"));
      assertGuard(
          "SATISFACTION_ALREADY_RECORDED",
          run,
          OPERATOR,
          new CaseCommand.RecordSatisfaction(SatisfactionLevel.SATISFIED, null));

      Run notPublic = new Run(DispatchCase.open("C-2", CATEGORY, AREA, null, false, false, T0, T0));
      notPublic
          .then(DISPATCHER, dispatchTo(WATER, notPublic.now))
          .then(receiver(WATER), new CaseCommand.SignFor(null))
          .then(leader(WATER), new CaseCommand.ApproveByLeader(null))
          .then(handler(WATER), new CaseCommand.SubmitFeedback("ok", PHOTOS))
          .then(OPERATOR, new CaseCommand.OrderCheck(COLLECTOR_ID, null))
          .then(COLLECTOR, new CaseCommand.PassCheck("ok", PHOTOS))
          .then(OPERATOR, new CaseCommand.Close(null));
      assertGuard(
          "NOT_A_PUBLIC_REPORT",
          notPublic,
          OPERATOR,
          new CaseCommand.RecordSatisfaction(SatisfactionLevel.SATISFIED, null));
    }

    @Test
    @DisplayName("R-14 feedback needs a description and after-photos")
    void feedbackGuards() {
      Run run = inHandling(WATER);
      assertGuard(
          "MISSING_AFTER_PHOTOS",
          run,
          handler(WATER),
          new CaseCommand.SubmitFeedback("已处置", List.of()));
      assertGuard(
          "MISSING_DESCRIPTION", run, handler(WATER), new CaseCommand.SubmitFeedback(null, PHOTOS));
      GuardViolationException e =
          assertThrows(
              GuardViolationException.class,
              () -> run.attempt(handler(WATER), new CaseCommand.SubmitFeedback("x", null)));
      assertTrue(e.invalidInput());
    }
  }
}
