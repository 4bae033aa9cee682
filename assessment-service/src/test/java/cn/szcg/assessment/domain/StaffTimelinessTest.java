package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * a verification within its limit of the request, a close within its limit of the
 * passed check (natural minutes while there is no clock of their own).
 */
class StaffTimelinessTest {
  static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");
  static final Duration HOUR = Duration.ofMinutes(60);

  @Test
  @DisplayName("within the limit, the limit's last instant included, is on time")
  void withinTheLimit() {
    assertTrue(StaffTimeliness.withinLimit(T0, T0.plusSeconds(59 * 60), HOUR));
    assertTrue(StaffTimeliness.withinLimit(T0, T0.plus(HOUR), HOUR));
  }

  @Test
  @DisplayName("after the limit is late")
  void afterTheLimit() {
    assertFalse(StaffTimeliness.withinLimit(T0, T0.plus(HOUR).plusSeconds(1), HOUR));
  }

  @Test
  @DisplayName("an unknown start (its event never came) charges nobody: on time")
  void unknownStartIsOnTime() {
    assertTrue(StaffTimeliness.withinLimit(null, T0, HOUR));
  }
}
