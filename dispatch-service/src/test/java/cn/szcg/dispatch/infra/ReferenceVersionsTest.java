package cn.szcg.dispatch.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the responsibility matrix and the unit register are read from memory
 * while unchanged — and any change, by the service or by hand, is read on the next call; a change
 * that rolls back leaves nothing behind.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ReferenceVersionsTest {

  @Inject ReferenceVersions versions;
  @Inject UnitStore units;
  @Inject EntityManager em;

  final AtomicInteger reads = new AtomicInteger();

  String read() {
    reads.incrementAndGet();
    return "rules as of read " + reads.get();
  }

  String cached() {
    Supplier<String> s = this::read;
    return QuarkusTransaction.requiringNew()
        .call(() -> versions.cached("responsibility_rule", String.class, s));
  }

  void insertRule(String id) {
    em.createNativeQuery(
            "INSERT INTO responsibility_rule (rule_id, category_pattern, unit_id, updated_at,"
                + " updated_by) VALUES (?1, 'X-*', 'U-NONE', ?2, 'test')")
        .setParameter(1, id)
        .setParameter(2, java.sql.Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  @Test
  void readAgainOnlyAfterAChange() {
    String first = cached();
    assertEquals(first, cached(), "unchanged: from memory");
    int before = reads.get();

    // a change by hand (psql) moves the version through the table's trigger
    QuarkusTransaction.requiringNew().run(() -> insertRule("rv-" + UUID.randomUUID()));
    String afterChange = cached();
    assertEquals(before + 1, reads.get(), "a committed change is read");
    assertEquals(afterChange, cached());

    // a transaction that changed the table reads its own rows, and keeps nothing when rolled back
    int beforeRollback = reads.get();
    org.junit.jupiter.api.Assertions.assertThrows(
        RuntimeException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      insertRule("rv-rolled-back-" + UUID.randomUUID());
                      versions.cached("responsibility_rule", String.class, this::read);
                      throw new IllegalStateException("roll back");
                    }));
    assertEquals(beforeRollback + 1, reads.get(), "its own change was read");
    assertEquals(afterChange, cached(), "the rolled-back read was not kept");
    assertEquals(beforeRollback + 1, reads.get());
  }

  @Test
  void theUnitRegisterIsReadOncePerChange() {
    var first = QuarkusTransaction.requiringNew().call(() -> units.load());
    var second = QuarkusTransaction.requiringNew().call(() -> units.load());
    assertEquals(first, second, "the same register object while unchanged");
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("UPDATE unit_record SET updated_at = now()").executeUpdate());
    var third = QuarkusTransaction.requiringNew().call(() -> units.load());
    org.junit.jupiter.api.Assertions.assertNotSame(second, third, "read again after a change");
  }
}
