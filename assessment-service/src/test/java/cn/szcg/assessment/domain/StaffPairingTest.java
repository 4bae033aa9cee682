package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * a check (核查) or a filing (立案) counts for its collector or operator once both halves
 * are known — who and when from the case, on time from the stage's clock — in either order, once.
 */
class StaffPairingTest {
  static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");

  @Test
  @DisplayName("the check first, the clock second: due when the clock's verdict arrives")
  void checkThenClock() {
    StaffPairing check = StaffPairing.of("col1", T0, "e1:checked", null);
    assertFalse(check.due(), "no verdict yet");
    StaffPairing both = check.fill(null, null, null, false);
    assertTrue(both.due());
    assertEquals(new StaffPairing("col1", T0, "e1:checked", false, false), both);
  }

  @Test
  @DisplayName("the clock first, the check second: due when the check arrives")
  void clockThenCheck() {
    StaffPairing clock = StaffPairing.of(null, null, null, true);
    assertFalse(clock.due(), "nobody to charge yet");
    StaffPairing both = clock.fill("col1", T0, "e1:checked", null);
    assertTrue(both.due());
    assertEquals(true, both.onTime());
    assertEquals("col1", both.subject());
  }

  @Test
  @DisplayName("what is known first stays: a second check or verdict changes nothing")
  void firstKnownStays() {
    StaffPairing p = StaffPairing.of("col1", T0, "e1:checked", true);
    StaffPairing again = p.fill("col2", T0.plusSeconds(60), "e2:checked", false);
    assertEquals(p, again);
  }

  @Test
  @DisplayName("booked once: a booked pairing is never due again")
  void bookedOnce() {
    StaffPairing booked = StaffPairing.of("col1", T0, "e1:checked", true).markBooked();
    assertTrue(booked.booked());
    assertFalse(booked.due());
    assertFalse(booked.fill("col2", T0, "e2", false).due());
  }
}
