package cn.szcg.intake.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.intake.api.ApiAccess;
import cn.szcg.intake.infra.RegistrationWriter;
import cn.szcg.intake.infra.Report;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * No log line ever carries a reporter's name or phone, whatever fails (issue 19). The failures that
 * did log them: concurrent pushes with the same Idempotency-Key or hotline ticket (the losing JDBC
 * batch's BatchUpdateException names the whole INSERT with its values, and Hibernate logs it), and
 * a byte PostgreSQL refuses reaching the writer (an ERROR with the statement). Every record logged
 * in the process during the test is captured with its whole exception chain (causes, suppressed,
 * SQLException's next exceptions) and searched for the name and the phone.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PersonalDataInLogsTest {

  static final List<String> LOGGED = new CopyOnWriteArrayList<>();

  static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          StringBuilder sb = new StringBuilder(r.getLoggerName() + " " + r.getLevel() + " ");
          String msg = r.getMessage();
          if (r instanceof org.jboss.logmanager.ExtLogRecord e) {
            msg = e.getFormattedMessage();
          }
          sb.append(msg);
          for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
            StringWriter w = new StringWriter();
            t.printStackTrace(new PrintWriter(w));
            sb.append('\n').append(w);
            if (t instanceof SQLException s) {
              for (SQLException n = s.getNextException(); n != null; n = n.getNextException()) {
                sb.append('\n').append(n);
              }
            }
          }
          LOGGED.add(sb.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @Inject RegistrationWriter writer;
  @Inject EntityManager em;

  static String hotline(String ticket, String name, String phone) {
    return "{\"channel\":\"HOTLINE\",\"kind\":\"REPORT\",\"description\":\"市民来电反映井盖缺失\","
        + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"sourceRef\":\""
        + ticket
        + "\",\"reporter\":{\"name\":\""
        + name
        + "\",\"phone\":\""
        + phone
        + "\"}}";
  }

  /** {@code n} pushes of {@code body} at once, with {@code key} (or none); their statuses. */
  static List<Integer> atOnce(int n, String body, String key) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<Integer>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(
            pool.submit(
                () -> {
                  var r = ApiAccess.sender(body);
                  if (key != null) {
                    r = r.header("Idempotency-Key", key);
                  }
                  return r.post("/api/v1/reports").statusCode();
                }));
      }
      List<Integer> out = new ArrayList<>();
      for (Future<Integer> f : all) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noLogLineCarriesTheReportersNameOrPhone() throws Exception {
    // the root logger of the running application (Quarkus has configured it by now)
    Logger.getLogger("").addHandler(CAPTURE);
    try {
      provokeFailures();
    } finally {
      Logger.getLogger("").removeHandler(CAPTURE);
    }
    List<String> leaking =
        LOGGED.stream().filter(l -> l.contains(name) || l.contains(phone)).toList();
    assertTrue(LOGGED.size() > 0, "log records captured");
    assertTrue(
        leaking.isEmpty(),
        leaking.size()
            + " log record(s) carry the reporter's name or phone, e.g.: "
            + (leaking.isEmpty()
                ? ""
                : leaking.get(0).substring(0, Math.min(2000, leaking.get(0).length()))));
  }

  final String name = "闵" + UUID.randomUUID().toString().substring(0, 6) + "清";
  final String phone = "139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));

  void provokeFailures() throws Exception {
    ApiAccess.signInAsOperator();
    // concurrent pushes with the same Idempotency-Key, and of the same ticket without a key
    for (int round = 0; round < 3; round++) {
      String key = "logs-" + UUID.randomUUID();
      List<Integer> byKey = atOnce(8, hotline("LOG-K-" + UUID.randomUUID(), name, phone), key);
      assertEquals(1, byKey.stream().filter(s -> s == 201).count(), "one report: " + byKey);
      List<Integer> byTicket = atOnce(8, hotline("LOG-T-" + UUID.randomUUID(), name, phone), null);
      assertEquals(1, byTicket.stream().filter(s -> s == 201).count(), "one report: " + byTicket);
    }

    // a byte PostgreSQL refuses reaching the writer (the API refuses it since issue 19; the log
    // must hold even where a guard is missing): a copy of a report, its name ending in NUL
    String someId = ApiAccess.register(hotline("LOG-B-" + UUID.randomUUID(), name, phone));
    Report copy =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Report x = em.find(Report.class, UUID.fromString(someId));
                  em.detach(x);
                  return x;
                });
    copy.id = UUID.randomUUID();
    copy.idempotencyKey = "logs-bad-byte-" + UUID.randomUUID();
    copy.hotlineTicket = null;
    copy.sourceRef = "LOG-B-" + UUID.randomUUID();
    copy.reporterName = name + "\u0000";
    copy.version = 0;
    assertThrows(RuntimeException.class, () -> writer.write(copy));
  }
}
