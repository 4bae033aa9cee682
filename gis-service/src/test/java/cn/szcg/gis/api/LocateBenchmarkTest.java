package cn.szcg.gis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.gis.demo.DemoDataGenerator;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.gis.infra.MapIndex;
import cn.szcg.testsupport.security.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import and locate figures over HTTP (loopback). Not in the normal run:
 *
 * <pre>
 * ./mvnw -o -pl gis-service test -Dszcg.excludedGroups=none -Dgroups=benchmark \
 *   -Dtest=LocateBenchmarkTest -Dbench.grids=20000 -Dbench.components=1000000 \
 *   -Dbench.clients=8 -Dbench.requests=30000 -Dbench.seconds=60
 * </pre>
 *
 * The size is {@code -Dbench.grids=100000 -Dbench.components=1000000}. locate is answered
 * from the in-memory index ({@link MapIndex}); the test waits until it has loaded the imports.
 */
@QuarkusTest
@Tag("benchmark")
class LocateBenchmarkTest {

  @TestHTTPResource("/")
  URL base;

  @Inject MapIndex index;
  @Inject GisQueries queries;

  /** Heap in use after a full GC (MB), and the process's resident set (MB, /proc/self/status). */
  private static String memory() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    Runtime rt = Runtime.getRuntime();
    long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
    String rss = "?";
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) >> 10);
      }
    }
    return "heap after GC " + heap + " MB, RSS " + rss + " MB";
  }

  private static int prop(String name, int dflt) {
    return Integer.getInteger(name, dflt);
  }

  @Test
  void importAndLocate(@TempDir Path dir) throws Exception {
    int grids = prop("bench.grids", 5000);
    int components = prop("bench.components", 100_000);
    int requests = prop("bench.requests", 5000);
    int seconds = prop("bench.seconds", 30);

    assertTrue(index.awaitFresh(Duration.ofMinutes(2)));
    System.out.printf("BENCH memory before import (empty index): %s%n", memory());
    long t0 = System.nanoTime();
    Map<FeatureKind, Integer> counts =
        new DemoDataGenerator(
                new DemoDataGenerator.Options(
                    DemoDataGenerator.Options.DEFAULT_SEED, grids, components, 100, 50))
            .writeTo(dir);
    System.out.printf(
        "BENCH generate %s in %d ms (%d MB components.geojson)%n",
        counts,
        (System.nanoTime() - t0) / 1_000_000,
        Files.size(dir.resolve("components.geojson")) >> 20);

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    ObjectMapper json = new ObjectMapper();
    // imports are admin only; locate is read by the suite's services (szcg-service)
    String admin = "Bearer " + TestTokens.of("admin");
    for (FeatureKind k : FeatureKind.values()) {
      long s = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(base.toURI().resolve("api/v1/imports/" + k.plural()))
                  .header("Content-Type", "application/geo+json")
                  .header("Authorization", admin)
                  .timeout(Duration.ofMinutes(30))
                  .POST(HttpRequest.BodyPublishers.ofFile(dir.resolve(k.plural() + ".geojson")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - s) / 1_000_000;
      assertEquals(200, r.statusCode(), r.body());
      JsonNode rep = json.readTree(r.body());
      assertEquals(counts.get(k).intValue(), rep.path("accepted").asInt(), k + " all accepted");
      System.out.printf(
          "BENCH import %-10s %,9d features in %,7d ms (%,.0f features/s)%n",
          k.plural(), rep.path("accepted").asInt(), ms, rep.path("accepted").asInt() * 1000.0 / ms);
    }

    // the index reloads the changed layers in the background (PostGIS answers meanwhile)
    long w = System.nanoTime();
    assertTrue(index.awaitFresh(Duration.ofMinutes(10)), "index loaded");
    System.out.printf(
        "BENCH index fresh %,d ms after the last import; %s%n",
        (System.nanoTime() - w) / 1_000_000, memory());

    // locate at random points over the gridded area around the county seat
    double side = Math.sqrt(grids);
    double spanLon = side * DemoDataGenerator.GRID_DLON / 2;
    double spanLat = side * DemoDataGenerator.GRID_DLAT / 2;
    double lon0 = 118.862;
    double lat0 = 26.221;
    Random rnd = new Random(7);
    List<URI> uris = new ArrayList<>();
    for (int i = 0; i < Math.min(requests, 20_000); i++) {
      double lon = lon0 + (rnd.nextDouble() * 2 - 1) * spanLon;
      double lat = lat0 + (rnd.nextDouble() * 2 - 1) * spanLat;
      uris.add(base.toURI().resolve("api/v1/locate?lon=" + lon + "&lat=" + lat));
    }
    // the in-memory locate alone (one thread, no HTTP, no JSON): the service's own share
    int calls = Math.min(requests * 5, 100_000);
    long s0 = System.nanoTime();
    int inGrid = 0;
    for (int i = 0; i < calls; i++) {
      URI u = uris.get(i % uris.size());
      String[] q = u.getQuery().split("[=&]");
      GisQueries.Location l =
          queries.locateInMemory(
              Double.parseDouble(q[1]), Double.parseDouble(q[3]), Instant.now(), 50, 10);
      if (l != null && l.gridCode() != null) {
        inGrid++;
      }
    }
    System.out.printf(
        "BENCH in-process locateInMemory: %,d calls, %.1f µs each (%d in a grid)%n",
        calls, (System.nanoTime() - s0) / 1e3 / calls, inGrid);

    // a fresh token: the imports may have taken a while (test tokens live one hour)
    String reader = "Bearer " + TestTokens.of("szcg-service");
    // warm-up
    for (int i = 0; i < 200; i++) {
      http.send(
          HttpRequest.newBuilder(uris.get(i % uris.size())).header("Authorization", reader).build(),
          HttpResponse.BodyHandlers.ofString());
    }
    // -Dbench.clients=8 or a list, e.g. 1,8,16: one locate round per client count
    for (String cl : System.getProperty("bench.clients", "8").split(",")) {
      locateRound(
          http, uris, reader, Integer.parseInt(cl.trim()), requests, seconds, grids, components);
    }
  }

  private static String loadAverage() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }

  private static void locateRound(
      HttpClient http,
      List<URI> uris,
      String reader,
      int clients,
      int requests,
      int seconds,
      int grids,
      int components)
      throws Exception {
    String loadBefore = loadAverage();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    AtomicInteger withGrid = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      fs.add(
          pool.submit(
              () -> {
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() < deadline) {
                  long s = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(uris.get(i % uris.size()))
                                .header("Authorization", reader)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    } else if (r.body().contains("\"gridCode\":\"")) {
                      withGrid.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                  latencies[i] = System.nanoTime() - s;
                  done.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    int n = done.get();
    long[] l = Arrays.copyOf(latencies, Math.min(n, requests));
    Arrays.sort(l);
    System.out.printf(
        "BENCH locate %d grids / %,d components: %,d requests, %d clients, %.1f s -> %,.0f req/s;"
            + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d errors, %d in a grid;"
            + " loadavg before [%s] after [%s]%n",
        grids,
        components,
        n,
        clients,
        elapsed,
        n / elapsed,
        pct(l, 0.50),
        pct(l, 0.90),
        pct(l, 0.99),
        l.length == 0 ? 0 : l[l.length - 1] / 1e6,
        errors.get(),
        withGrid.get(),
        loadBefore,
        loadAverage());
    assertEquals(0, errors.get(), "no errors");
    assertTrue(withGrid.get() > n / 2, "most points fall in a grid");
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }
}
