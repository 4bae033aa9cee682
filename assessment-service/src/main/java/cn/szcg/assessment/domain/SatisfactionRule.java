package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whose handling the public rated (群众满意度回访, R-25): a satisfaction response of a case goes to the
 * unit whose handling passed the check — or is waiting for its clock's verdict ({@link
 * PendingPass}) — the most recently received such order track of the case. A department's sub-order
 * (二级批办件) is never rated: the public rates the township body's (or the unit's) handling. With no
 * such track, the response goes to the event's own unit.
 */
public final class SatisfactionRule {

  private SatisfactionRule() {}

  /**
   * A track of the case as the rule sees it.
   *
   * @param trackId the track
   * @param receivedAt when its unit received the order
   * @param subOrder a department's sub-order
   * @param passed the check passed (accepted) or a pass is waiting for its verdict
   */
  public record Candidate(String trackId, Instant receivedAt, boolean subOrder, boolean passed) {}

  /** The level of a response, empty when it is not one of {@link Satisfaction}. */
  public static Optional<Satisfaction> level(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Satisfaction.valueOf(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The track rated among the case's tracks (in the order given: of two received at the same time
   * the first wins); empty when none passed.
   */
  public static Optional<String> ratedTrack(List<Candidate> tracks) {
    Candidate best = null;
    for (Candidate c : tracks) {
      if (c.subOrder() || !c.passed()) {
        continue;
      }
      if (best == null || c.receivedAt().isAfter(best.receivedAt())) {
        best = c;
      }
    }
    return Optional.ofNullable(best).map(Candidate::trackId);
  }
}
