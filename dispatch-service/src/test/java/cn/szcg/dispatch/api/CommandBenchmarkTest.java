package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.dispatch.application.CaseOpening;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency of case commands through REST (lock, domain, snapshot, step, orders, outbox in one
 * transaction), sequentially. Run: {@code ./mvnw -o -pl dispatch-service test
 * -Dszcg.excludedGroups=none -Dgroups=benchmark -Dtest=CommandBenchmarkTest}; {@code
 * -Dbench.cases=N} (default 50, 4 commands each).
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class CommandBenchmarkTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @Inject CaseOpening cases;

  @Test
  void commandLatency() {
    int n = Integer.getInteger("bench.cases", 50);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      Instant t = Instant.now().minusSeconds(60);
      CaseFiled f =
          new CaseFiled(
              id,
              "B" + i,
              Channel.PATROL,
              ReportKind.REPORT,
              "C-0101",
              "上水井盖",
              1,
              new TimeLimit(4, LimitUnit.WORKING_HOURS),
              Zone.URBAN,
              false,
              null,
              new LocationContext("350124100", null, null, null, null, Zone.URBAN),
              null,
              null,
              t,
              t,
              "op");
      QuarkusTransaction.requiringNew().run(() -> cases.open(f));
      ids.add(id);
    }
    // warm-up
    ok(DISPATCHER, ids.get(0), "dispatch", body());
    List<Long> micros = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 1; i < n; i++) {
      String id = ids.get(i);
      micros.add(time(() -> ok(DISPATCHER, id, "dispatch", body())));
      micros.add(time(() -> ok(receiver("U-WATER"), id, "sign-for", null)));
      micros.add(time(() -> ok(leader("U-WATER"), id, "leader-approval", null)));
      String p = photo(handler("U-WATER"), id, "AFTER");
      micros.add(
          time(
              () ->
                  ok(
                      handler("U-WATER"),
                      id,
                      "feedback",
                      body("description", "ok", "photoIds", List.of(p)))));
    }
    long totalMs = (System.nanoTime() - t0) / 1_000_000;
    Collections.sort(micros);
    long p50 = micros.get(micros.size() / 2) / 1000;
    long p95 = micros.get((int) (micros.size() * 0.95)) / 1000;
    long max = micros.get(micros.size() - 1) / 1000;
    System.out.printf(
        "BENCH dispatch commands: %d commands in %d ms (%.1f/s sequential), p50 %d ms, p95 %d ms,"
            + " max %d ms, load %s%n",
        micros.size(), totalMs, micros.size() * 1000.0 / totalMs, p50, p95, max, load());
    assertEquals((n - 1) * 4, micros.size());
    assertTrue(p50 > 0 || micros.get(micros.size() / 2) > 0);
  }

  private static long time(Runnable r) {
    long t = System.nanoTime();
    r.run();
    return (System.nanoTime() - t) / 1000;
  }

  private static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
