package cn.szcg.sla.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.InProcessKafka;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Restart with many open clocks (issue 6: 1,000,000 open clocks ready in under 30 s). Not a
 * {@code @QuarkusTest}: it fills {@code stage_clock} of {@code szcg_sla_test} with N running clocks
 * ({@code szcg.bench.clocks}, default 1,000,000) plus {@code szcg.bench.overdue} (2,000) whose
 * warning and deadline fell due "while the service was down", starts the packaged service ({@code
 * target/quarkus-app/quarkus-run.jar}, so run {@code package} first) against an in-process Kafka,
 * and times (1) process start → {@code /q/health/ready} answers 200 and (2) process start → the
 * scheduler's first pass is done ({@code readyAt}: every overdue moment published, late=true). Run:
 * see docs/sla-clocks.md §7.
 */
@Tag("benchmark")
class RestartBenchmarkTest {

  static final String DB = System.getProperty("szcg.bench.db", "szcg_sla_test");
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DB;

  static Connection owner() throws Exception {
    return DriverManager.getConnection(URL, "szcg_sla", "szcg_sla");
  }

  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  @Test
  void restartWithManyOpenClocks() throws Exception {
    int n = Integer.getInteger("szcg.bench.clocks", 1_000_000);
    int overdue = Integer.getInteger("szcg.bench.overdue", 2_000);
    File jar = new File("target/quarkus-app/quarkus-run.jar");
    assertTrue(
        jar.exists(), "package the service first: ./mvnw -o -pl sla-service package -DskipTests");

    try (Connection c = owner();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT to_regclass('public.stage_clock') IS NOT NULL")) {
        r.next();
        assertTrue(r.getBoolean(1), "no schema in " + DB + ": run the sla tests once");
      }
      long t0 = System.nanoTime();
      s.execute("TRUNCATE stage_clock, case_clock_info");
      s.execute("DELETE FROM outbox");
      insert(
          s,
          n,
          "open",
          "now() + interval '1 hour' + g * interval '2 seconds'",
          "now() + interval '50 minutes' + g * interval '1 second'");
      insert(
          s,
          overdue,
          "overdue",
          "now() - interval '1 minute' + g * interval '1 millisecond'",
          "now() - interval '5 minutes'");
      s.execute("VACUUM ANALYZE stage_clock");
      System.out.printf(
          "RestartBenchmark: %,d + %,d running clocks stored in %.1f s (load %s)%n",
          n, overdue, (System.nanoTime() - t0) / 1e9, load());
    }

    try (InProcessKafka kafka = InProcessKafka.start()) {
      int port;
      try (ServerSocket ss = new ServerSocket(0)) {
        port = ss.getLocalPort();
      }
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Dquarkus.http.port=" + port);
      cmd.add("-Dquarkus.datasource.jdbc.url=" + URL);
      cmd.add("-Dquarkus.datasource.username=szcg_sla_app");
      cmd.add("-Dquarkus.datasource.password=szcg_sla_app");
      cmd.add("-Dquarkus.flyway.username=szcg_sla");
      cmd.add("-Dquarkus.flyway.password=szcg_sla");
      cmd.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
      // tokens verified offline (no Keycloak here), as in the test profile
      cmd.add("-Dquarkus.oidc.auth-server-url=");
      cmd.add(
          "-Dquarkus.oidc.public-key="
              + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAz8ZhbXW1nnFicr5/A5dvdZQhWE6j0+uDK8FYEEB9wVPBsPuKl6u5xFOshJ0BRqM2/QCbvBP8l+dCbw1C4/JUfriWREIlgtkYJXJ1EtvkrTUqerYUm3lyJZblNleCe0KBdmN+Y0Jfe7YTsYRjZsoJf0ISo2d6GfMRo2MsyAHJTvxPepd+Miqdtvmx2Vfb/1Oyi+KG8xLFMdk8f1iY7mjnSyPeMoo9pcL/gxgB4LFb97zJCN38kqb00uH8j5xind5jHga6kIJzSEv8wBq7hPckFlL6+xUxibBNGe9bNnkh9TGPMFo4zTZOFzNGwBA83tcF7hH6uuMqsVfAbneQ3sPg/wIDAQAB");
      cmd.add("-Dquarkus.oidc.token.issuer=https://keycloak.test/realms/minqing");
      cmd.add("-jar");
      cmd.add(jar.getAbsolutePath());
      File log = new File("target/restart-benchmark.log");
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
      HttpRequest ready =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
              .timeout(Duration.ofSeconds(2))
              .build();
      String loadBefore = load();
      long s0 = System.nanoTime();
      Process p = pb.start();
      try {
        double readySec = -1;
        double firstPassSec = -1;
        while (System.nanoTime() - s0 < 180e9 && p.isAlive()) {
          String body = null;
          int status = 0;
          try {
            HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
            status = r.statusCode();
            body = r.body();
          } catch (Exception e) {
            // not listening yet
          }
          double t = (System.nanoTime() - s0) / 1e9;
          if (status == 200 && readySec < 0) {
            readySec = t;
          }
          if (body != null && body.contains("\"firstPassDone\": true")
              || body != null && body.contains("\"firstPassDone\":true")) {
            firstPassSec = t;
            break;
          }
          Thread.sleep(20);
        }
        assertTrue(readySec > 0, "never ready, see " + log);
        assertTrue(firstPassSec > 0, "first pass never done, see " + log);
        long late;
        try (Connection c = owner();
            Statement s = c.createStatement();
            ResultSet r =
                s.executeQuery(
                    "SELECT count(*) FROM stage_clock WHERE case_id LIKE 'rb-overdue-%'"
                        + " AND breached_at IS NOT NULL AND breached_late AND warned_late")) {
          r.next();
          late = r.getLong(1);
        }
        System.out.printf(
            "RestartBenchmark: %,d open clocks: /q/health/ready after %.2f s, first scheduler pass"
                + " done (all %,d overdue clocks warned + breached, late) after %.2f s from process"
                + " start (load before %s, after %s)%n",
            n + overdue, readySec, overdue, firstPassSec, loadBefore, load());
        assertEquals(overdue, late);
        assertTrue(firstPassSec < 30, "restart-ready " + firstPassSec + " s");
      } finally {
        p.destroy();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
        try (Connection c = owner();
            Statement s = c.createStatement()) {
          s.execute("TRUNCATE stage_clock, case_clock_info");
          s.execute("DELETE FROM outbox");
        }
      }
    }
  }

  static void insert(Statement s, int n, String kind, String deadlineExpr, String warningExpr)
      throws Exception {
    s.executeUpdate(
        "INSERT INTO stage_clock (id, case_id, stage, zone, emergency, limit_amount, limit_unit,"
            + " started_at, warning_at, deadline, state, policy_version, calendar_version,"
            + " order_id, unit_id, next_due)"
            + " SELECT gen_random_uuid(), 'rb-"
            + kind
            + "-' || g, 'HANDLING', 'URBAN', false, 3, 'WORKING_DAYS', now() - interval '1 hour',"
            + " w, d, 'RUNNING', 'minqing-2016.1', 'cn-2016-2026.1', 'O-' || g, 'U' || (g % 40), w"
            + " FROM (SELECT g, "
            + deadlineExpr
            + " AS d, "
            + warningExpr
            + " AS w FROM generate_series(1, "
            + n
            + ") g) x");
  }
}
