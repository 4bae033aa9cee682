package cn.szcg.intake.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.contracts.Topics;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Registration throughput over HTTP (loopback, bounded concurrent clients), beside the raw
 * single-row INSERT rate of the same PostgreSQL measured in the same run. Every acknowledged report
 * must be in the database and its report-registered event on Kafka. gis-service is absent (the
 * breaker skips it). Run: ./mvnw -o -pl intake-service test -Dszcg.excludedGroups=none
 * -Dgroups=benchmark [-Dbench.clients=16 -Dbench.requests=6000]
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("benchmark")
class RegistrationBenchmarkTest {

  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  @TestHTTPResource("/api/v1/reports")
  URL url;

  @Inject AgroalDataSource ds;

  @Test
  void registrationThroughput() throws Exception {
    int clients = Integer.getInteger("bench.clients", 16);
    int requests = Integer.getInteger("bench.requests", 6000);
    // Warm-up until the JIT compilers have settled (a service runs for days): with 40 s the C2
    // compiler thread still took ~25 % of the JVM's CPU in the measured window, after 200 s < 1 %
    // (this one JVM also holds the Kafka broker and the load generator: much code to compile).
    int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 200);
    String run = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
    long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    for (int round = 0; System.nanoTime() < warmEnd; round++) {
      int n = 2000;
      send(
          "WARM" + round + "-" + run,
          n,
          clients,
          new long[n],
          Collections.synchronizedList(new ArrayList<>()));
    }

    long[] latencies = new long[requests];
    List<String> ids = Collections.synchronizedList(new ArrayList<>(requests));
    double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long jvmCpu0 = jvmCpuNanos();
    long pgCpu0 = postgresCpuNanos();
    Map<String, Long> threads0 = threadCpuTicks();
    long t0 = System.nanoTime();
    int failures = send(run, requests, clients, latencies, ids);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double jvmCpuMs = (jvmCpuNanos() - jvmCpu0) / 1e6 / Math.max(1, ids.size());
    double pgCpuMs = (postgresCpuNanos() - pgCpu0) / 1e6 / Math.max(1, ids.size());
    double perSecond = ids.size() / seconds;
    Map<String, Long> threads1 = threadCpuTicks();
    Arrays.sort(latencies);
    // Did the outbox relay keep up? Rows not yet on Kafka when the last answer came, and how long
    // until none was left.
    long backlogAtEnd = unsentOutboxRows();
    long r0 = System.nanoTime();
    while (unsentOutboxRows() > 0 && System.nanoTime() - r0 < 120_000_000_000L) {
      Thread.sleep(50);
    }
    double relayDrainS = (System.nanoTime() - r0) / 1e9;

