package cn.szcg.platform.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/**
 * The one {@code instant(Object)} of the suite: every type a driver gives for a {@code timestamptz}
 * (the services' own copies in intake's hotline notifier, sla's calendars, assessment's intake
 * figures and the audit trail read through it).
 */
class SqlValuesTest {

  private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

  @Test
  void everyDriverTypeBecomesTheSameInstant() {
    assertEquals(AT, SqlValues.instant(AT));
    assertEquals(AT, SqlValues.instant(OffsetDateTime.ofInstant(AT, ZoneOffset.ofHours(8))));
    assertEquals(AT, SqlValues.instant(Timestamp.from(AT)));
    assertNull(SqlValues.instant(null));
  }

  @Test
  void isoTextIsReadAndAnythingElseRefused() {
    assertEquals(AT, SqlValues.instant("2026-03-02T01:30:00Z"));
    assertThrows(DateTimeParseException.class, () -> SqlValues.instant(42L));
  }
}
