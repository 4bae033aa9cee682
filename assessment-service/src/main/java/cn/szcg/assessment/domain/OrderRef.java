package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The dispatch order (批办件) a unit fact is about, with the dimensions it is counted under.
 *
 * <p>Attribution rule (cohort by receipt): every fact of an order is counted in the period in which
 * the unit <em>received</em> the order ({@code receivedAt}, Asia/Shanghai), not in the period of
 * the fact itself. This keeps every rate of a period within [0, 1] (each order is counted once per
 * class in one period); a month's figures therefore keep moving until all of its orders are due.
 *
 * @param orderId the dispatch order id (one order = one unit's assignment of one case, including
 *     its re-dispatches to the same unit after a failed check)
 * @param caseId the case (案件) id
 * @param unitId the responsible unit (处置责任单位)
 * @param categoryCode filing-standard category code (立案规范小类), or null
 * @param townshipCode township (乡镇) area code of the problem, or null
 * @param receivedAt when the order was dispatched to the unit (the cohort instant)
 */
public record OrderRef(
    String orderId,
    String caseId,
    String unitId,
    String categoryCode,
    String townshipCode,
    Instant receivedAt) {
  public OrderRef {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(unitId, "unitId");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
