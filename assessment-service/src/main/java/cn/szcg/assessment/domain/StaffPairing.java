package cn.szcg.assessment.domain;

import java.time.Instant;

/**
 * The two halves of a staff fact that come from different topics: who did it and when (a check by a
 * collector, R-15; a filing by an operator, R-12) and whether it was on time (the stage's clock
 * from sla-service). The fact is booked once both halves are known — whichever arrives second — and
 * only once. What is known first stays: a later half fills in only what is missing.
 *
 * @param subject who did it (collector or operator id), null while unknown
 * @param at when, null while unknown
 * @param factId the id of the fact to book, null while unknown
 * @param onTime the clock's verdict, null while unknown
 * @param booked the fact was booked
 */
public record StaffPairing(
    String subject, Instant at, String factId, Boolean onTime, boolean booked) {

  /** A pairing of which only these halves are known (nothing booked). */
  public static StaffPairing of(String subject, Instant at, String factId, Boolean onTime) {
    return new StaffPairing(subject, at, factId, onTime, false);
  }

  /** This pairing with the missing halves filled in from {@code other}; what is known stays. */
  public StaffPairing fill(
      String otherSubject, Instant otherAt, String otherFact, Boolean otherOn) {
    return new StaffPairing(
        subject != null ? subject : otherSubject,
        at != null ? at : otherAt,
        factId != null ? factId : otherFact,
        onTime != null ? onTime : otherOn,
        booked);
  }

  /** Both halves are known and the fact is not booked yet: book it now. */
  public boolean due() {
    return subject != null && onTime != null && !booked;
  }

  /** This pairing, its fact booked. */
  public StaffPairing markBooked() {
    return new StaffPairing(subject, at, factId, onTime, true);
  }
}
