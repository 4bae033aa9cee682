package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 挂起/恢复 (缓办): the shift lead suspends a case under handling for a recorded reason and resumes it
 * later; sla-service pauses and resumes the clocks on the two steps (docs/sla-clocks.md).
 */
class SuspensionTest {

  @Test
  @DisplayName("suspend and resume: reason recorded, back to handling, the unit goes on")
  void suspendAndResume() {
    Run r = inHandling(WATER);
    r.then(SHIFT_LEAD, new CaseCommand.Suspend(SuspensionReason.WEATHER, " 台风过境，暂停路面施工 "));
    assertEquals(CaseState.SUSPENDED, r.state());
    TransitionRecord s = r.last;
    assertEquals(CaseTransition.SUSPEND, s.transition());
    assertEquals(CaseState.IN_HANDLING, s.fromState());
    assertEquals("台风过境，暂停路面施工", s.reason());
    assertEquals("WEATHER", s.data().get("suspensionReason"));
    assertEquals("天气原因", s.data().get("suspensionReasonLabel"));
    assertEquals(r.c.currentOrderId(), s.orderId());
    assertEquals(WATER, s.unitId());
    java.time.Instant suspendedAt = s.at();

    r.after(Duration.ofDays(1), SHIFT_LEAD, new CaseCommand.Resume("台风已过"));
    assertEquals(CaseState.IN_HANDLING, r.state());
    assertEquals(CaseTransition.RESUME, r.last.transition());
    assertEquals(CaseState.SUSPENDED, r.last.fromState());
    assertEquals(suspendedAt.toString(), r.last.data().get("suspendedAt"));
    assertEquals(WATER, r.last.unitId());
    // the unit reports as usual; a case may be suspended again
    r.then(SHIFT_LEAD, new CaseCommand.Suspend(SuspensionReason.THIRD_PARTY, "等待燃气公司停气"));
    r.then(SHIFT_LEAD, new CaseCommand.Resume(null));
    r.then(handler(WATER), new CaseCommand.SubmitFeedback("已修复", PHOTOS));
    assertEquals(CaseState.FEEDBACK_SUBMITTED, r.state());
  }

  @Test
  @DisplayName("while suspended only resume, transfer to law enforcement and cancel")
  void whileSuspended() {
    assertEquals(
        List.of(
            CaseTransition.RESUME,
            CaseTransition.TRANSFER_TO_LAW_ENFORCEMENT,
            CaseTransition.CANCEL),
        CaseTransition.allowedFromState(CaseState.SUSPENDED));
    Run r = suspended(WATER);
    IllegalTransitionException e =
        assertThrows(
            IllegalTransitionException.class,
            () -> r.attempt(handler(WATER), new CaseCommand.SubmitFeedback("已修复", PHOTOS)));
    assertEquals(
        "案件当前状态为 已挂起，不能执行 处理反馈；允许：恢复、移交执法、作废"
            + " / Case is SUSPENDED; SUBMIT_FEEDBACK not allowed;"
            + " allowed: RESUME, TRANSFER_TO_LAW_ENFORCEMENT, CANCEL",
        e.getMessage());
    r.then(SHIFT_LEAD, new CaseCommand.Cancel("业主自行修复"));
    assertEquals(CaseState.CANCELLED, r.state());
  }

  @Test
  @DisplayName("only a case under handling, only by the shift lead")
  void onlyInHandlingByTheShiftLead() {
    assertThrows(
        IllegalTransitionException.class,
        () ->
            dispatched(WATER)
                .attempt(SHIFT_LEAD, new CaseCommand.Suspend(SuspensionReason.WEATHER, "暴雨")));
    ActorNotPermittedException e =
        assertThrows(
            ActorNotPermittedException.class,
            () ->
                inHandling(WATER)
                    .attempt(
                        leader(WATER), new CaseCommand.Suspend(SuspensionReason.WEATHER, "暴雨")));
    assertEquals("ROLE_NOT_ALLOWED", e.code());
    assertThrows(
        ActorNotPermittedException.class,
        () -> suspended(WATER).attempt(DISPATCHER, new CaseCommand.Resume(null)));
  }

  @Test
  @DisplayName("an emergency is never suspended (R-20, Art 29: 不得缓办)")
  void emergencyIsNotDeferrable() {
    Run r = opened(true, false);
    r.then(DISPATCHER, dispatchTo(WATER, r.now))
        .then(receiver(WATER), new CaseCommand.SignFor(null))
        .then(leader(WATER), new CaseCommand.ApproveByLeader(null));
    GuardViolationException e =
        assertThrows(
            GuardViolationException.class,
            () -> r.attempt(SHIFT_LEAD, new CaseCommand.Suspend(SuspensionReason.WEATHER, "暴雨")));
    assertEquals("EMERGENCY_NOT_DEFERRABLE", e.code());
    assertTrue(e.getMessage().startsWith("突发事件不得缓办"), e.getMessage());
  }

  @Test
  @DisplayName("the kind of reason and its text are required (422)")
  void reasonRequired() {
    Run r = inHandling(WATER);
    GuardViolationException noKind =
        assertThrows(
            GuardViolationException.class,
            () -> r.attempt(SHIFT_LEAD, new CaseCommand.Suspend(null, "暴雨")));
    assertEquals("MISSING_REASON_CODE", noKind.code());
    assertTrue(noKind.invalidInput());
    GuardViolationException noText =
        assertThrows(
            GuardViolationException.class,
            () -> r.attempt(SHIFT_LEAD, new CaseCommand.Suspend(SuspensionReason.OTHER, " ")));
    assertEquals("MISSING_REASON", noText.code());
    assertTrue(noText.invalidInput());
  }
}
