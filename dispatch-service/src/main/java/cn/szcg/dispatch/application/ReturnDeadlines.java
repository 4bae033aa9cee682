package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The return deadline (回退时限, R-16; 二级回退 as R-16) sla-service computed in working time replaces the
 * provisional one (dispatch + 1 natural hour) on the order, so the domain's return guard compares
 * against sla-service's calendar reading ({@link DispatchCase#withReturnDeadline}; not a step).
 * Runs in the clock consumer's transaction.
 */
@ApplicationScoped
public class ReturnDeadlines {

  @Inject CaseStore store;

  /**
   * Sets the deadline of order {@code orderId} of case {@code caseId}; nothing when the case is not
   * (yet) known here (the provisional window stays) or the order takes no new deadline.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void set(String caseId, String orderId, Instant deadline) {
    CaseEntity c = store.lock(caseId).orElse(null);
    if (c == null) {
      return; // not (yet) known here; the order's provisional window stays
    }
    DispatchCase before = store.domain(c);
    DispatchCase after = before.withReturnDeadline(orderId, deadline);
    if (after != before) {
      store.replaceSnapshot(c, after);
    }
  }
}
