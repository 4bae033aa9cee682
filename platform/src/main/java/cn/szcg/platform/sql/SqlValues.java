package cn.szcg.platform.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read from native query results, whatever type the JDBC driver or Hibernate gave. */
public final class SqlValues {
  private SqlValues() {}

  /**
   * A {@code timestamptz} column as an instant, whatever the driver gave ({@link Instant}, {@link
   * OffsetDateTime}, {@link Timestamp}, or its ISO-8601 text); null stays null. The one such helper
   * of the suite: services and platform read every native timestamp through it.
   *
   * @throws java.time.format.DateTimeParseException for a value that is none of these
   */
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
    return Instant.parse(o.toString());
  }
}
