package cn.szcg.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What a row of the audit trail may hold, and which refusals a retry cannot mend. */
class AuditTrailRowsTest {

  @Test
  void aNulCharacterIsStoredAsTheReplacementCharacter() {
    assertEquals("/api/v1/cases/\uFFFDx", AuditTrail.cut("/api/v1/cases/\u0000x", 100));
    assertEquals("abc", AuditTrail.cut("abcdef", 3));
    assertEquals("ab\uFFFD", AuditTrail.cut("ab\u0000def", 3));
    assertNull(AuditTrail.cut(null, 3));
  }

  @Test
  void aDataExceptionIsNotRetriedButAnOutageIs() {
    RuntimeException nul =
        new RuntimeException(
            new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
    assertTrue(AuditTrail.refusedForItsData(nul));
    assertTrue(AuditTrail.refusedForItsData(new SQLException("not null", "23502")));
    assertFalse(
        AuditTrail.refusedForItsData(
            new RuntimeException(new SQLException("connection refused", "08001"))));
    assertFalse(AuditTrail.refusedForItsData(new IllegalStateException("no SQL state")));
  }
}
