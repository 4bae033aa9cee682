package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 二级回退 (R-02, R-16, Art 25): a department may ask, within 1 hour of the sub-dispatch, with a reason
 * and a suggested unit, to return its sub-order to its township body (同级数字城管工作机构); the township
 * body approves (the sub-order is RETURNED) or refuses with a reason; until approved the department
 * goes on.
 */
class SubOrderReturnTest {

  /** Sub-dispatched one minute after {@code now}; the return window closes one hour later. */
  static Run subOrdered() {
    Run r = inHandling(TOWNSHIP);
    return r.then(
        leader(TOWNSHIP),
        new CaseCommand.RedispatchToSubUnit(
            TOWNSHIP_DEPT_UNIT, "清理垃圾", r.now.plus(Duration.ofMinutes(61))));
  }

  static String sub(Run r) {
    return r.c.currentOrderId() + "-S1";
  }

  static CaseCommand.RequestSubOrderReturn request(Run r) {
    return new CaseCommand.RequestSubOrderReturn(sub(r), "属县住建局职责", ROADS);
  }

  @Test
  @DisplayName("the request names the sub-order, the department, the township body, the suggestion")
  void requestWithinTheWindow() {
    Run r = subOrdered();
    assertEquals(
        r.now.plus(Duration.ofMinutes(60)), r.c.findOrder(sub(r)).orElseThrow().returnDeadline());
    r.after(Duration.ofMinutes(30), receiver(TOWNSHIP_DEPT), request(r));
    TransitionRecord rec = r.last;
    assertEquals(CaseTransition.REQUEST_SUB_ORDER_RETURN, rec.transition());
    assertEquals(CaseState.IN_HANDLING, rec.toState());
    assertEquals(sub(r), rec.orderId());
    assertEquals(TOWNSHIP_DEPT, rec.unitId());
    assertEquals(r.c.currentOrderId(), rec.data().get("parentOrderId"));
    assertEquals(TOWNSHIP, rec.data().get("parentUnitId"));
    assertEquals(ROADS, rec.data().get("suggestedUnitId"));
    assertEquals("属县住建局职责", rec.reason());
    assertTrue(r.c.pendingSubOrderReturn(sub(r)).isPresent());
    // the center's own return request is a different matter
    assertTrue(r.c.pendingReturn().isEmpty());
  }

  @Test
  @DisplayName("until approved the department goes on: it signs for and reports back")
  void theDepartmentGoesOn() {
    Run r = subOrdered();
    r.then(receiver(TOWNSHIP_DEPT), request(r));
    r.then(receiver(TOWNSHIP_DEPT), new CaseCommand.SignForSubOrder(null));
    r.then(handler(TOWNSHIP_DEPT), new CaseCommand.SubmitSubFeedback("已清理", PHOTOS));
    assertEquals(OrderStatus.FEEDBACK_SUBMITTED, r.c.findOrder(sub(r)).orElseThrow().status());
  }

  @Test
  @DisplayName("after the window (1 hour from the sub-dispatch) the request is refused")
  void windowClosed() {
    Run r = subOrdered();
    r.now = r.now.plus(Duration.ofMinutes(62));
    GuardViolationException e =
        assertThrows(
            GuardViolationException.class, () -> r.attempt(receiver(TOWNSHIP_DEPT), request(r)));
    assertEquals("RETURN_WINDOW_CLOSED", e.code());
  }

  @Test
  @DisplayName("reason and suggested unit are required; once per sub-order; own sub-order only")
  void guards() {
    Run r = subOrdered();
    assertEquals(
        "MISSING_REASON",
        assertThrows(
                GuardViolationException.class,
                () ->
                    r.attempt(
                        receiver(TOWNSHIP_DEPT),
                        new CaseCommand.RequestSubOrderReturn(sub(r), " ", ROADS)))
            .code());
    assertEquals(
        "MISSING_SUGGESTED_UNIT",
        assertThrows(
                GuardViolationException.class,
                () ->
                    r.attempt(
                        receiver(TOWNSHIP_DEPT),
                        new CaseCommand.RequestSubOrderReturn(sub(r), "不归我们", null)))
            .code());
    assertEquals(
        "OTHER_UNIT",
        assertThrows(
                ActorNotPermittedException.class,
                () -> r.attempt(receiver(OTHER_TOWNSHIP_DEPT), request(r)))
            .code());
    r.then(receiver(TOWNSHIP_DEPT), request(r));
    assertEquals(
        "RETURN_ALREADY_REQUESTED",
        assertThrows(
                GuardViolationException.class, () -> r.attempt(receiver(TOWNSHIP_DEPT), request(r)))
            .code());
  }

