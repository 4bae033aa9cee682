package cn.szcg.dispatch.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import org.hibernate.Session;

/**
 * What sla-service said about the orders' clocks ({@code order_clock}): one row per clock, upserted
 * by clock id, so a redelivered or repeated event changes nothing. Read by {@link CaseQueries} (the
 * case view's and the unit's order deadlines, 过期未处置).
 */
@ApplicationScoped
public class OrderClockStore {

  /**
   * One clock's deadline and, once breached, its breach ({@code breach} null keeps the stored one).
   */
  public record ClockRow(
      String clockId,
      String caseId,
      String orderId,
      String stage,
      Instant deadline,
      Instant breach) {

    /** This row, then {@code later} of the same clock: its deadline; the first breach stays. */
    public ClockRow then(ClockRow later) {
      return new ClockRow(
          clockId, caseId, orderId, stage, later.deadline, breach != null ? breach : later.breach);
    }
  }

  private static final String UPSERT =
      "INSERT INTO order_clock (clock_id, case_id, order_id, stage, deadline, breached_at,"
          + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (clock_id) DO UPDATE SET"
          + " deadline = EXCLUDED.deadline, breached_at = COALESCE(order_clock.breached_at,"
          + " EXCLUDED.breached_at), updated_at = EXCLUDED.updated_at";

  @Inject EntityManager em;

  /**
   * Inserts or updates the clocks' deadlines in one JDBC batch; a breach, once recorded, stays. At
   * most one row per clock (the driver may make one multi-row statement of the batch).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void upsertAll(Collection<ClockRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    em.unwrap(Session.class)
        .doWork(
            conn -> {
              try (PreparedStatement ps = conn.prepareStatement(UPSERT)) {
                for (ClockRow r : rows) {
                  ps.setString(1, r.clockId());
                  ps.setString(2, r.caseId());
                  ps.setString(3, r.orderId());
                  ps.setString(4, r.stage());
                  ps.setTimestamp(5, Timestamp.from(r.deadline()));
                  ps.setTimestamp(6, r.breach() == null ? null : Timestamp.from(r.breach()));
                  ps.setTimestamp(7, now);
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }
}