    long inDb;
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT count(*) FROM report WHERE source_ref LIKE ?")) {
      ps.setString(1, run + "-%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        inDb = rs.getLong(1);
      }
    }
    Set<String> wanted = new HashSet<>(ids);
    Set<String> seen = Collections.synchronizedSet(new HashSet<>());
    long k0 = System.nanoTime();
    TestEvents.readUntil(
        KafkaTestResource.kafka().bootstrapServers(),
        Topics.INTAKE,
        Duration.ofSeconds(180),
        recs -> {
          for (int i = 0; i < recs.size(); i++) {
            var r = recs.get(i);
            if (wanted.contains(r.key())
                && new String(r.headers().lastHeader("ce_type").value())
                    .contains("report-registered")) {
              seen.add(r.key());
            }
          }
          return seen.size() >= wanted.size();
        });
    double kafkaDrainS = (System.nanoTime() - k0) / 1e9;

    double insertRate = rawInsertRate(3000);
    double concurrentInsertRate = concurrentInsertRate(clients, 200);
    double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    System.out.printf(
        "%n=== intake registration benchmark ===%n"
            + "clients=%d requests=%d acknowledged=%d failed=%d in %.2f s%n"
            + "throughput: %.0f reports/s%n"
            + "latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n"
            + "in DB: %d   report-registered on Kafka: %d (read back by the test in %.1f s)%n"
            + "outbox rows not yet relayed when the last answer came: %d (all relayed %.2f s"
            + " later)%n"
            + "raw single-row autocommit INSERT (JDBC loop, same PostgreSQL): %.0f rows/s%n"
            + "same, %d connections in parallel: %.0f rows/s%n"
            + "load average before/after: %.2f / %.2f, cores: %d%n"
            + "CPU per registration: this JVM (clients + broker + intake) %.3f ms, PostgreSQL"
            + " %.3f ms; projected on %d idle cores: %.0f reports/s%n",
        clients,
        requests,
        ids.size(),
        failures,
        seconds,
        perSecond,
        ms(latencies, 0.50),
        ms(latencies, 0.95),
        ms(latencies, 0.99),
        latencies[latencies.length - 1] / 1e6,
        inDb,
        seen.size(),
        kafkaDrainS,
        backlogAtEnd,
        relayDrainS,
        insertRate,
        clients,
        concurrentInsertRate,
        load0,
        load1,
        Runtime.getRuntime().availableProcessors(),
        jvmCpuMs,
        pgCpuMs,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().availableProcessors() * 1000.0 / (jvmCpuMs + pgCpuMs));
    printThreadShares(threads0, threads1, ids.size());

    assertEquals(0, failures, "every request acknowledged");
    assertEquals(ids.size(), inDb, "every acknowledged report is in the database");
    assertEquals(ids.size(), seen.size(), "every acknowledged report's event is on Kafka");
  }

  /**
   * CPU time of this JVM (load generator, in-process broker and intake-service together): a figure
   * that does not depend on what else the machine runs, unlike the throughput.
   */
  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time (user + system) of the PostgreSQL backends serving this test's database, from /proc
   * (Linux; 0 elsewhere). Other databases' backends (other runs on the machine) are left out; so
   * are the shared WAL writer and checkpointer, a small part.
   */
  private static long postgresCpuNanos() {
    String url =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.datasource.jdbc.url", String.class);
    String db = " " + url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + " ";
    long ticks = 0;
    java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.matches("\\d+"));
    if (procs == null) {
      return 0;
    }
    for (java.io.File p : procs) {
      try {
        String stat = java.nio.file.Files.readString(p.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        String comm = stat.substring(stat.indexOf('(') + 1, close);
        if (!comm.startsWith("postgres")) {
          continue;
        }
        String cmd =
            new String(java.nio.file.Files.readAllBytes(p.toPath().resolve("cmdline")))
                .replace('\0', ' ');
        if (!cmd.contains(db)) {
          continue;
        }
        String[] f = stat.substring(close + 2).split(" ");
        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
      } catch (Exception e) {
        // the process ended meanwhile
      }
    }
    return ticks * 10_000_000L; // USER_HZ = 100
  }

  /** The hotline platform's client (idempotency keys are per client of the token). */
  private static final String HOTLINE_TOKEN =
      cn.szcg.testsupport.security.TestTokens.user("hotline-bench", "hotline-platform")
          .client("hotline-bench")
          .build();

  /**
   * {@code clients} threads, each on one keep-alive HTTP/1.1 connection (like wrk or ab -k), each
   * sending its next request when the previous answer is in. The client is deliberately lean (a
   * socket, a request built as bytes, the status line, Content-Length and body read back): it runs
   * on the same 2 cores as the service, and java.net.http's client cost ~0.4 ms of CPU per call.
   */
  private int send(String run, int n, int clients, long[] latencies, List<String> ids)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      fs.add(
          pool.submit(
              () -> {
                RawHttp http = new RawHttp(url);
                try {
                  int i;
                  while ((i = next.getAndIncrement()) < n) {
                    String ref = run + "-" + i;
                    double lon = 118.80 + (i % 100) * 0.001;
                    String body =
                        "{\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\",\"description\":\"噪音扰民\","
                            + "\"location\":{\"lon\":"
                            + lon
                            + ",\"lat\":26.22},\"sourceRef\":\""
                            + ref
                            + "\",\"reporter\":{\"name\":\"王五\",\"phone\":\"13900000000\"}}";
                    long s = System.nanoTime();
                    try {
                      RawHttp.Response res =
                          http.post(
                              body,
                              "Idempotency-Key: " + ref,
                              "Authorization: Bearer " + HOTLINE_TOKEN);
                      latencies[i] = System.nanoTime() - s;
                      Matcher m = ID.matcher(res.body());
                      if (res.status() == 201 && m.find()) {
                        ids.add(m.group(1));
                      } else {
                        failures.incrementAndGet();
                      }
                    } catch (java.io.IOException e) {
                      latencies[i] = System.nanoTime() - s;
                      failures.incrementAndGet();
                      http.close();
                      http = new RawHttp(url);
                    }
                  }
                } finally {
                  http.close();
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    return failures.get();
  }

  private long unsentOutboxRows() throws java.sql.SQLException {
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox WHERE sent_at IS NULL")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** CPU ticks (user + system, 1/100 s) of every thread of this JVM, by name with digits folded. */
  private static Map<String, Long> threadCpuTicks() {
    Map<String, Long> ticks = new TreeMap<>();
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return ticks;
    }
    for (java.io.File t : tasks) {
      try {
        String stat = java.nio.file.Files.readString(t.toPath().resolve("stat"));
        int close = stat.lastIndexOf(')');
        String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("\\d+", "#");
        String[] f = stat.substring(close + 2).split(" ");
        ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
      } catch (Exception e) {
        // the thread ended meanwhile
      }
    }
    return ticks;
  }

  /**
   * Where this JVM's CPU went during the measured run, per thread group, in ms per registration.
   */
  private static void printThreadShares(Map<String, Long> before, Map<String, Long> after, int n) {
    Map<String, Long> diff = new TreeMap<>();
    after.forEach((k, v) -> diff.put(k, v - before.getOrDefault(k, 0L)));
    long total = diff.values().stream().mapToLong(Long::longValue).sum();
    System.out.println("JVM CPU by thread group (ms per registration, share):");
    diff.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(14)
        .forEach(
            e ->
                System.out.printf(
                    "  %-20s %6.3f ms %5.1f %%%n",
                    e.getKey(),
                    e.getValue() * 10.0 / Math.max(1, n),
                    100.0 * e.getValue() / Math.max(1, total)));
  }

  /**
   * A connection as the schema owner (the Flyway role): the service's own role may not create
   * tables, and a TEMP table would skip the WAL and flatter the figure.
   */
  private static Connection ownerConnection() throws java.sql.SQLException {
    var cfg = org.eclipse.microprofile.config.ConfigProvider.getConfig();
    return java.sql.DriverManager.getConnection(
        cfg.getValue("quarkus.datasource.jdbc.url", String.class),
        cfg.getValue("quarkus.flyway.username", String.class),
        cfg.getValue("quarkus.flyway.password", String.class));
  }

  private double rawInsertRate(int rows) throws Exception {
    try (Connection c = ownerConnection()) {
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute(
            "CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY, v text,"
                + " at timestamptz DEFAULT now())");
        st.execute("TRUNCATE bench_insert");
      }
      long t0 = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_insert (v) VALUES (?)")) {
        for (int i = 0; i < rows; i++) {
          ps.setString(1, "row-" + i);
          ps.executeUpdate();
        }
      }
      double rate = rows / ((System.nanoTime() - t0) / 1e9);
      try (Statement st = c.createStatement()) {
        st.execute("DROP TABLE bench_insert");
      }
      return rate;
    }
  }

  /** The same single-row autocommit INSERT from {@code threads} connections at once. */
  private double concurrentInsertRate(int threads, int rowsEach) throws Exception {
    try (Connection c = ownerConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS bench_insert_p (id bigserial PRIMARY KEY, v text)");
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> fs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      fs.add(
          pool.submit(
              () -> {
                try (Connection c = ownerConnection();
                    PreparedStatement ps =
                        c.prepareStatement("INSERT INTO bench_insert_p (v) VALUES (?)")) {
                  c.setAutoCommit(true);
                  for (int i = 0; i < rowsEach; i++) {
                    ps.setString(1, "row-" + i);
                    ps.executeUpdate();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double rate = threads * rowsEach / ((System.nanoTime() - t0) / 1e9);
    pool.shutdown();
    try (Connection c = ownerConnection();
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE bench_insert_p");
    }
    return rate;
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
