package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** center operators. */
class OperatorScoringTest {
  @Test
  @DisplayName("worked example: 40×0.8 + 30×0.9 + 30×0.9 = 86.00 → B")
  void workedExample() {
    Instant t = Instant.parse("2026-03-10T02:00:00Z");
    List<OperatorFact> facts = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      facts.add(new OperatorFact.CaseFiled("f" + i, "op1", t, i < 8));
      facts.add(new OperatorFact.CaseClosed("c" + i, "op1", t, i < 9));
    }
    for (int i = 0; i < 20; i++) {
      facts.add(new OperatorFact.OrderDispatched("d" + i, "op1", t));
    }
    facts.add(new OperatorFact.DispatchReturned("r1", "op1", t));
    facts.add(new OperatorFact.DispatchReturned("r2", "op1", t));
    OperatorFigures f = OperatorFigures.ZERO;
    OperatorBook book = new OperatorBook();
    for (OperatorFact x : facts) {
      f = OperatorFigures.apply(f, x);
      assertTrue(book.apply(x));
    }
    assertFalse(book.apply(facts.get(0)), "idempotent on fact id");
    assertEquals(new OperatorFigures(10, 8, 20, 2, 10, 9), f);
    assertEquals(f, book.get("op1", Period.month(2026, 3)));
    assertEquals(f, book.get("op1", Period.year(2026)));
    assertEquals(new BigDecimal("90.00"), OperatorIndicator.DISPATCH_ACCURACY_RATE.of(f).percent());
    Score s = OperatorScoring.defaults().score(f);
    assertEquals(new BigDecimal("86.00"), s.value());
    assertEquals(Grade.B, s.grade());
  }

  @Test
  @DisplayName("0/0: an operator with no work is not graded; a task type never given counts full")
  void zeroOverZero() {
    assertFalse(OperatorScoring.defaults().score(OperatorFigures.ZERO).graded());
    OperatorFigures onlyFiling = new OperatorFigures(4, 3, 0, 0, 0, 0);
    // 40×3/4 + 30 + 30 = 90
    assertEquals(new BigDecimal("90.00"), OperatorScoring.defaults().score(onlyFiling).value());
  }
}
