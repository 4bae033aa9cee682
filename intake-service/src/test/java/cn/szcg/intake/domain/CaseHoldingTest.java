package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.intake.domain.CaseHolding.Holder;
import cn.szcg.intake.domain.CaseHolding.Kind;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who comes to hold a case through a dispatch step (R-13, R-14, R-15; docs/intake.md §12). */
class CaseHoldingTest {

  @Test
  void stepsThatPutAnOrderInForceMakeTheUnitAHolder() {
    for (String step :
        new String[] {
          "DISPATCH", "REDISPATCH", "FAIL_CHECK", "RECORD_COORDINATION_AGREEMENT", "DESIGNATE_UNIT"
        }) {
      assertEquals(
          Optional.of(new Holder(Kind.UNIT, "U-WATER", "O-1")),
          CaseHolding.of(step, "U-WATER", "O-1", Map.of()),
          step);
    }
  }

  @Test
  void aSubOrderMakesTheDepartmentAHolder() {
    assertEquals(
        Optional.of(new Holder(Kind.DEPARTMENT, "U-MC-ROADS", "O-1-S1")),
        CaseHolding.of(
            "REDISPATCH_TO_SUB_UNIT",
            "U-MC-ROADS",
            "O-1-S1",
            Map.of("parentOrderId", "O-1", "parentUnitId", "U-MEICHENG")));
  }

  @Test
  void anOrderedCheckMakesTheCollectorAHolder() {
    assertEquals(
        Optional.of(new Holder(Kind.COLLECTOR, "C0003", null)),
        CaseHolding.of("ORDER_CHECK", "U-WATER", null, Map.of("collectorId", "C0003")));
    // without the collector: nobody
    assertTrue(CaseHolding.of("ORDER_CHECK", "U-WATER", null, Map.of()).isEmpty());
    assertTrue(CaseHolding.of("ORDER_CHECK", null, null, null).isEmpty());
  }

  @Test
  void otherStepsAndStepsWithoutAUnitMakeNone() {
    for (String step :
        new String[] {
          "OPEN",
          "SIGN_FOR",
          "APPROVE_BY_LEADER",
          "REQUEST_RETURN",
          "APPROVE_RETURN",
          "SUBMIT_FEEDBACK",
          "SIGN_FOR_SUB_ORDER",
          "PASS_CHECK",
          "CLOSE",
          "CANCEL"
        }) {
      assertTrue(CaseHolding.of(step, "U-WATER", "O-1", Map.of()).isEmpty(), step);
    }
    assertTrue(CaseHolding.of("DISPATCH", null, "O-1", Map.of()).isEmpty());
    assertTrue(CaseHolding.of("DISPATCH", " ", "O-1", Map.of()).isEmpty());
    assertTrue(CaseHolding.of(null, "U-WATER", "O-1", Map.of()).isEmpty());
  }
}
