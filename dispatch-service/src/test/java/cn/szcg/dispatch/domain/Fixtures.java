package cn.szcg.dispatch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared test fixtures: units, actors and cases brought into each state through real commands. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z"); // 09:00 Asia/Shanghai
  static final String CASE = "C-2026-000001";
  static final String CATEGORY = "010101";
  static final AreaRef AREA = AreaRef.grid("350124100", "350124100001", "G-0001");

  static final String WATER = "U-WATER"; // 县自来水公司 (utility)
  static final String ROADS = "U-ROADS"; // 县住建局
  static final String TOWNSHIP = "U-MEICHENG"; // 梅城镇 (township body, level 2)
  static final String TOWNSHIP_DEPT = "U-MEICHENG-CM"; // 梅城镇城管办
  static final String OTHER_TOWNSHIP_DEPT = "U-BAIZHANG-CM"; // 白樟镇城管办

  static final Unit TOWNSHIP_DEPT_UNIT =
      new Unit(TOWNSHIP_DEPT, "梅城镇城管办", UnitKind.SUB_DEPARTMENT, TOWNSHIP, "350124100", true);
  static final Unit OTHER_TOWNSHIP_DEPT_UNIT =
      new Unit(
          OTHER_TOWNSHIP_DEPT, "白樟镇城管办", UnitKind.SUB_DEPARTMENT, "U-BAIZHANG", "350124101", true);

  static final String COLLECTOR_ID = "collector-01";

  static final Actor DISPATCHER = Actor.of("dispatcher-01", Role.DISPATCHER);
  static final Actor OPERATOR = Actor.of("operator-01", Role.OPERATOR);
  static final Actor SHIFT_LEAD = Actor.of("shiftlead-01", Role.SHIFT_LEAD);
  static final Actor COUNTY = Actor.of("county-01", Role.COUNTY_GOVERNMENT);
  static final Actor ADMIN = Actor.of("admin-01", Role.ADMIN);
  static final Actor COLLECTOR = Actor.of(COLLECTOR_ID, Role.COLLECTOR);

  static final List<String> PHOTOS = List.of("photo-after-1");

  private Fixtures() {}

  static Actor receiver(String unit) {
    return Actor.ofUnit("receiver@" + unit, Role.UNIT_RECEIVER, unit);
  }

  static Actor leader(String unit) {
    return Actor.ofUnit("leader@" + unit, Role.UNIT_LEADER, unit);
  }

  static Actor handler(String unit) {
    return Actor.ofUnit("handler@" + unit, Role.UNIT_HANDLER, unit);
  }

  /** A chain of commands with a clock that advances one minute per step. */
  static final class Run {
    DispatchCase c;
    Instant now;
    TransitionRecord last;

    Run(Transitioned opened) {
      this.c = opened.caseAfter();
      this.last = opened.record();
      this.now = opened.record().at();
    }

    Run then(Actor actor, CaseCommand cmd) {
      return after(Duration.ofMinutes(1), actor, cmd);
    }

    Run after(Duration d, Actor actor, CaseCommand cmd) {
      now = now.plus(d);
      Transitioned t = c.apply(actor, now, cmd);
      c = t.caseAfter();
      last = t.record();
      return this;
    }

    /** Apply without keeping the result (for expected failures). */
    Transitioned attempt(Actor actor, CaseCommand cmd) {
      return c.apply(actor, now.plusSeconds(30), cmd);
    }

    CaseState state() {
      return c.state();
    }
  }

  static Run opened() {
    return opened(false, true);
  }

  static Run opened(boolean emergency, boolean publicReport) {
    return new Run(DispatchCase.open(CASE, CATEGORY, AREA, null, emergency, publicReport, T0, T0));
  }

  static CaseCommand.Dispatch dispatchTo(String unit, Instant now) {
    return new CaseCommand.Dispatch(
        DispatchDecision.confirm(
            new DispatchProposal.UnitFound(unit, "R-TEST", "测试规则", "test rule")),
        now.plus(Duration.ofHours(1)).plusSeconds(60),
        "按《立案、结案规范》处置");
  }

  static Run dispatched(String unit) {
    Run r = opened();
    return r.then(DISPATCHER, dispatchTo(unit, r.now));
  }

  static Run signedFor(String unit) {
    return dispatched(unit).then(receiver(unit), new CaseCommand.SignFor("已阅"));
  }

  static Run inHandling(String unit) {
    return signedFor(unit).then(leader(unit), new CaseCommand.ApproveByLeader("请尽快处置"));
  }

  static Run suspended(String unit) {
    return inHandling(unit)
        .then(SHIFT_LEAD, new CaseCommand.Suspend(SuspensionReason.WEATHER, "台风过境，暂停路面施工"));
  }

  static Run feedbackSubmitted(String unit) {
    return inHandling(unit).then(handler(unit), new CaseCommand.SubmitFeedback("已修复井盖", PHOTOS));
  }

  static Run checkOrdered(String unit) {
    return feedbackSubmitted(unit).then(OPERATOR, new CaseCommand.OrderCheck(COLLECTOR_ID, null));
  }

  static Run checkPassed(String unit) {
    return checkOrdered(unit).then(COLLECTOR, new CaseCommand.PassCheck("已修复", PHOTOS));
  }

  static Run closed(String unit) {
    return checkPassed(unit).then(OPERATOR, new CaseCommand.Close("结案"));
  }

  static Run coordinating() {
    return opened().then(DISPATCHER, new CaseCommand.StartCoordination("责任矩阵无匹配"));
  }

  static Run emergencyArrangement() {
    return opened(true, false)
        .then(SHIFT_LEAD, new CaseCommand.StartEmergencyArrangement("暂无法确定处置责任单位"));
  }

  /** A case in {@code state}, reached through real commands (unit {@link #WATER}). */
  static Run caseIn(CaseState state) {
    return switch (state) {
      case AWAITING_DISPATCH -> opened();
      case DISPATCHED -> dispatched(WATER);
      case SIGNED_FOR -> signedFor(WATER);
      case IN_HANDLING -> inHandling(WATER);
      case RETURN_REQUESTED ->
          dispatched(WATER).then(receiver(WATER), new CaseCommand.RequestReturn("非本单位职责", ROADS));
      case EXTENSION_REQUESTED ->
          inHandling(WATER)
              .then(
                  handler(WATER),
                  new CaseCommand.RequestExtension("需更换管道", T0.plus(Duration.ofDays(5))));
      case SUSPENDED -> suspended(WATER);
      case FEEDBACK_SUBMITTED -> feedbackSubmitted(WATER);
      case CHECK_ORDERED -> checkOrdered(WATER);
      case CHECK_PASSED -> checkPassed(WATER);
      case CLOSED -> closed(WATER);
      case COORDINATING -> coordinating();
      case ESCALATED_TO_COUNTY_GOVERNMENT ->
          coordinating().then(SHIFT_LEAD, new CaseCommand.EscalateToCountyGovernment("协调不成"));
      case EMERGENCY_ARRANGEMENT -> emergencyArrangement();
      case TRANSFERRED_TO_LAW_ENFORCEMENT ->
          opened().then(SHIFT_LEAD, new CaseCommand.TransferToLawEnforcement("县城管执法大队", "违法搭建"));
      case CANCELLED -> opened().then(SHIFT_LEAD, new CaseCommand.Cancel("重复立案"));
    };
  }
}