  @Test
  @DisplayName("a sub-order without a return window cannot be returned")
  void noWindow() {
    Run r = inHandling(TOWNSHIP);
    r.then(leader(TOWNSHIP), new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, "清理"));
    assertEquals(
        "RETURN_NOT_ALLOWED",
        assertThrows(
                GuardViolationException.class, () -> r.attempt(receiver(TOWNSHIP_DEPT), request(r)))
            .code());
  }

  @Test
  @DisplayName("approved: the sub-order is RETURNED, not sent to that department again")
  void approve() {
    Run r = subOrdered();
    r.then(receiver(TOWNSHIP_DEPT), request(r));
    // only the township body decides
    assertEquals(
        "OTHER_UNIT",
        assertThrows(
                ActorNotPermittedException.class,
                () ->
                    r.attempt(
                        leader(TOWNSHIP_DEPT), new CaseCommand.ApproveSubOrderReturn(sub(r), null)))
            .code());
    r.then(leader(TOWNSHIP), new CaseCommand.ApproveSubOrderReturn(sub(r), "转住建局协调"));
    TransitionRecord rec = r.last;
    assertEquals(CaseTransition.APPROVE_SUB_ORDER_RETURN, rec.transition());
    assertEquals(sub(r), rec.orderId());
    assertEquals(TOWNSHIP_DEPT, rec.unitId());
    assertEquals(TOWNSHIP, rec.data().get("parentUnitId"));
    assertEquals(ROADS, rec.data().get("suggestedUnitId"));
    assertEquals(OrderStatus.RETURNED, r.c.findOrder(sub(r)).orElseThrow().status());
    assertFalse(OrderStatus.RETURNED.open());
    assertEquals(CaseState.IN_HANDLING, r.state());
    // the township body may now report up itself (no open sub-order)
    assertEquals(
        "SUB_UNIT_RETURNED",
        assertThrows(
                GuardViolationException.class,
                () ->
                    r.attempt(
                        leader(TOWNSHIP),
                        new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, "再派")))
            .code());
    r.then(handler(TOWNSHIP), new CaseCommand.SubmitFeedback("镇里自行处置", PHOTOS));
    assertEquals(CaseState.FEEDBACK_SUBMITTED, r.state());
  }

  @Test
  @DisplayName("refused (reason required): the department must go on")
  void refuse() {
    Run r = subOrdered();
    r.then(receiver(TOWNSHIP_DEPT), request(r));
    assertEquals(
        "MISSING_REASON",
        assertThrows(
                GuardViolationException.class,
                () ->
                    r.attempt(leader(TOWNSHIP), new CaseCommand.RefuseSubOrderReturn(sub(r), null)))
            .code());
    r.then(leader(TOWNSHIP), new CaseCommand.RefuseSubOrderReturn(sub(r), "属本部门职责"));
    assertEquals(CaseTransition.REFUSE_SUB_ORDER_RETURN, r.last.transition());
    assertEquals("属本部门职责", r.last.reason());
    assertEquals(OrderStatus.DISPATCHED, r.c.findOrder(sub(r)).orElseThrow().status());
    assertTrue(r.c.pendingSubOrderReturn(sub(r)).isEmpty());
    // nothing pending any more
    assertEquals(
        "NO_PENDING_SUB_ORDER_RETURN",
        assertThrows(
                GuardViolationException.class,
                () ->
                    r.attempt(
                        leader(TOWNSHIP), new CaseCommand.ApproveSubOrderReturn(sub(r), null)))
            .code());
    r.then(receiver(TOWNSHIP_DEPT), new CaseCommand.SignForSubOrder(null));
    assertEquals(OrderStatus.SIGNED_FOR, r.c.findOrder(sub(r)).orElseThrow().status());
  }

  @Test
  @DisplayName("the township body is offered the decision only while a request is pending")
  void availableTransitions() {
    Run r = subOrdered();
    assertTrue(
        r.c
            .availableTransitions(receiver(TOWNSHIP_DEPT))
            .contains(CaseTransition.REQUEST_SUB_ORDER_RETURN));
    assertFalse(
        r.c
            .availableTransitions(leader(TOWNSHIP))
            .contains(CaseTransition.APPROVE_SUB_ORDER_RETURN));
    r.then(receiver(TOWNSHIP_DEPT), request(r));
    assertTrue(
        r.c
            .availableTransitions(leader(TOWNSHIP))
            .containsAll(
                List.of(
                    CaseTransition.APPROVE_SUB_ORDER_RETURN,
                    CaseTransition.REFUSE_SUB_ORDER_RETURN)));
  }

  @Test
  @DisplayName("a pending sub-order return lapses when the case is cancelled")
  void lapses() {
    Run r = subOrdered();
    r.then(receiver(TOWNSHIP_DEPT), request(r));
    r.then(SHIFT_LEAD, new CaseCommand.Cancel("重复立案"));
    assertTrue(r.c.returns().stream().allMatch(x -> x.decision() == Decision.LAPSED));
  }

  @Test
  @DisplayName("sign-for and feedback of a sub-order name the township body too")
  void parentUnitOnEverySubOrderStep() {
    Run r = subOrdered();
    r.then(receiver(TOWNSHIP_DEPT), new CaseCommand.SignForSubOrder(null));
    assertEquals(TOWNSHIP, r.last.data().get("parentUnitId"));
    r.then(handler(TOWNSHIP_DEPT), new CaseCommand.SubmitSubFeedback("已清理", PHOTOS));
    assertEquals(TOWNSHIP, r.last.data().get("parentUnitId"));
  }
}
