package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.intake.infra.CatalogueJson;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** the intake lifecycle of an arrival. */
class IntakeLifecycleTest {

  static final Catalogue CATALOGUE = CatalogueJson.loadDefault();
  static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");
  static final Actor OPERATOR = Actor.operator("op-1");
  static final Actor LEAD = Actor.shiftLead("lead-1");
  static final Actor COLLECTOR = Actor.collector("c-1");

  static IntakeReport patrol(String category) {
    return IntakeReport.register(
        "case-1", "MQ20260000001", Channel.PATROL, ReportKind.REPORT, category, "c-1", T0);
  }

  static IntakeReport hotline(ReportKind kind) {
    return IntakeReport.register("case-2", "MQ20260000002", Channel.HOTLINE, kind, null, null, T0);
  }

  static Instant t(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  @Test
  void aCollectorReportIsFiledWithoutVerification() {
    IntakeReport filed = patrol("E-0101").file(FilingDecision.of(null), CATALOGUE, OPERATOR, t(5));
    assertEquals(IntakeState.FILED, filed.state());
    assertEquals("E-0101", filed.categoryCode());
    assertEquals(1, filed.catalogueVersion());
    assertFalse(filed.emergency());
    assertEquals(new TimeLimit(4, LimitUnit.WORKING_HOURS), filed.handlingLimit());
    assertEquals(1, filed.history().size());
    assertEquals(IntakeAction.FILE, filed.history().get(0).action());
    assertEquals("op-1", filed.history().get(0).actorId());
    assertTrue(filed.allowedActions().isEmpty());
  }

  @Test
  void aPublicReportIsVerifiedThenFiled() {
    IntakeReport r = hotline(ReportKind.COMPLAINT);
    assertTrue(r.needsVerification());
    assertFalse(r.allowedActions().contains(IntakeAction.FILE));
    IntakeReport pending = r.requestVerification(OPERATOR, t(2));
    assertEquals(IntakeState.VERIFICATION_PENDING, pending.state());
    IntakeReport verified = pending.completeVerification(true, COLLECTOR, t(30));
    assertEquals(IntakeState.VERIFIED, verified.state());
    IntakeReport filed = verified.file(FilingDecision.of("E-0104"), CATALOGUE, OPERATOR, t(35));
    assertEquals(IntakeState.FILED, filed.state());
    assertEquals("E-0104", filed.categoryCode());
    assertNull(filed.overrideReason());
    assertEquals(
        List.of(IntakeState.VERIFICATION_PENDING, IntakeState.VERIFIED, IntakeState.FILED),
        filed.history().stream().map(IntakeTransition::to).toList());
  }

  @Test
  void aPublicReportCannotBeFiledByAnOperatorBeforeVerification() {
    IntakeReport r = hotline(ReportKind.REPORT);
    IllegalIntakeTransitionException e =
        assertThrows(
            IllegalIntakeTransitionException.class,
            () -> r.file(FilingDecision.of("E-0101"), CATALOGUE, OPERATOR, t(1)));
    assertEquals(IntakeState.REGISTERED, e.current());
    assertEquals(IntakeAction.FILE, e.attempted());
    assertEquals(
        EnumSet.of(IntakeAction.REQUEST_VERIFICATION, IntakeAction.REJECT, IntakeAction.MERGE),
        e.allowed());
    assertTrue(e.getMessage().startsWith("当前状态「已登记 REGISTERED」不允许「立案 FILE」"), e.getMessage());
    assertTrue(e.getMessage().contains("state REGISTERED does not allow FILE"), e.getMessage());
    assertTrue(e.getMessage().contains("REQUEST_VERIFICATION"), e.getMessage());
  }

  @Test
  void aShiftLeadMayOverrideWithAReason() {
    IntakeReport r = hotline(ReportKind.REPORT);
    DomainValidationException noReason =
        assertThrows(
            DomainValidationException.class,
            () -> r.file(FilingDecision.of("E-0502"), CATALOGUE, LEAD, t(1)));
    assertTrue(noReason.has("overrideReason", "required"));
    IntakeReport filed =
        r.file(FilingDecision.of("E-0502").withOverride("道路塌陷危及通行，来电人已拍照"), CATALOGUE, LEAD, t(1));
    assertEquals(IntakeState.FILED, filed.state());
    assertEquals("道路塌陷危及通行，来电人已拍照", filed.overrideReason());
    assertTrue(filed.emergency());
    assertEquals(new TimeLimit(2, LimitUnit.NATURAL_HOURS), filed.handlingLimit());
    // also while verification is still pending
    IntakeReport pending = hotline(ReportKind.REPORT).requestVerification(OPERATOR, t(1));
    assertEquals(
        IntakeState.FILED,
        pending
            .file(FilingDecision.of("E-0502").withOverride("紧急"), CATALOGUE, LEAD, t(3))
            .state());
  }

  @Test
  void aRefutedReportIsNeverFiledEvenByAShiftLead() {
    IntakeReport refuted =
        hotline(ReportKind.REPORT)
            .requestVerification(OPERATOR, t(1))
            .completeVerification(false, COLLECTOR, t(20));
    assertEquals(IntakeState.REFUTED, refuted.state());
    IllegalIntakeTransitionException e =
        assertThrows(
            IllegalIntakeTransitionException.class,
            () ->
                refuted.file(
                    FilingDecision.of("E-0101").withOverride("x"), CATALOGUE, LEAD, t(21)));
    assertTrue(e.getMessage().contains("核实不属实"), e.getMessage());
    assertEquals(EnumSet.of(IntakeAction.REQUEST_VERIFICATION, IntakeAction.REJECT), e.allowed());
    // re-verification is possible
    assertEquals(
        IntakeState.VERIFICATION_PENDING, refuted.requestVerification(OPERATOR, t(22)).state());
    IntakeReport rejected = refuted.reject("现场核实无此问题", false, OPERATOR, t(22));
    assertEquals(IntakeState.REJECTED, rejected.state());
  }

  @Test
  void aConsultationIsAnsweredAndNeverFiledVerifiedOrMerged() {
    IntakeReport c = hotline(ReportKind.CONSULTATION);
    assertFalse(c.needsVerification());
    assertEquals(EnumSet.of(IntakeAction.ANSWER, IntakeAction.REJECT), c.allowedActions(true));
    IllegalIntakeTransitionException e =
        assertThrows(
            IllegalIntakeTransitionException.class,
            () -> c.file(FilingDecision.of("E-0101").withOverride("x"), CATALOGUE, LEAD, t(1)));
    assertTrue(e.getMessage().contains("咨询件"), e.getMessage());
    assertThrows(
        IllegalIntakeTransitionException.class, () -> c.requestVerification(OPERATOR, t(1)));
    assertThrows(IllegalIntakeTransitionException.class, () -> c.merge("case-9", OPERATOR, t(1)));
    IntakeReport answered = c.answer("垃圾清运时间为每日 6:00 和 18:00。", OPERATOR, t(3));
    assertEquals(IntakeState.ANSWERED, answered.state());
    assertThrows(DomainValidationException.class, () -> c.answer(" ", OPERATOR, t(3)));
    // a report is never "answered"
    assertThrows(
        IllegalIntakeTransitionException.class,
        () -> hotline(ReportKind.REPORT).answer("x", OPERATOR, t(1)));
  }

  @Test
  void rejectingAFalseCollectorReportMarksItUnfounded() {
    IntakeReport r = patrol("E-0101").reject("虚报：现场无暴露垃圾", true, OPERATOR, t(10));
    assertEquals(IntakeState.REJECTED, r.state());
    assertTrue(r.unfounded());
    assertEquals("虚报：现场无暴露垃圾", r.rejectionReason());
    DomainValidationException e =
        assertThrows(
            DomainValidationException.class,
            () -> hotline(ReportKind.REPORT).reject("不属实", true, OPERATOR, t(1)));
    assertTrue(e.has("unfounded", "not_collector_report"));
    DomainValidationException noReason =
        assertThrows(
            DomainValidationException.class,
            () -> patrol("E-0101").reject(" ", false, OPERATOR, t(1)));
    assertTrue(noReason.has("reason", "required"));
  }

  @Test
  void aDuplicateIsMergedIntoAnotherCase() {
    IntakeReport m = patrol("E-0101").merge("case-0", OPERATOR, t(3));
    assertEquals(IntakeState.MERGED, m.state());
    assertEquals("case-0", m.mergedInto());
    assertThrows(
        DomainValidationException.class, () -> patrol("E-0101").merge("case-1", OPERATOR, t(3)));
  }

  @Test
  void terminalStatesAllowNothing() {
    IntakeReport filed = patrol("E-0101").file(FilingDecision.of(null), CATALOGUE, OPERATOR, t(5));
    IllegalIntakeTransitionException e =
        assertThrows(
            IllegalIntakeTransitionException.class, () -> filed.reject("x", false, OPERATOR, t(6)));
    assertEquals(IntakeState.FILED, e.current());
    assertTrue(e.allowed().isEmpty());
    assertTrue(e.getMessage().contains("无（已办结）"), e.getMessage());
    assertThrows(
        IllegalIntakeTransitionException.class,
        () -> filed.completeVerification(true, COLLECTOR, t(7)));
  }

  @Test
  void emergencyIsFixedAtFilingFromTheCategoryOrTheOperator() {
    IntakeReport manhole =
        patrol("E-0501").file(FilingDecision.of(null), CATALOGUE, OPERATOR, t(1));
    assertTrue(manhole.emergency());
    assertEquals(new TimeLimit(2, LimitUnit.NATURAL_HOURS), manhole.handlingLimit());
    // the operator flags a fallen-over lamp post as an emergency: its working-day limit turns
    // natural
    IntakeReport lamp =
        patrol("C-0109").file(FilingDecision.of(null).asEmergency(true), CATALOGUE, OPERATOR, t(1));
    assertTrue(lamp.emergency());
    assertEquals(new TimeLimit(2, LimitUnit.NATURAL_DAYS), lamp.handlingLimit());
  }

  @Test
  void filingNeedsAKnownCategoryAndRecordsTheCatalogueVersion() {
    DomainValidationException none =
        assertThrows(
            DomainValidationException.class,
            () -> patrol(null).file(FilingDecision.of(null), CATALOGUE, OPERATOR, t(1)));
    assertTrue(none.has("categoryCode", "required"));
    DomainValidationException unknown =
        assertThrows(
            DomainValidationException.class,
            () -> patrol(null).file(FilingDecision.of("E-9901"), CATALOGUE, OPERATOR, t(1)));
    assertTrue(unknown.has("categoryCode", "unknown_category"));
    CatalogueHistory h =
        CatalogueHistory.of(CATALOGUE)
            .publish(CATALOGUE.toDraft(), Instant.parse("2026-03-01T00:00:00Z"));
    IntakeReport filed =
        patrol("E-0101").file(FilingDecision.of(null), h.inForceAt(t(1)), OPERATOR, t(1));
    assertEquals(2, filed.catalogueVersion());
  }

  @Test
  void leaderReportsNeedNoVerificationButMayBeVerifiedOnRequest() {
    IntakeReport leader =
        IntakeReport.register(
            "case-3", "MQ20260000003", Channel.LEADER, ReportKind.REPORT, null, null, T0);
    assertTrue(leader.allowedActions().contains(IntakeAction.FILE));
    IntakeReport pending = leader.requestVerification(OPERATOR, t(1));
    assertFalse(pending.allowedActions().contains(IntakeAction.FILE));
    assertTrue(pending.allowedActions(true).contains(IntakeAction.FILE));
  }
}
