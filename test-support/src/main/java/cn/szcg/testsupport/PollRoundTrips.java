package cn.szcg.testsupport;

import cn.szcg.platform.inbox.EventHandler;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Drives a consumer's handler with one poll as the platform's consumer does — one transaction,
 * {@code beginBatch}, each event, {@code endBatch} — and counts the statements its session prepared
 * ({@link StatementCount}): the round-trip tests of issue 23.
 */
public final class PollRoundTrips {

  private PollRoundTrips() {}

  /** Applies the poll in a new transaction and returns the session's statements. */
  public static int apply(EventHandler handler, List<EventHandler.Delivery> poll) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              StatementCount.reset();
              handler.beginBatch(poll);
              for (EventHandler.Delivery d : poll) {
                handler.handle(d.event(), d.payload());
              }
              handler.endBatch();
              return StatementCount.count();
            });
  }

  /** A count query with one parameter, {@code prefix%} (the rows of one test run). */
  public static long count(EntityManager em, String sql, String prefix) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery(sql).setParameter(1, prefix + "%").getSingleResult())
                    .longValue());
  }
}
