package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transition table as a specification: for every transition, every role is either allowed (and
 * reaches the documented state) or refused; and every state outside the transition's "from" set
 * refuses it with a message naming the state, the attempt and the allowed transitions.
 */
class TransitionTableTest {

  /**
   * A valid use of one transition: the case before, the command, the unit a unit actor belongs to.
   */
  record Scenario(
      Supplier<Run> setup,
      Function<Run, CaseCommand> command,
      String actorUnit,
      CaseState expected) {}

  static final Map<CaseTransition, Scenario> SCENARIOS = new EnumMap<>(CaseTransition.class);

  static {
    put(
        CaseTransition.DISPATCH,
        Fixtures::opened,
        r -> dispatchTo(WATER, r.now),
        WATER,
        CaseState.DISPATCHED);
    put(
        CaseTransition.SIGN_FOR,
        () -> dispatched(WATER),
        r -> new CaseCommand.SignFor(null),
        WATER,
        CaseState.SIGNED_FOR);
    put(
        CaseTransition.APPROVE_BY_LEADER,
        () -> signedFor(WATER),
        r -> new CaseCommand.ApproveByLeader("同意"),
        WATER,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.REQUEST_RETURN,
        () -> dispatched(WATER),
        r -> new CaseCommand.RequestReturn("非本单位职责", ROADS),
        WATER,
        CaseState.RETURN_REQUESTED);
    put(
        CaseTransition.APPROVE_RETURN,
        () -> caseIn(CaseState.RETURN_REQUESTED),
        r -> new CaseCommand.ApproveReturn("同意"),
        WATER,
        CaseState.AWAITING_DISPATCH);
    put(
        CaseTransition.REFUSE_RETURN,
        () -> caseIn(CaseState.RETURN_REQUESTED),
        r -> new CaseCommand.RefuseReturn("属本单位职责"),
        WATER,
        CaseState.DISPATCHED);
    put(
        CaseTransition.REQUEST_EXTENSION,
        () -> inHandling(WATER),
        r -> new CaseCommand.RequestExtension("需更换管道", T0.plus(Duration.ofDays(5))),
        WATER,
        CaseState.EXTENSION_REQUESTED);
    put(
        CaseTransition.GRANT_EXTENSION,
        () -> caseIn(CaseState.EXTENSION_REQUESTED),
        r -> new CaseCommand.GrantExtension(T0.plus(Duration.ofDays(4)), null),
        WATER,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.REFUSE_EXTENSION,
        () -> caseIn(CaseState.EXTENSION_REQUESTED),
        r -> new CaseCommand.RefuseExtension("可在时限内完成"),
        WATER,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.SUSPEND,
        () -> inHandling(WATER),
        r -> new CaseCommand.Suspend(SuspensionReason.COURT_RULING, "等待法院对产权纠纷的裁定"),
        WATER,
        CaseState.SUSPENDED);
    put(
        CaseTransition.RESUME,
        () -> suspended(WATER),
        r -> new CaseCommand.Resume("台风已过"),
        WATER,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.REDISPATCH_TO_SUB_UNIT,
        () -> inHandling(TOWNSHIP),
        r -> new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, "请处置"),
        TOWNSHIP,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.SIGN_FOR_SUB_ORDER,
        TransitionTableTest::subOrdered,
        r -> new CaseCommand.SignForSubOrder(null),
        TOWNSHIP_DEPT,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.SUBMIT_SUB_FEEDBACK,
        () -> subOrdered().then(receiver(TOWNSHIP_DEPT), new CaseCommand.SignForSubOrder(null)),
        r -> new CaseCommand.SubmitSubFeedback("已处置", PHOTOS),
        TOWNSHIP_DEPT,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.REQUEST_SUB_ORDER_RETURN,
        TransitionTableTest::subOrderedReturnable,
        r -> new CaseCommand.RequestSubOrderReturn(r.c.currentOrderId() + "-S1", "非本部门职责", ROADS),
        TOWNSHIP_DEPT,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.APPROVE_SUB_ORDER_RETURN,
        TransitionTableTest::subOrderReturnRequested,
        r -> new CaseCommand.ApproveSubOrderReturn(r.c.currentOrderId() + "-S1", null),
        TOWNSHIP,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.REFUSE_SUB_ORDER_RETURN,
        TransitionTableTest::subOrderReturnRequested,
        r -> new CaseCommand.RefuseSubOrderReturn(r.c.currentOrderId() + "-S1", "属本部门职责"),
        TOWNSHIP,
        CaseState.IN_HANDLING);
    put(
        CaseTransition.SUBMIT_FEEDBACK,
        () -> inHandling(WATER),
        r -> new CaseCommand.SubmitFeedback("已处置", PHOTOS),
        WATER,
        CaseState.FEEDBACK_SUBMITTED);
    put(
        CaseTransition.ORDER_CHECK,
        () -> feedbackSubmitted(WATER),
        r -> new CaseCommand.OrderCheck(COLLECTOR_ID, null),
        WATER,
        CaseState.CHECK_ORDERED);
    put(
        CaseTransition.PASS_CHECK,
        () -> checkOrdered(WATER),
        r -> new CaseCommand.PassCheck("合格", PHOTOS),
        WATER,
        CaseState.CHECK_PASSED);
    put(
        CaseTransition.FAIL_CHECK,
        () -> checkOrdered(WATER),
        r -> new CaseCommand.FailCheck("未修复", PHOTOS),
        WATER,
        CaseState.DISPATCHED);
    put(
        CaseTransition.CLOSE,
        () -> checkPassed(WATER),
        r -> new CaseCommand.Close(null),
        WATER,
        CaseState.CLOSED);
    put(
        CaseTransition.START_COORDINATION,
        Fixtures::opened,
        r -> new CaseCommand.StartCoordination("无匹配规则"),
        WATER,
        CaseState.COORDINATING);
    put(
        CaseTransition.RECORD_COORDINATION_AGREEMENT,
        Fixtures::coordinating,
        r ->
            new CaseCommand.RecordCoordinationAgreement(
                TOWNSHIP, List.of(TOWNSHIP, ROADS), "按属地管辖由梅城镇处置", null),
        WATER,
        CaseState.DISPATCHED);
    put(
        CaseTransition.ESCALATE_TO_COUNTY_GOVERNMENT,
        Fixtures::coordinating,
        r -> new CaseCommand.EscalateToCountyGovernment("协调不成"),
        WATER,
        CaseState.ESCALATED_TO_COUNTY_GOVERNMENT);
    put(
        CaseTransition.DESIGNATE_UNIT,
        () -> caseIn(CaseState.ESCALATED_TO_COUNTY_GOVERNMENT),
        r -> new CaseCommand.DesignateUnit(ROADS, "县政府专题会议纪要〔2026〕1号", null),
        WATER,
        CaseState.DISPATCHED);
    put(
        CaseTransition.START_EMERGENCY_ARRANGEMENT,
        () -> opened(true, false),
        r -> new CaseCommand.StartEmergencyArrangement("暂无法确定责任单位"),
        WATER,
        CaseState.EMERGENCY_ARRANGEMENT);
    put(
        CaseTransition.RECORD_EMERGENCY_MEASURES,
        Fixtures::emergencyArrangement,
        r -> new CaseCommand.RecordEmergencyMeasures("已设置围挡"),
        WATER,
        CaseState.EMERGENCY_ARRANGEMENT);
    put(
        CaseTransition.TRANSFER_TO_LAW_ENFORCEMENT,
        () -> inHandling(WATER),
        r -> new CaseCommand.TransferToLawEnforcement("县城管执法大队", "违法占道经营"),
        WATER,
        CaseState.TRANSFERRED_TO_LAW_ENFORCEMENT);
    put(
        CaseTransition.CANCEL,
        () -> dispatched(WATER),
        r -> new CaseCommand.Cancel("重复立案"),
        WATER,
        CaseState.CANCELLED);
    put(
        CaseTransition.RECORD_SATISFACTION,
        () -> closed(WATER),
        r -> new CaseCommand.RecordSatisfaction(SatisfactionLevel.SATISFIED, null),
        WATER,
        CaseState.CLOSED);
  }

  private static void put(
      CaseTransition t,
      Supplier<Run> setup,
      Function<Run, CaseCommand> command,
      String unit,
      CaseState expected) {
    SCENARIOS.put(t, new Scenario(setup, command, unit, expected));
  }

  static Run subOrdered() {
    return inHandling(TOWNSHIP)
        .then(leader(TOWNSHIP), new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, "请处置"));
  }

  /** A sub-order with a return window (1 hour from the sub-dispatch, as R-16). */
  static Run subOrderedReturnable() {
    Run r = inHandling(TOWNSHIP);
    return r.then(
        leader(TOWNSHIP),
        new CaseCommand.RedispatchToSubUnit(
            TOWNSHIP_DEPT_UNIT, "请处置", r.now.plus(Duration.ofHours(1)).plusSeconds(60)));
  }

  static Run subOrderReturnRequested() {
    Run r = subOrderedReturnable();
    return r.then(
        receiver(TOWNSHIP_DEPT),
        new CaseCommand.RequestSubOrderReturn(r.c.currentOrderId() + "-S1", "非本部门职责", ROADS));
  }

  static Actor actorFor(Role role, String unit) {
    if (role == Role.COLLECTOR) {
      return COLLECTOR;
    }
    return new Actor("user-" + role, role, role.unitScoped() ? unit : null);
  }

  static Stream<Arguments> transitionsAndRoles() {
    return SCENARIOS.keySet().stream()
        .flatMap(t -> Arrays.stream(Role.values()).map(r -> Arguments.of(t, r)));
  }

  static Stream<Arguments> transitionsAndForbiddenStates() {
    return SCENARIOS.keySet().stream()
        .flatMap(
            t ->
                Arrays.stream(CaseState.values())
                    .filter(s -> !t.allowedFrom(s))
                    .map(s -> Arguments.of(t, s)));
  }

  @Test
  @DisplayName("every transition but OPEN has a scenario; OPEN starts the case")
  void everyTransitionIsSpecified() {
    EnumSet<CaseTransition> missing = EnumSet.allOf(CaseTransition.class);
    missing.removeAll(SCENARIOS.keySet());
    assertEquals(EnumSet.of(CaseTransition.OPEN), missing);
    TransitionRecord opened = opened().last;
    assertEquals(CaseTransition.OPEN, opened.transition());
    assertNull(opened.fromState());
    assertEquals(CaseState.AWAITING_DISPATCH, opened.toState());
    assertEquals(Role.SYSTEM, opened.actorRole());
    assertEquals(1, opened.sequence());
  }

  @ParameterizedTest(name = "{0} by {1}")
  @MethodSource("transitionsAndRoles")
  void roleIsAllowedOrRefused(CaseTransition t, Role role) {
    Scenario sc = SCENARIOS.get(t);
    Run run = sc.setup().get();
    CaseState before = run.state();
    Actor actor = actorFor(role, sc.actorUnit());
    CaseCommand cmd = sc.command().apply(run);
    if (t.allowedFor(role)) {
      Transitioned result = run.attempt(actor, cmd);
      assertEquals(sc.expected(), result.caseAfter().state());
      TransitionRecord rec = result.record();
      assertEquals(t, rec.transition());
      assertEquals(before, rec.fromState());
      assertEquals(sc.expected(), rec.toState());
      assertEquals(actor.userId(), rec.actorUserId());
      assertEquals(role, rec.actorRole());
      assertEquals(run.c.version() + 1, rec.sequence());
      assertEquals(rec.sequence(), result.caseAfter().version());
      if (t.to() != null) {
        assertEquals(t.to(), rec.toState(), "table's target state");
      }
    } else {
      ActorNotPermittedException e =
          assertThrows(ActorNotPermittedException.class, () -> run.attempt(actor, cmd));
      assertEquals("ROLE_NOT_ALLOWED", e.code());
      assertEquals(t, e.attempted());
      assertTrue(e.getMessage().contains(t.labelZh()), e.getMessage());
    }
  }

  @ParameterizedTest(name = "{0} from {1}")
  @MethodSource("transitionsAndForbiddenStates")
  void stateRefusesTransitionNotInTable(CaseTransition t, CaseState state) {
    Scenario sc = SCENARIOS.get(t);
    Run run = caseIn(state);
    assertEquals(state, run.state());
    Role allowedRole = t.roles().iterator().next();
    Actor actor = actorFor(allowedRole, sc.actorUnit());
    IllegalTransitionException e =
        assertThrows(
            IllegalTransitionException.class, () -> run.attempt(actor, sc.command().apply(run)));
    assertEquals(state, e.state());
    assertEquals(t, e.attempted());
    assertEquals(CaseTransition.allowedFromState(state), e.allowed());
    assertEquals("ILLEGAL_TRANSITION", e.code());
    assertTrue(e.messageZh().startsWith("案件当前状态为 " + state.labelZh()), e.messageZh());
    assertTrue(e.messageEn().startsWith("Case is " + state + "; " + t + " not allowed"));
  }

  @Test
  @DisplayName("the message names state, attempt and allowed transitions, Chinese first")
  void illegalTransitionMessage() {
    Run run = dispatched(WATER);
    IllegalTransitionException e =
        assertThrows(
            IllegalTransitionException.class,
            () -> run.attempt(OPERATOR, new CaseCommand.Close(null)));
    assertEquals(
        "案件当前状态为 已派遣，不能执行 结案；允许：签收、回退申请、移交执法、作废"
            + " / Case is DISPATCHED; CLOSE not allowed;"
            + " allowed: SIGN_FOR, REQUEST_RETURN, TRANSFER_TO_LAW_ENFORCEMENT, CANCEL",
        e.getMessage());
  }

  @Test
  @DisplayName("terminal states allow nothing but satisfaction after closing")
  void terminalStates() {
    assertEquals(List.of(), CaseTransition.allowedFromState(CaseState.CANCELLED));
    assertEquals(
        List.of(), CaseTransition.allowedFromState(CaseState.TRANSFERRED_TO_LAW_ENFORCEMENT));
    assertEquals(
        List.of(CaseTransition.RECORD_SATISFACTION),
        CaseTransition.allowedFromState(CaseState.CLOSED));
    IllegalTransitionException e =
        assertThrows(
            IllegalTransitionException.class,
            () -> caseIn(CaseState.CANCELLED).attempt(SHIFT_LEAD, new CaseCommand.Cancel("again")));
    assertTrue(e.messageZh().endsWith("允许：无"), e.messageZh());
  }
}
