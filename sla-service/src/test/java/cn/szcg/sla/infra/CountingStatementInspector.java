package cn.szcg.sla.infra;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the statements the session prepares on the current thread (tests only): one per query, one
 * per JDBC batch of inserts or updates — the round trips the session makes. Statements written with
 * plain JDBC (the inbox's and the outbox's batch insert) are not seen.
 */
@PersistenceUnitExtension
public class CountingStatementInspector implements StatementInspector {

  private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

  @Override
  public String inspect(String sql) {
    COUNT.get()[0]++;
    return sql;
  }

  public static void reset() {
    COUNT.get()[0] = 0;
  }

  public static int count() {
    return COUNT.get()[0];
  }
}
