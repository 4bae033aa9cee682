package cn.szcg.platform.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read from native query results, whatever type the JDBC driver or Hibernate gave. */
public final class SqlValues {
  private SqlValues() {}

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (o instanceof Timestamp ts) {
      return ts.toInstant();
    }
    throw new IllegalStateException("not a timestamp: " + o.getClass());
  }
}
