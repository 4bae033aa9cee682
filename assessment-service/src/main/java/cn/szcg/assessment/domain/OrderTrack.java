package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The small per-order state the service keeps (one row per dispatch order) to turn lifecycle events
 * into {@link FactEvent}s with the right flags. Immutable: every method returns a {@link Step} with
 * the next state and the facts to book (possibly none, e.g. a breach after acceptance).
 *
 * @param ref the order
 * @param failedChecks on-site checks failed so far
 * @param expired an {@link FactEvent.Expired} fact that counted has been booked and the order has
 *     not left 过期未处置 since
 * @param accepted the handling passed a check (the order is handled, 已处置)
 * @param extended at least one extension was granted
 * @param returned a return was approved (the order left the unit)
 */
public record OrderTrack(
    OrderRef ref,
    int failedChecks,
    boolean expired,
    boolean accepted,
    boolean extended,
    boolean returned) {

  /** The next state and the facts to book, in order. */
  public record Step(OrderTrack next, List<FactEvent> facts) {}

  public OrderTrack {
    Objects.requireNonNull(ref, "ref");
  }

  /** The order was dispatched to the unit: a fresh track and its {@code OrderReceived} fact. */
  public static Step received(String factId, OrderRef ref) {
    OrderTrack t = new OrderTrack(ref, 0, false, false, false, false);
    return new Step(t, List.of(new FactEvent.OrderReceived(factId, ref, ref.receivedAt())));
  }

  /** The unit signed for the current dispatch round (round = failed checks so far + 1). */
  public Step signedFor(String factId, Instant at, boolean onTime) {
    return new Step(
        this, List.of(new FactEvent.SignedFor(factId, ref, at, onTime, dispatchRound())));
  }

  /**
   * The unit signed for the order of dispatch round {@code round} (known from the order id, so a
   * sign-for reported after a later failed check still counts in its own round).
   */
  public Step signedFor(String factId, Instant at, boolean onTime, int round) {
    return new Step(this, List.of(new FactEvent.SignedFor(factId, ref, at, onTime, round)));
  }

  /** 1 for the first dispatch, 2 after one failed check (re-dispatch to the same unit), … */
  public int dispatchRound() {
    return failedChecks + 1;
  }

  public Step returnRequested(String factId, Instant at) {
    return new Step(this, List.of(new FactEvent.ReturnRequested(factId, ref, at)));
  }

  public Step returnApproved(String factId, Instant at) {
    if (returned) {
      return new Step(this, List.of());
    }
    return new Step(
        new OrderTrack(ref, failedChecks, expired, accepted, extended, true),
        List.of(new FactEvent.ReturnApproved(factId, ref, at)));
  }

  /** The return asked was refused: the unit (department) goes on; nothing else changes. */
  public Step returnRefused(String factId, Instant at) {
    if (returned) {
      return new Step(this, List.of());
    }
    return new Step(this, List.of(new FactEvent.ReturnRefused(factId, ref, at)));
  }

  public Step extensionGranted(String factId, Instant at) {
    return new Step(
        new OrderTrack(ref, failedChecks, expired, accepted, true, returned),
        List.of(new FactEvent.ExtensionGranted(factId, ref, at, !extended)));
  }

  /**
   * The handling clock breached. Booked only if the order is still the unit's, not accepted, not
   * already expired and not already overdue by two failed checks.
   */
  public Step expired(String factId, Instant at) {
    if (returned || accepted || expired || failedChecks >= 2) {
      return new Step(this, List.of());
    }
    return new Step(
        new OrderTrack(ref, failedChecks, true, accepted, extended, returned),
        List.of(new FactEvent.Expired(factId, ref, at, failedChecks)));
  }

  /** An on-site check of the handling failed; the order goes back to the same unit. */
  public Step checkFailed(String factId, Instant at) {
    if (returned || accepted) {
      return new Step(this, List.of());
    }
    int attempt = failedChecks + 1;
    boolean stillExpired = expired && attempt != 2;
    return new Step(
        new OrderTrack(ref, attempt, stillExpired, accepted, extended, returned),
        List.of(new FactEvent.CheckFailed(factId, ref, at, attempt, expired)));
  }

  /**
   * The handling passed the on-site check. {@code finishedOnTime}: the unit's handling feedback was
   * within the limit (including granted extensions).
   */
  public Step handled(String factId, Instant at, boolean finishedOnTime) {
    if (returned || accepted) {
      return new Step(this, List.of());
    }
    int attempt = failedChecks + 1;
    return new Step(
        new OrderTrack(ref, failedChecks, false, true, extended, returned),
        List.of(new FactEvent.Handled(factId, ref, at, finishedOnTime, attempt, expired)));
  }

  /**
   * A department's sub-order (二级批办件, this track) was reported back to its township body. {@code
   * finishedOnTime}: within the sub-order's handling limit ({@code SUB_HANDLING} clock). Once per
   * sub-order; nothing after an approved return.
   */
  public Step subOrderHandled(String factId, Instant at, boolean finishedOnTime) {
    if (returned || accepted) {
      return new Step(this, List.of());
    }
    return new Step(
        new OrderTrack(ref, failedChecks, false, true, extended, returned),
        List.of(new FactEvent.SubOrderHandled(factId, ref, at, finishedOnTime, expired)));
  }

  public Step satisfaction(String factId, Instant at, Satisfaction level) {
    return new Step(this, List.of(new FactEvent.SatisfactionRecorded(factId, ref, at, level)));
  }
}
