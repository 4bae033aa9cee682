package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A passed check (核查通过, R-15) — or a department's sub-order feedback (二级反馈) — waiting for the
 * verdict of its order's handling clock: the handling counts as handled on time or late (逾期处置,
 * R-14, R-24(2)) only once the clock says which. The check and the clock come from different topics
 * and arrive in either order.
 *
 * @param orderId the order whose HANDLING (or SUB_HANDLING) clock decides
 * @param at when the check passed (or the feedback came)
 * @param factId the id of the fact to book once decided
 */
public record PendingPass(String orderId, Instant at, String factId) {

  /**
   * Whether the handling counts now, and how: an order already expired (过期) counts late at once
   * (R-24(2)); otherwise by the handling clock's verdict when known ({@code true} = on time); empty
   * while the verdict is unknown (the pass waits).
   */
  public static Optional<Boolean> onTimeNow(boolean orderExpired, Boolean handlingVerdict) {
    if (orderExpired) {
      return Optional.of(false);
    }
    return Optional.ofNullable(handlingVerdict);
  }

  /** The step of the track once the verdict is in: handled, or a sub-order handled. */
  public OrderTrack.Step decide(OrderTrack track, boolean subOrder, boolean onTime) {
    return subOrder ? track.subOrderHandled(factId, at, onTime) : track.handled(factId, at, onTime);
  }
}
