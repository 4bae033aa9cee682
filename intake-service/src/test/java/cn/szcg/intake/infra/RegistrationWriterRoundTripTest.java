package cn.szcg.intake.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The writer inserts report rows with plain JDBC (no Hibernate on the registration path): every
 * mapped column of {@link Report} must be in its column list, and every field must come back from
 * the database as written — a field bound to the wrong column fails here.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RegistrationWriterRoundTripTest {

  @Inject RegistrationWriter writer;
  @Inject EntityManager em;

  private static List<Field> mapped() {
    List<Field> out = new ArrayList<>();
    for (Field f : Report.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
        out.add(f);
      }
    }
    return out;
  }

  private static String column(Field f) {
    Column c = f.getAnnotation(Column.class);
    return c != null && !c.name().isEmpty() ? c.name() : f.getName();
  }

  @Test
  void theColumnListIsTheEntitysMapping() {
    TreeSet<String> entity = new TreeSet<>();
    mapped().forEach(f -> entity.add(column(f)));
    assertEquals(entity, new TreeSet<>(RegistrationWriter.COLUMNS));
    assertEquals(RegistrationWriter.COLUMNS.size(), entity.size(), "no column twice");
  }

  @Test
  void everyFieldComesBackAsWritten() throws Exception {
    Report r = new Report();
    Instant base = Instant.now().truncatedTo(ChronoUnit.MICROS);
    int n = 0;
    for (Field f : mapped()) {
      n++;
      Class<?> t = f.getType();
      Object v;
      if (t == String.class) {
        v = "v" + n + "-" + f.getName();
      } else if (t == Double.class) {
        v = 100.0 + n + 0.25;
      } else if (t == Integer.class || t == int.class) {
        v = 1000 + n;
      } else if (t == long.class) {
        v = 100_000L + n;
      } else if (t == boolean.class) {
        v = true;
      } else if (t == Instant.class) {
        v = base.minusSeconds(n * 60L);
      } else if (t == UUID.class) {
        v = UUID.randomUUID();
      } else {
        throw new AssertionError("no test value for " + f);
      }
      f.set(r, v);
    }
    // values the report-registered event parses
    r.channel = "HOTLINE";
    r.kind = "COMPLAINT";
    r.status = "REGISTERED";
    r.zone = "URBAN";
    r.nearestComponents =
        "[{\"componentId\": \"C-"
            + UUID.randomUUID()
            + "\", \"classCode\": \"0101\", \"distanceM\": 3.5}]";
    r.idempotencyKey = "roundtrip-" + UUID.randomUUID();
    r.version = 0;
    Report written = writer.write(r);
    assertNotNull(written.reportNo);

    Report back =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Report x = em.find(Report.class, r.id);
                  em.detach(x);
                  return x;
                });
    assertNotNull(back, "row written");
    for (Field f : mapped()) {
      Object want = f.get(r);
      Object got = f.get(back);
      if (f.getName().equals("nearestComponents")) {
        // jsonb normalises spacing and key order
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals(json.readTree((String) want), json.readTree((String) got), f.getName());
      } else {
        assertEquals(want, got, f.getName() + " (column " + column(f) + ")");
      }
    }
  }
}
