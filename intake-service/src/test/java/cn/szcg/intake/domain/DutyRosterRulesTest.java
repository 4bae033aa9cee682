package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The duty roster's rules (排班, issue 7), as a specification. */
class DutyRosterRulesTest {

  static final DutyRosterRules RULES = DutyRosterRules.minqingDefaults();
  static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z"); // 08:00 in Minqing
  static final Instant T8 = NOW.plus(Duration.ofHours(1));
  static final Instant T17 = T8.plus(Duration.ofHours(9));
  static final List<String> GRIDS = List.of("3501241000040007", "3501241000040008");

  static List<FieldViolation> check(List<String> grids, Instant start, Instant end) {
    return RULES.validate(true, grids, start, end, NOW);
  }

  static void only(List<FieldViolation> v, String field, String code) {
    assertEquals(1, v.size(), v.toString());
    assertEquals(field, v.get(0).field());
    assertEquals(code, v.get(0).code());
  }

  @Test
  void aNineHourDayShiftOverTwoGridsIsValid() {
    assertTrue(check(GRIDS, T8, T17).isEmpty());
    // exactly 24 h is still allowed
    assertTrue(check(GRIDS, T8, T8.plus(Duration.ofHours(24))).isEmpty());
  }

  @Test
  void theCollectorMustBeRegistered() {
    only(RULES.validate(false, GRIDS, T8, T17, NOW), "collectorId", "unknown_collector");
  }

  @Test
  void gridCodesAreRequiredWellFormedOfTheCountyAndDistinct() {
    only(check(List.of(), T8, T17), "gridCodes", "required");
    only(check(null, T8, T17), "gridCodes", "required");
    only(check(List.of("3501241000040007", "G-01"), T8, T17), "gridCodes[1]", "invalid_grid_code");
    only(check(List.of("35012410000400071"), T8, T17), "gridCodes[0]", "invalid_grid_code");
    only(check(Arrays.asList((String) null), T8, T17), "gridCodes[0]", "invalid_grid_code");
    only(check(List.of("3501221000040007"), T8, T17), "gridCodes[0]", "other_county");
    only(
        check(List.of("3501241000040007", "3501241000040007"), T8, T17),
        "gridCodes[1]",
        "duplicate");
    List<String> many = new ArrayList<>();
    for (int i = 1; i <= 201; i++) {
      many.add(String.format("350124100004%04d", i));
    }
    only(check(many, T8, T17), "gridCodes", "too_many");
    assertTrue(check(many.subList(0, 200), T8, T17).isEmpty());
  }

  @Test
  void theEndComesAfterTheStartWithinADayAndHasNotPassed() {
    only(check(GRIDS, T8, T8), "end", "not_after_start");
    only(check(GRIDS, T17, T8), "end", "not_after_start");
    only(check(GRIDS, T8, T8.plus(Duration.ofHours(24)).plusSeconds(1)), "end", "too_long");
    only(check(GRIDS, NOW.minusSeconds(3600 * 9), NOW), "end", "in_past");
    // a shift running now may be recorded
    assertTrue(check(GRIDS, NOW.minusSeconds(3600), NOW.plusSeconds(3600)).isEmpty());
    only(
        check(GRIDS, NOW.plus(Duration.ofDays(91)), NOW.plus(Duration.ofDays(91)).plusSeconds(60)),
        "start",
        "too_far_ahead");
  }

  @Test
  void aCollectorsShiftsDoNotOverlapCancelledOnesAndTheCorrectedOneExcepted() {
    DutyShift day = new DutyShift("s1", "C0001", GRIDS, T8, T17, false);
    DutyShift cancelled = new DutyShift("s2", "C0001", GRIDS, T17, T17.plusSeconds(3600), true);
    List<DutyShift> mine = List.of(day, cancelled);
    assertEquals(List.of(day), RULES.overlapping(mine, T8.plusSeconds(3600), T17, null));
    // end exclusive: the next shift may start when this one ends
    assertTrue(RULES.overlapping(mine, T17, T17.plusSeconds(7200), null).isEmpty());
    assertTrue(RULES.overlapping(mine, T8.minusSeconds(3600), T8, null).isEmpty());
    // correcting s1 itself is no overlap
    assertTrue(RULES.overlapping(mine, T8, T17.plusSeconds(600), "s1").isEmpty());
  }

  @Test
  void aShiftChangesOnlyWhileItHasNotEndedAndIsNotCancelled() {
    DutyShift day = new DutyShift("s1", "C0001", GRIDS, T8, T17, false);
    assertNull(RULES.changeable(day, NOW));
    assertNull(RULES.changeable(day, T8.plusSeconds(60))); // running: still correctable
    assertNotNull(RULES.changeable(day, T17));
    assertNotNull(RULES.changeable(new DutyShift("s2", "C0001", GRIDS, T8, T17, true), NOW));
  }
}
