package cn.szcg.assessment.domain;

import static cn.szcg.assessment.domain.Figures.Counter.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** rates and the composite score of a responsible unit, with worked examples. */
class UnitScoringTest {

  /**
   * 10 orders due: 7 on time, 2 overdue (1 of them accepted), 1 expired; see docs/assessment.md.
   */
  static Figures worked() {
    return Fig.of(
        RECEIVED, 12, // 2 still pending within their limit
        HANDLED, 8,
        HANDLED_ON_TIME, 7,
        OVERDUE_HANDLING, 2,
        EXPIRED_UNHANDLED, 1,
        CHECKED, 9,
        REWORKED, 2,
        CHECKS_FAILED, 3,
        EXTENSIONS_GRANTED, 1,
        EXTENDED_ORDERS, 1);
  }

  @Test
  @DisplayName("worked example: 24 + 14 + 15.5556 + 16 + 10×(1−1/12) = 78.72 → B")
  void workedExample() {
    Figures f = worked();
    assertEquals(10, f.toHandle()); // 7 + 2 + 1
    assertEquals(12, f.assigned());
    assertEquals(2, f.pending());
    assertEquals(new BigDecimal("80.00"), UnitIndicator.HANDLING_RATE.of(f).percent());
    assertEquals(new BigDecimal("70.00"), UnitIndicator.ON_TIME_HANDLING_RATE.of(f).percent());
    assertEquals(new BigDecimal("22.22"), UnitIndicator.REWORK_RATE.of(f).percent()); // 2/9
    assertEquals(new BigDecimal("20.00"), UnitIndicator.OVERDUE_RATE.of(f).percent());
    assertEquals(new BigDecimal("8.33"), UnitIndicator.EXTENSION_RATE.of(f).percent()); // 1/12

    Score s = UnitScoring.defaults().score(f);
    // 30×8/10 + 20×7/10 + 20×(1−2/9) + 20×(1−2/10) + 10×(1−1/12)
    // = 24 + 14 + 140/9 + 16 + 55/6 = 1417/18 = 78.7222…
    assertEquals(Fraction.of(1417, 18), s.exact());
    assertEquals(new BigDecimal("78.72"), s.value());
    assertEquals(Grade.B, s.grade());
    Fraction sum = s.contributions().values().stream().reduce(Fraction.ZERO, Fraction::plus);
    assertEquals(s.exact(), sum, "each indicator contributes exactly once");
    assertEquals(5, s.contributions().size(), "satisfaction and sign-for weigh 0 by default");
  }

  @Test
  @DisplayName("the score is computed from exact rates, not from rounded percentages")
  void exactNotRounded() {
    // 1/3 handled on time: a rounded 33.33% would give 30×0.3333+… ; exact gives thirds.
    Figures f =
        Fig.of(RECEIVED, 3, HANDLED, 3, HANDLED_ON_TIME, 1, OVERDUE_HANDLING, 2, CHECKED, 3);
    Score s = UnitScoring.defaults().score(f);
    // 30×1 + 20×1/3 + 20×1 + 20×(1−2/3) + 10×1 = 30 + 6.666… + 20 + 6.666… + 10 = 73.333…
    assertEquals(Fraction.of(220, 3), s.exact());
    assertEquals(new BigDecimal("73.33"), s.value());
    assertEquals(Grade.C, s.grade());
  }

  @Test
  @DisplayName("0/0: a unit with nothing due is not graded; rates are blank")
  void zeroOverZero() {
    Figures pendingOnly = Fig.of(RECEIVED, 4);
    assertEquals(0, pendingOnly.toHandle());
    Score s = UnitScoring.defaults().score(pendingOnly);
    assertFalse(s.graded());
    assertNull(s.value());
    assertNull(s.grade());
    assertNull(UnitIndicator.HANDLING_RATE.of(pendingOnly).percent());
    assertFalse(UnitIndicator.HANDLING_RATE.of(Figures.ZERO).defined());
    // Documented 0/0 values used inside a graded score:
    assertEquals(Fraction.ZERO, UnitIndicator.REWORK_RATE.of(Figures.ZERO).value());
    assertEquals(Fraction.ONE, UnitIndicator.SATISFACTION_RATE.of(Figures.ZERO).value());
    assertEquals(Fraction.ONE, UnitIndicator.ON_TIME_SIGN_FOR_RATE.of(Figures.ZERO).value());
    assertEquals(Fraction.ZERO, UnitIndicator.EXTENSION_RATE.of(Figures.ZERO).value());
  }

