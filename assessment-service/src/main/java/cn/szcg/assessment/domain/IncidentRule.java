package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Which unit facts are Art 33 incidents, with stable incident ids so that the {@link
 * AccountabilityLedger} counts each failure once:
 *
 * <ul>
 *   <li>{@link FactEvent.SignedFor} late → {@link IncidentKind#LATE_SIGN_FOR}, id "{orderId}:
 *       LATE_SIGN_FOR". The service should also raise it from the sign-for clock breach (an order
 *       never signed for has no SignedFor fact) with the same id and the breach time; the first one
 *       recorded counts.
 *   <li>{@link FactEvent.Expired} that counts, {@link FactEvent.Handled} finished late (attempt ≤
 *       2), {@link FactEvent.CheckFailed} attempt 2 → {@link
 *       IncidentKind#OVERDUE_OR_EXPIRED_HANDLING}, id "{orderId}:OVERDUE_OR_EXPIRED_HANDLING": one
 *       per order, whichever comes first.
 *   <li>{@link FactEvent.CheckFailed} attempt 1 or ≥ 3 → {@link IncidentKind#NOT_TO_STANDARD}, id
 *       "{orderId}:NOT_TO_STANDARD:{attempt}" (attempt 2 is 逾期处置 by Art 33(2) instead).
 *   <li>A department's sub-order (二级批办件) is an order of the department (处置责任单位 of that sub-order):
 *       its late sign-for and its expiry or late {@link FactEvent.SubOrderHandled} are the
 *       department's incidents, with the sub-order's id (never the township body's).
 * </ul>
 *
 * The incident's time is the fact's time ({@link FactEvent#at()}), which decides its month.
 */
public final class IncidentRule {
  private IncidentRule() {}

  public static Optional<Incident> incidentFor(FactEvent fact, UnitContacts contacts) {
    OrderRef ref = fact.ref();
    if (fact instanceof FactEvent.SignedFor s && !s.onTime()) {
      return Optional.of(
          make(ref, IncidentKind.LATE_SIGN_FOR, ":" + s.round(), fact.at(), contacts));
    }
    if (fact instanceof FactEvent.Expired e && e.failedChecksBefore() < 2) {
      return Optional.of(
          make(ref, IncidentKind.OVERDUE_OR_EXPIRED_HANDLING, "", fact.at(), contacts));
    }
    if (fact instanceof FactEvent.Handled h && h.attempt() <= 2 && !h.onTime()) {
      return Optional.of(
          make(ref, IncidentKind.OVERDUE_OR_EXPIRED_HANDLING, "", fact.at(), contacts));
    }
    if (fact instanceof FactEvent.SubOrderHandled h && (!h.onTime() || h.expiredBefore())) {
      // a department's sub-order reported back late: Art 33(2) for the department (docs §5)
      return Optional.of(
          make(ref, IncidentKind.OVERDUE_OR_EXPIRED_HANDLING, "", fact.at(), contacts));
    }
    if (fact instanceof FactEvent.CheckFailed c) {
      return c.attempt() == 2
          ? Optional.of(
              make(ref, IncidentKind.OVERDUE_OR_EXPIRED_HANDLING, "", fact.at(), contacts))
          : Optional.of(
              make(ref, IncidentKind.NOT_TO_STANDARD, ":" + c.attempt(), fact.at(), contacts));
    }
    return Optional.empty();
  }

  /** The late sign-for incident of the track's current dispatch round, at the clock breach. */
  public static Incident lateSignFor(OrderTrack track, Instant breachedAt, UnitContacts contacts) {
    return make(
        track.ref(), IncidentKind.LATE_SIGN_FOR, ":" + track.dispatchRound(), breachedAt, contacts);
  }

  /** The late sign-for incident of dispatch round {@code round}, at the clock breach. */
  public static Incident lateSignFor(
      OrderRef ref, int round, Instant breachedAt, UnitContacts contacts) {
    return make(ref, IncidentKind.LATE_SIGN_FOR, ":" + round, breachedAt, contacts);
  }

  private static Incident make(
      OrderRef ref, IncidentKind kind, String suffix, Instant at, UnitContacts contacts) {
    return new Incident(
        ref.orderId() + ":" + kind.name() + suffix,
        ref.unitId(),
        kind,
        ref.caseId(),
        ref.orderId(),
        at,
        contacts);
  }
}
