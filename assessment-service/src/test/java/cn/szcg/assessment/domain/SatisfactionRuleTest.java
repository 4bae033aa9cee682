package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.assessment.domain.SatisfactionRule.Candidate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** the public's satisfaction goes to the unit whose handling passed the check. */
class SatisfactionRuleTest {
  static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");

  @Test
  @DisplayName("the most recently received passed track of the case is rated")
  void latestPassedTrack() {
    List<Candidate> tracks =
        List.of(
            new Candidate("first", T0, false, true),
            new Candidate("second", T0.plusSeconds(60), false, true),
            new Candidate("failed", T0.plusSeconds(120), false, false));
    assertEquals(Optional.of("second"), SatisfactionRule.ratedTrack(tracks));
  }

  @Test
  @DisplayName("a department's sub-order (二级批办件) is never rated, even if received last")
  void subOrderNeverRated() {
    List<Candidate> tracks =
        List.of(
            new Candidate("township", T0, false, true),
            new Candidate("department", T0.plusSeconds(60), true, true));
    assertEquals(Optional.of("township"), SatisfactionRule.ratedTrack(tracks));
  }

  @Test
  @DisplayName("no passed track: none rated (the response goes to the event's own unit)")
  void nonePassed() {
    assertEquals(
        Optional.empty(),
        SatisfactionRule.ratedTrack(List.of(new Candidate("t", T0, false, false))));
  }

  @Test
  @DisplayName("of two received at the same time, the first given wins")
  void tieKeepsTheFirst() {
    List<Candidate> tracks =
        List.of(new Candidate("a", T0, false, true), new Candidate("b", T0, false, true));
    assertEquals(Optional.of("a"), SatisfactionRule.ratedTrack(tracks));
  }

  @Test
  @DisplayName("levels: 满意, 基本满意, 不满意; anything else is no level")
  void levels() {
    assertEquals(Optional.of(Satisfaction.SATISFIED), SatisfactionRule.level("SATISFIED"));
    assertEquals(
        Optional.of(Satisfaction.BASICALLY_SATISFIED),
        SatisfactionRule.level("BASICALLY_SATISFIED"));
    assertEquals(Optional.of(Satisfaction.DISSATISFIED), SatisfactionRule.level("DISSATISFIED"));
    assertEquals(Optional.empty(), SatisfactionRule.level("satisfied"));
    assertEquals(Optional.empty(), SatisfactionRule.level(null));
  }
}