  @Test
  @DisplayName("traps: doing nothing never beats handling late, which never beats handling on time")
  void notClosingIsNotRewarded() {
    UnitScoring scoring = UnitScoring.defaults();
    Figures allOnTime = Fig.of(RECEIVED, 10, HANDLED, 10, HANDLED_ON_TIME, 10, CHECKED, 10);
    Figures allOnTimeReworkedOnce =
        Fig.of(
            RECEIVED,
            10,
            HANDLED,
            10,
            HANDLED_ON_TIME,
            10,
            CHECKED,
            10,
            REWORKED,
            10,
            CHECKS_FAILED,
            10);
    Figures allLate = Fig.of(RECEIVED, 10, HANDLED, 10, OVERDUE_HANDLING, 10, CHECKED, 10);
    Figures nothing = Fig.of(RECEIVED, 10, EXPIRED_UNHANDLED, 10);

    assertEquals(new BigDecimal("100.00"), scoring.score(allOnTime).value());
    assertEquals(new BigDecimal("80.00"), scoring.score(allOnTimeReworkedOnce).value());
    // 30 + 0 + 20 + 0 + 10
    assertEquals(new BigDecimal("60.00"), scoring.score(allLate).value());
    // 0 + 0 + 20 (nothing checked: 返工率 0/0 = 0) + 20 (nothing finished late) + 10 = 50
    assertEquals(new BigDecimal("50.00"), scoring.score(nothing).value());
    assertEquals(Grade.D, scoring.score(nothing).grade());
    assertTrue(
        scoring.score(nothing).value().compareTo(scoring.score(allLate).value()) < 0,
        "an expired order must cost more than a late one");
  }

  @Test
  @DisplayName("inverted rates only ever lower the score as they rise")
  void invertedRatesMonotonic() {
    UnitScoring scoring = UnitScoring.defaults();
    BigDecimal previous = null;
    for (int reworked = 0; reworked <= 10; reworked++) {
      Figures f =
          Fig.of(RECEIVED, 10, HANDLED, 10, HANDLED_ON_TIME, 10, CHECKED, 10, REWORKED, reworked);
      BigDecimal v = scoring.score(f).value();
      if (previous != null) {
        assertTrue(v.compareTo(previous) < 0, "more rework must score lower");
      }
      previous = v;
    }
  }

