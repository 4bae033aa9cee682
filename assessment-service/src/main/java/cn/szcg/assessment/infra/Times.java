package cn.szcg.assessment.infra;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads timestamptz values from native query results. */
public final class Times {
  private Times() {}

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
    throw new IllegalStateException("unexpected time type " + o.getClass());
  }
}
