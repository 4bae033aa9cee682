package cn.szcg.dispatch.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The open load (在办量) of every unit at once, for the dispatcher choosing a unit (派遣台, R-12): per
 * unit its open orders and sub-orders (待签收 DISPATCHED, 已签收 SIGNED_FOR, 处置中 IN_HANDLING), how many
 * of them are not signed for yet, how many are in handling (signed for or handling), and how many
 * are overdue (过期未处置: the handling clock breached, or its deadline passed). One grouped query; a
 * unit without an open order is not listed (its load is 0).
 */
@ApplicationScoped
public class UnitLoads {

  /** One unit's open load. {@code inHandling} = signed for + in handling. */
  public record UnitLoad(String unitId, long open, long unsigned, long inHandling, long overdue) {}

  @Inject EntityManager em;

  /** The load as of {@code now}: one statement, read in the caller's transaction if any. */
  @Transactional(Transactional.TxType.SUPPORTS)
  @SuppressWarnings("unchecked")
  public List<UnitLoad> openLoad(Instant now) {
    List<UnitLoad> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT o.unit_id, count(*),"
                        + " count(*) FILTER (WHERE o.status = 'DISPATCHED'),"
                        + " count(*) FILTER (WHERE o.status IN ('SIGNED_FOR', 'IN_HANDLING')),"
                        + " count(*) FILTER (WHERE EXISTS (SELECT 1 FROM order_clock k"
                        + " WHERE k.order_id = o.order_id AND k.stage = 'HANDLING'"
                        + " AND (k.breached_at IS NOT NULL OR k.deadline < ?1)))"
                        + " FROM case_order o"
                        + " WHERE o.status IN ('DISPATCHED', 'SIGNED_FOR', 'IN_HANDLING')"
                        + " GROUP BY o.unit_id ORDER BY o.unit_id")
                .setParameter(1, Timestamp.from(now))
                .getResultList()) {
      out.add(
          new UnitLoad(
              (String) r[0],
              ((Number) r[1]).longValue(),
              ((Number) r[2]).longValue(),
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue()));
    }
    return out;
  }
}
