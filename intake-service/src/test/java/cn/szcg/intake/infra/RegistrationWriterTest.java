package cn.szcg.intake.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures of a registration batch mean "the database is away" (503, retry) — not bad data.
 */
class RegistrationWriterTest {

  @Test
  void aLostConnectionIsUnavailabilityNotAnError() {
    assertTrue(
        RegistrationWriter.databaseUnreachable(
            new RuntimeException(new SQLException("I/O error", "08006"))));
    assertTrue(
        RegistrationWriter.databaseUnreachable(
            new IllegalStateException(new SQLTransientConnectionException("refused"))));
    assertTrue(
        RegistrationWriter.databaseUnreachable(
            new RuntimeException(new SQLException("Acquisition timeout while waiting"))));
    // PostgreSQL restarting after a crash: the fault campaign lost an event to this in a consumer
    assertTrue(
        RegistrationWriter.databaseUnreachable(
            new RuntimeException(
                new SQLException("FATAL: the database system is starting up", "57P03"))));
    // a deadlock between two consumers' batches: retried, never dead-lettered
    assertTrue(
        RegistrationWriter.databaseUnreachable(
            new RuntimeException(new SQLException("deadlock detected", "40P01"))));
  }

  @Test
  void aUniqueViolationIsNot() {
    // 23505: a concurrent retry with the same Idempotency-Key won — answered with the winner
    assertFalse(
        RegistrationWriter.databaseUnreachable(
            new RuntimeException(new SQLException("duplicate key", "23505"))));
    assertFalse(RegistrationWriter.databaseUnreachable(new IllegalArgumentException("bad")));
  }
}
