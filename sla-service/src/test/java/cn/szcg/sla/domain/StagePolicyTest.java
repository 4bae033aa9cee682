package cn.szcg.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import org.junit.jupiter.api.Test;

/** (stage, zone, emergency, categoryLimit) → limit ..R-16 and R-20. */
class StagePolicyTest {

  private static final StageClockPolicy P = StageClockPolicy.MINQING_2016;
  private static final TimeLimit THREE_DAYS = new TimeLimit(3, LimitUnit.WORKING_DAYS);

  private static TimeLimit wh(int n) {
    return new TimeLimit(n, LimitUnit.WORKING_HOURS);
  }

  @Test
  void r12RegistrationToDispatchIsOneWorkingHourTwoInTheFringe() {
    assertEquals(wh(1), P.limitFor(Stage.REGISTRATION_TO_DISPATCH, Zone.URBAN, false, null));
    assertEquals(wh(1), P.limitFor(Stage.REGISTRATION_TO_DISPATCH, Zone.OTHER, false, null));
    assertEquals(wh(2), P.limitFor(Stage.REGISTRATION_TO_DISPATCH, Zone.FRINGE, false, null));
  }

  @Test
  void r13SignForIsOneWorkingHourEvenInTheFringe() {
    assertEquals(wh(1), P.limitFor(Stage.DISPATCH_TO_SIGN_FOR, Zone.FRINGE, false, null));
  }

  @Test
  void r14HandlingUsesTheCategoryLimitNotDoubledInTheFringe() {
    assertEquals(THREE_DAYS, P.limitFor(Stage.HANDLING, Zone.FRINGE, false, THREE_DAYS));
    assertThrows(
        NullPointerException.class, () -> P.limitFor(Stage.HANDLING, Zone.URBAN, false, null));
  }

  @Test
  void r15CheckIsOneWorkingHourTwoInTheFringe() {
    assertEquals(wh(1), P.limitFor(Stage.FEEDBACK_TO_CHECK, Zone.URBAN, false, null));
    assertEquals(wh(2), P.limitFor(Stage.FEEDBACK_TO_CHECK, Zone.FRINGE, false, null));
  }

  @Test
  void r16ReturnWindowIsOneWorkingHour() {
    assertEquals(wh(1), P.limitFor(Stage.RETURN_WINDOW, Zone.URBAN, false, null));
    assertEquals(wh(1), P.limitFor(Stage.RETURN_WINDOW, Zone.FRINGE, false, null));
  }

  @Test
  void r20EmergenciesRunInNaturalTimeOfTheSameAmount() {
    assertEquals(
        new TimeLimit(2, LimitUnit.NATURAL_HOURS),
        P.limitFor(Stage.REGISTRATION_TO_DISPATCH, Zone.FRINGE, true, null));
    assertEquals(
        new TimeLimit(1, LimitUnit.NATURAL_HOURS),
        P.limitFor(Stage.RETURN_WINDOW, Zone.URBAN, true, null));
    assertEquals(
        new TimeLimit(3, LimitUnit.NATURAL_DAYS),
        P.limitFor(Stage.HANDLING, Zone.URBAN, true, THREE_DAYS));
    assertEquals(
        new TimeLimit(90, LimitUnit.NATURAL_MINUTES),
        P.limitFor(Stage.HANDLING, Zone.URBAN, true, new TimeLimit(90, LimitUnit.WORKING_MINUTES)));
    // a natural category limit stays natural, with or without emergency
    TimeLimit twoNatural = new TimeLimit(2, LimitUnit.NATURAL_HOURS);
    assertEquals(twoNatural, P.limitFor(Stage.HANDLING, Zone.URBAN, false, twoNatural));
  }

  @Test
  void policyWarningPercentIsValidated() {
    assertEquals(80, P.warningPercent());
    assertThrows(IllegalArgumentException.class, () -> new StageClockPolicy("x", 0));
    assertThrows(IllegalArgumentException.class, () -> new StageClockPolicy("x", 100));
  }

  @Test
  void subOrdersAreTimedLikeOrders() {
    // two-level command (R-02, Art 25): sign-for 1 working hour as R-13, handling by the category
    assertEquals(
        new TimeLimit(1, LimitUnit.WORKING_HOURS),
        Stage.SUB_DISPATCH_TO_SIGN_FOR.limit(Zone.FRINGE, false, null));
    assertEquals(
        new TimeLimit(1, LimitUnit.NATURAL_HOURS),
        Stage.SUB_DISPATCH_TO_SIGN_FOR.limit(Zone.URBAN, true, null));
    assertEquals(
        new TimeLimit(3, LimitUnit.WORKING_DAYS),
        Stage.SUB_HANDLING.limit(Zone.FRINGE, false, new TimeLimit(3, LimitUnit.WORKING_DAYS)));
    assertTrue(Stage.SUB_HANDLING.isSubOrder());
  }

  @Test
  void r20Art29CountsTheHandlingTimeLimitFromAcceptance() {
    // 从受理之时起计算处置时限: the handling limits (and R-12, which starts there anyway)
    assertTrue(Stage.HANDLING.countsFromAcceptanceInEmergency());
    assertTrue(Stage.SUB_HANDLING.countsFromAcceptanceInEmergency());
    assertTrue(Stage.REGISTRATION_TO_DISPATCH.countsFromAcceptanceInEmergency());
    assertFalse(Stage.DISPATCH_TO_SIGN_FOR.countsFromAcceptanceInEmergency());
    assertFalse(Stage.RETURN_WINDOW.countsFromAcceptanceInEmergency());
    assertFalse(Stage.FEEDBACK_TO_CHECK.countsFromAcceptanceInEmergency());
    assertFalse(Stage.SUB_DISPATCH_TO_SIGN_FOR.countsFromAcceptanceInEmergency());
  }
}