  @Test
  @DisplayName("weights must sum to exactly 100 and be non-negative")
  void weightsValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Weights.of(
                UnitIndicator.class,
                Map.of(
                    UnitIndicator.HANDLING_RATE, new BigDecimal("0.3"),
                    UnitIndicator.ON_TIME_HANDLING_RATE, new BigDecimal("0.2"),
                    UnitIndicator.REWORK_RATE, new BigDecimal("0.2"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Weights.of(
                UnitIndicator.class, Map.of(UnitIndicator.HANDLING_RATE, new BigDecimal("70"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Weights.of(
                UnitIndicator.class,
                Map.of(
                    UnitIndicator.HANDLING_RATE, new BigDecimal("110"),
                    UnitIndicator.REWORK_RATE, new BigDecimal("-10"))));
    Weights<UnitIndicator> w =
        Weights.of(
            UnitIndicator.class,
            Map.of(
                UnitIndicator.HANDLING_RATE, new BigDecimal("25"),
                UnitIndicator.ON_TIME_HANDLING_RATE, new BigDecimal("25"),
                UnitIndicator.REWORK_RATE, new BigDecimal("12.5"),
                UnitIndicator.OVERDUE_RATE, new BigDecimal("12.5"),
                UnitIndicator.SATISFACTION_RATE, new BigDecimal("25")));
    assertEquals(BigDecimal.ZERO, w.weight(UnitIndicator.EXTENSION_RATE));
    // satisfaction now counts: 8 of 10 responses satisfied or basically satisfied
    Figures f =
        Fig.of(
            RECEIVED,
            10,
            HANDLED,
            10,
            HANDLED_ON_TIME,
            10,
            CHECKED,
            10,
            SATISFIED,
            6,
            BASICALLY_SATISFIED,
            2,
            DISSATISFIED,
            2);
    assertEquals(new BigDecimal("80.00"), UnitIndicator.SATISFACTION_RATE.of(f).percent());
    assertEquals(new BigDecimal("95.00"), new UnitScoring(w).score(f).value()); // 75 + 25×0.8
  }

  @Test
  @DisplayName("weights from configuration by indicator name")
  void weightsByName() {
    Weights<UnitIndicator> w =
        Weights.ofNames(
            UnitIndicator.class,
            Map.of(
                "handling-rate", new BigDecimal("30"),
                "ON_TIME_HANDLING_RATE", new BigDecimal("20"),
                "rework_rate", new BigDecimal("20"),
                "overdue-rate", new BigDecimal("20"),
                "extension-rate", new BigDecimal("10")));
    assertEquals(UnitScoring.DEFAULT_WEIGHTS.asMap(), w.asMap());
    assertThrows(
        IllegalArgumentException.class,
        () -> Weights.ofNames(UnitIndicator.class, Map.of("speed", new BigDecimal("100"))));
  }

  @Test
  @DisplayName("grade boundaries: 89.99 → B, 90 → A, 75 → B, 74.99 → C, 60 → C, 40 → D, 39.99 → E")
  void gradeBoundaries() {
    assertEquals(Grade.A, Grade.of(new BigDecimal("100.00")));
    assertEquals(Grade.A, Grade.of(new BigDecimal("90.00")));
    assertEquals(Grade.B, Grade.of(new BigDecimal("89.99")));
    assertEquals(Grade.B, Grade.of(new BigDecimal("75.00")));
    assertEquals(Grade.C, Grade.of(new BigDecimal("74.99")));
    assertEquals(Grade.C, Grade.of(new BigDecimal("60.00")));
    assertEquals(Grade.D, Grade.of(new BigDecimal("59.99")));
    assertEquals(Grade.D, Grade.of(new BigDecimal("40.00")));
    assertEquals(Grade.E, Grade.of(new BigDecimal("39.99")));
    assertEquals(Grade.E, Grade.of(new BigDecimal("0.00")));
  }

  @Test
  @DisplayName("the grade follows the printed (rounded HALF_UP) score: 89.995 → 90.00 → A")
  void gradeOfRoundedScore() {
    Score up = Score.of(Fraction.of(89995, 1000), Map.of());
    assertEquals(new BigDecimal("90.00"), up.value());
    assertEquals(Grade.A, up.grade());
    Score down = Score.of(Fraction.of(89994999, 1000000), Map.of());
    assertEquals(new BigDecimal("89.99"), down.value());
    assertEquals(Grade.B, down.grade());
  }

  @Test
  @DisplayName("percentages: two decimals HALF_UP")
  void percentRounding() {
    assertEquals(new BigDecimal("66.67"), new Ratio(2, 3, Fraction.ZERO).percent());
    assertEquals(new BigDecimal("12.50"), new Ratio(1, 8, Fraction.ZERO).percent());
    assertEquals(new BigDecimal("0.13"), new Ratio(1, 800, Fraction.ZERO).percent()); // 0.125
    assertEquals(new BigDecimal("100.00"), new Ratio(5, 5, Fraction.ZERO).percent());
    assertTrue(new Ratio(1, 2, Fraction.ZERO).consistent());
    assertFalse(new Ratio(3, 2, Fraction.ZERO).consistent());
  }
}
