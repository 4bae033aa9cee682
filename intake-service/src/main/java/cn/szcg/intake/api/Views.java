package cn.szcg.intake.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Helpers for native query results. */
final class Views {

  private Views() {}

  static Instant instant(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    return Instant.parse(o.toString());
  }
}
