package cn.szcg.testsupport;

/**
 * The statements a service's Hibernate session prepared on the current thread (tests only): one per
 * query, one per JDBC batch of inserts or updates — the round trips the session makes. Each
 * service's test sources register a {@code StatementInspector} that calls {@link #seen}; statements
 * written with plain JDBC ({@code Session.doWork}: the inbox's and outbox's batch inserts,
 * dispatch's step and problem batches) are not seen.
 */
public final class StatementCount {

  private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

  private StatementCount() {}

  /** Counts one prepared statement and returns it unchanged. */
  public static String seen(String sql) {
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
