package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The return deadline (回退时限, R-16; 二级回退 as R-16) sla-service computed in working time replaces the
 * provisional one (dispatch + 1 natural hour) on the order, so the domain's return guard compares
 * against sla-service's calendar reading ({@link DispatchCase#withReturnDeadline}; not a step).
 * Runs in the clock consumer's transaction, for a whole poll at once (issue 23).
 */
@ApplicationScoped
public class ReturnDeadlines {

  /** The working-time return deadline of order {@code orderId} of case {@code caseId}. */
  public record Deadline(String caseId, String orderId, Instant deadline) {}

  @Inject CaseStore store;

  /**
   * Sets the deadlines, in their order: the poll's cases locked in one statement, each case written
   * once. Nothing for a case not (yet) known here (the provisional window stays) or an order that
   * takes no new deadline.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void setAll(List<Deadline> deadlines) {
    if (deadlines.isEmpty()) {
      return;
    }
    Map<String, List<Deadline>> byCase = new LinkedHashMap<>();
    for (Deadline d : deadlines) {
      byCase.computeIfAbsent(d.caseId(), k -> new ArrayList<>()).add(d);
    }
    Map<CaseEntity, DispatchCase> changed = new LinkedHashMap<>();
    for (CaseEntity c : store.lockAll(byCase.keySet())) {
      DispatchCase before = store.domain(c);
      DispatchCase after = before;
      for (Deadline d : byCase.get(c.caseId)) {
        after = after.withReturnDeadline(d.orderId(), d.deadline());
      }
      if (after != before) {
        changed.put(c, after);
      }
    }
    if (!changed.isEmpty()) {
      store.replaceSnapshots(changed);
    }
  }
}
