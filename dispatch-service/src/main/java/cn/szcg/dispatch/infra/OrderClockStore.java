package cn.szcg.dispatch.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What sla-service said about the orders' clocks ({@code order_clock}): one row per clock, upserted
 * by clock id, so a redelivered or repeated event changes nothing. Read by {@link CaseQueries} (the
 * case view's and the unit's order deadlines, 过期未处置).
 */
@ApplicationScoped
public class OrderClockStore {

  @Inject EntityManager em;

  /**
   * Inserts or updates a clock's deadline; a breach, once recorded, stays ({@code breach} null
   * keeps the stored one).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void upsert(
      String clockId,
      String caseId,
      String orderId,
      String stage,
      Instant deadline,
      Instant breach) {
    em.createNativeQuery(
            "INSERT INTO order_clock (clock_id, case_id, order_id, stage, deadline, breached_at,"
                + " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (clock_id) DO"
                + " UPDATE SET deadline = EXCLUDED.deadline, breached_at ="
                + " COALESCE(order_clock.breached_at, EXCLUDED.breached_at), updated_at ="
                + " EXCLUDED.updated_at")
        .setParameter(1, clockId)
        .setParameter(2, caseId)
        .setParameter(3, orderId)
        .setParameter(4, stage)
        .setParameter(5, Timestamp.from(deadline))
        .setParameter(6, breach == null ? null : Timestamp.from(breach))
        .setParameter(7, Timestamp.from(Instant.now()))
        .executeUpdate();
  }
}
