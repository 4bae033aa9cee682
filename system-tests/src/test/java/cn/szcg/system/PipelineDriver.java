package cn.szcg.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The load of the fault campaign and the load benchmark (issue 10): an open-loop generator of
 * reports from every channel, each carried by its caller's real Keycloak token, and a simulated
 * center and unit downstream (shift lead files, dispatcher dispatches, the unit signs for; for a
 * sample also the leader approves, the handler reports back, a collector checks on site and the
 * operator closes). Every call is retried on errors like a real integration would: the same
 * Idempotency-Key for registrations, and a state read after a conflict for the steps (a step whose
 * answer was lost is not done twice). Non-blocking (HttpClient.sendAsync), so thousands of chains
 * can wait out a fault.
 */
final class PipelineDriver {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String DB_SUFFIX = System.getProperty("szcg.db.suffix", "_sys");
  static final String KAFKA = System.getProperty("szcg.kafka", "127.0.0.1:9192");
  static final List<String> STATES =
      List.of(
          "AWAITING_DISPATCH",
          "DISPATCHED",
          "SIGNED_FOR",
          "IN_HANDLING",
          "FEEDBACK_SUBMITTED",
          "CHECK_ORDERED",
          "CHECK_PASSED",
          "CLOSED");

  /** One report and its way through the pipeline (times in System.nanoTime()). */
  static final class Item {
    final String key;
    final String channel;
    final String who;
    final boolean client;
    final int collector;
    final boolean deep;
    final boolean probe;
    final long t0 = System.nanoTime();
    volatile String id;
    volatile int phase = -1;
    volatile long acked;
    volatile long filed;
    volatile long dispatched;
    volatile long signed;
    volatile long closed;
    volatile String failure;

    Item(String key, String channel, String who, boolean client, int collector, boolean deep) {
      this(key, channel, who, client, collector, deep, false);
    }

    Item(
        String key,
        String channel,
        String who,
        boolean client,
        int collector,
        boolean deep,
        boolean probe) {
      this.key = key;
      this.channel = channel;
      this.who = who;
      this.client = client;
      this.collector = collector;
      this.deep = deep;
      this.probe = probe;
    }
  }

  record Res(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  final String run;
  final boolean withSignFor;
  final double deepShare;
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .executor(Executors.newFixedThreadPool(8, daemon("http")))
          .build();
  final java.util.concurrent.ExecutorService workers =
      Executors.newFixedThreadPool(32, daemon("driver-work"));
  final ScheduledExecutorService timer =
      Executors.newScheduledThreadPool(3, daemon("driver-timer"));
  final Map<String, Item> items = new ConcurrentHashMap<>();
  final Map<String, Item> pending = new ConcurrentHashMap<>();
  final Set<CompletableFuture<?>> chains = ConcurrentHashMap.newKeySet();
  final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
  final AtomicInteger seq = new AtomicInteger();
  final AtomicLong retries = new AtomicLong();
  volatile int phase;
  volatile boolean stopping;
  private ScheduledFuture<?> generator;

  PipelineDriver(String run, boolean withSignFor, double deepShare) {
    this.run = run;
    this.withSignFor = withSignFor;
    this.deepShare = deepShare;
  }

  static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  // ------------------------------------------------------------------------------ generator

  /** Starts the open-loop generator: {@code perSecond} reports a second, whatever the answers. */
  void start(double perSecond) {
    long started = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    generator =
        timer.scheduleAtFixedRate(
            () -> {
              long due = (long) ((System.nanoTime() - started) / 1e9 * perSecond);
              while (sent.get() < due && !stopping) {
                sent.incrementAndGet();
                launch(next());
              }
            },
            0,
            20,
            TimeUnit.MILLISECONDS);
  }

  void stop() {
    stopping = true;
    if (generator != null) {
      generator.cancel(false);
    }
  }

  /** The channel mix: patrol 40 %, hotline 20 %, county systems 30 %, the center 10 %. */
  Item next() {
    int n = seq.incrementAndGet();
    String key = run + "-" + n;
    int r = n % 20;
    boolean deep = ThreadLocalRandom.current().nextDouble() < deepShare;
    int collector = 1 + n % 9;
    if (r < 8) {
      return new Item(key, "PATROL", "collector" + collector, false, collector, deep);
    } else if (r < 12) {
      return new Item(key, "HOTLINE", "hotline-12345", true, collector, deep);
    } else if (r < 14) {
      return new Item(key, "VIDEO", "county-systems", true, collector, deep);
    } else if (r < 16) {
      return new Item(key, "WEBSITE", "county-systems", true, collector, deep);
    } else if (r < 17) {
      return new Item(key, "WEIBO", "county-systems", true, collector, deep);
    } else if (r < 18) {
      return new Item(key, "MEDIA", "county-systems", true, collector, deep);
    } else {
      return new Item(key, r == 18 ? "LEADER" : "MEDIA", "operator1", false, collector, deep);
    }
  }

  static String body(Item it) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    String loc =
        "{\"lon\":%.5f,\"lat\":%.5f}"
            .formatted(118.850 + rnd.nextDouble() * 0.025, 26.210 + rnd.nextDouble() * 0.020);
    String desc = "压力测试 " + it.key + " / load test";
    return switch (it.channel) {
      case "PATROL" ->
          "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\",\"location\":"
              + loc
              + ",\"description\":\""
              + desc
              + "\",\"collectorId\":\"C%04d\"}".formatted(it.collector);
      case "HOTLINE" ->
          "{\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\",\"description\":\""
              + desc
              + "\",\"location\":"
              + loc
              + ",\"sourceRef\":\""
              + it.key
              + "\",\"reporter\":{\"name\":\"张三\",\"phone\":\"13800000000\"}}";
      case "VIDEO" ->
          "{\"channel\":\"VIDEO\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\",\"cameraId\":"
              + "\"CAM-LOAD\",\"confidence\":0.93,\"location\":"
              + loc
              + ",\"sourceRef\":\""
              + it.key
              + "\"}";
      default ->
          "{\"channel\":\""
              + it.channel
              + "\",\"kind\":\"REPORT\",\"description\":\""
              + desc
              + "\",\"location\":"
              + loc
              + ",\"sourceRef\":\""
              + it.key
              + "\"}";
    };
  }

  // ------------------------------------------------------------------------------ chains

  /** Runs one report's chain; the future completes when the simulated work is done (or gave up). */
  CompletableFuture<Item> launch(Item it) {
    items.put(it.key, it);
    pending.put(it.key, it);
    CompletableFuture<Void> f =
        register(it)
            .thenCompose(x -> file(it))
            .thenCompose(x -> arrived(it))
            .thenCompose(x -> step(it, "dispatcher1", "dispatch", DISPATCH_BODY, "DISPATCHED"))
            .thenRun(() -> it.dispatched = System.nanoTime());
    if (withSignFor) {
      f =
          f.thenCompose(
                  x -> step(it, "water-receiver", "sign-for", "{\"note\":\"已签收\"}", "SIGNED_FOR"))
              .thenRun(() -> it.signed = System.nanoTime());
    }
    if (it.deep) {
      String collectorId = "C%04d".formatted(it.collector);
      f =
          f.thenCompose(
                  x ->
                      step(
                          it,
                          "water-leader",
                          "leader-approval",
                          "{\"instructions\":\"同意，尽快处置\"}",
                          "IN_HANDLING"))
              .thenCompose(x -> photo(it, "water-handler", "AFTER"))
              .thenCompose(
                  afterPhoto ->
                      step(
                          it,
                          "water-handler",
                          "feedback",
                          "{\"description\":\"已处置 / handled\",\"photoIds\":[\""
                              + afterPhoto
                              + "\"]}",
                          "FEEDBACK_SUBMITTED"))
              .thenCompose(
                  x ->
                      step(
                          it,
                          "dispatcher1",
                          "check-orders",
                          "{\"collectorId\":\"" + collectorId + "\",\"note\":\"请核查\"}",
                          "CHECK_ORDERED"))
              .thenCompose(x -> photo(it, "collector" + it.collector, "CHECK"))
              .thenCompose(
                  checkPhoto ->
                      step(
                          it,
                          "collector" + it.collector,
                          "checks/pass",
                          "{\"note\":\"核查通过\",\"photoIds\":[\"" + checkPhoto + "\"]}",
                          "CHECK_PASSED"))
              .thenCompose(x -> step(it, "operator1", "close", "{\"note\":\"结案\"}", "CLOSED"))
              .thenRun(() -> it.closed = System.nanoTime());
    }
    CompletableFuture<Item> done =
        f.handle(
            (x, e) -> {
              if (e != null && it.failure == null) {
                it.failure = String.valueOf(e);
              }
              if (it.failure != null) {
                problem(it.key + " " + it.channel + ": " + it.failure);
              }
              return it;
            });
    chains.add(done);
    done.whenComplete((x, e) -> chains.remove(done));
    return done;
  }

  static final String DISPATCH_BODY =
      "{\"unitId\":\"U-WATER\",\"requirements\":\"请尽快处理\","
          + "\"overrideReason\":\"压力测试指定自来水公司 / chosen by the load test\"}";

  static final long GIVE_UP = TimeUnit.MINUTES.toNanos(5);

  CompletableFuture<Void> register(Item it) {
    String b = body(it);
    return retry(
            it,
            () ->
                request(it.who, it.client, Stack.INTAKE + "/api/v1/reports")
                    .header("Idempotency-Key", it.key)
                    .POST(HttpRequest.BodyPublishers.ofString(b))
                    .build(),
            Res::ok,
            Set.of(),
            0)
        .thenAccept(
            r -> {
              if (!r.ok()) {
                throw new IllegalStateException(
                    "registration not acknowledged: " + r.status + " " + cut(r.body));
              }
              it.id = json(r.body).path("id").asText();
              it.acked = System.nanoTime();
              it.phase = phase;
              pending.remove(it.key);
            });
  }

  CompletableFuture<Void> file(Item it) {
    String b =
        "{\"categoryCode\":\"E-0101\",\"overrideReason\":\"压力测试：值班长直接立案 / load test: the"
            + " shift lead files at once\"}";
    return retry(
            it,
            () ->
                request("shiftlead1", false, Stack.INTAKE + "/api/v1/reports/" + it.id + "/filing")
                    .POST(HttpRequest.BodyPublishers.ofString(b))
                    .build(),
            r -> r.ok() || (r.status == 409 && "FILED".equals(reportStatus(it))),
            Set.of(409),
            0)
        .thenAccept(
            r -> {
              if (!r.ok() && r.status != 409) {
                throw new IllegalStateException("filing: " + r.status + " " + cut(r.body));
              }
              it.filed = System.nanoTime();
            });
  }

  /**
   * One step of the case in dispatch-service; 404 (the case has not arrived yet) and errors are
   * retried; a 409 is a step already done when the case's state is at or past {@code after}.
   */
  CompletableFuture<Void> step(Item it, String user, String action, String b, String after) {
    int target = STATES.indexOf(after);
    return retry(
            it,
            () ->
                request(user, false, Stack.DISPATCH + "/api/v1/cases/" + it.id + "/" + action)
                    .POST(HttpRequest.BodyPublishers.ofString(b))
                    .build(),
            r -> r.ok() || (r.status == 409 && STATES.indexOf(caseState(it)) >= target),
            Set.of(404, 409),
            0)
        .thenAccept(
            r -> {
              if (!r.ok() && r.status != 409) {
                throw new IllegalStateException(action + ": " + r.status + " " + cut(r.body));
              }
            });
  }

  /**
   * Uploads an evidence photo of {@code purpose} (AFTER, CHECK) to dispatch-service as {@code user}
   * and yields its id: a step accepts only ids of stored photos of the case (R-10, R-14, R-15). A
   * retried upload of the same bytes answers the first photo. 404/409 (the case or its state not
   * there yet) are retried.
   */
  CompletableFuture<String> photo(Item it, String user, String purpose) {
    byte[] png = tinyPng(it.key + purpose);
    return retry(
            it,
            () ->
                request(
                        user,
                        false,
                        Stack.DISPATCH + "/api/v1/cases/" + it.id + "/photos?purpose=" + purpose)
                    .setHeader("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(png))
                    .build(),
            Res::ok,
            Set.of(404, 409),
            0)
        .thenApply(
            r -> {
              if (!r.ok()) {
                throw new IllegalStateException(
                    "photo " + purpose + ": " + r.status + " " + cut(r.body));
              }
              return json(r.body).path("photoId").asText();
            });
  }

  /** A small PNG whose pixels differ per seed (so every case gets its own bytes). */
  static byte[] tinyPng(String seed) {
    java.awt.image.BufferedImage img =
        new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, seed.hashCode() & 0xFFFFFF);
    img.setRGB(1, 1, (seed.hashCode() >>> 8) & 0xFFFFFF);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(img, "png", out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The simulated dispatcher sees the case in its work list: one poller reads dispatch-service's
   * list of cases awaiting dispatch every 200 ms (GET /api/v1/cases?state=AWAITING_DISPATCH, as the
   * dispatcher's screen would) and hands each arrived case to its chain.
   */
  CompletableFuture<Void> arrived(Item it) {
    startWorkListPoller();
    return awaitingArrival
        .computeIfAbsent(it.id, k -> new CompletableFuture<>())
        .orTimeout(5, TimeUnit.MINUTES);
  }

  final Map<String, CompletableFuture<Void>> awaitingArrival = new ConcurrentHashMap<>();
  private final ScheduledExecutorService workList =
      Executors.newSingleThreadScheduledExecutor(daemon("work-list"));
  private volatile boolean workListStarted;

  private synchronized void startWorkListPoller() {
    if (!workListStarted) {
      workListStarted = true;
      workList.scheduleWithFixedDelay(this::pollWorkList, 0, 200, TimeUnit.MILLISECONDS);
    }
  }

  private void pollWorkList() {
    try {
      for (int page = 0; page < 25 && !awaitingArrival.isEmpty(); page++) {
        Res r =
            getSync(
                "dispatcher1",
                Stack.DISPATCH + "/api/v1/cases?state=AWAITING_DISPATCH&size=200&page=" + page);
        if (!r.ok()) {
          return;
        }
        JsonNode list = json(r.body).path("items");
        for (JsonNode n : list) {
          CompletableFuture<Void> f = awaitingArrival.remove(n.path("caseId").asText());
          if (f != null) {
            f.complete(null);
          }
        }
        if (list.size() < 200) {
          return;
        }
      }
    } catch (RuntimeException | AssertionError e) {
      // dispatch-service or Keycloak away: next round
    }
  }

  HttpRequest.Builder request(String who, boolean client, String url) {
    String token = client ? Stack.clientToken(who) : Stack.token(who);
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json");
  }

  /**
   * Sends until {@code accepted}, for 5 minutes at most: network errors, 5xx, 429 and 401 (a
   * restarted service still fetching the realm's keys) and the {@code expected} statuses are
   * retried with backoff (100 ms doubling to 2 s); any other answer ends the call.
   */
  CompletableFuture<Res> retry(
      Item it,
      java.util.function.Supplier<HttpRequest> req,
      Predicate<Res> accepted,
      Set<Integer> expected,
      int attempt) {
    HttpRequest r;
    try {
      r = req.get();
    } catch (RuntimeException | AssertionError e) { // Keycloak unreachable for a moment
      return later(it, req, accepted, expected, attempt, new Res(-2, String.valueOf(e)));
    }
    return http.sendAsync(r, HttpResponse.BodyHandlers.ofString())
        .handle(
            (res, e) ->
                e != null ? new Res(-1, String.valueOf(e)) : new Res(res.statusCode(), res.body()))
        .thenComposeAsync(
            res -> {
              boolean ok;
              try {
                ok = accepted.test(res);
              } catch (RuntimeException e) {
                ok = false;
              }
              if (ok) {
                return CompletableFuture.completedFuture(res);
              }
              boolean transientError =
                  res.status < 0
                      || res.status >= 500
                      || res.status == 429
                      || res.status == 401
                      || expected.contains(res.status);
              if (!transientError || System.nanoTime() - it.t0 > GIVE_UP) {
                return CompletableFuture.completedFuture(res);
              }
              return later(it, req, accepted, expected, attempt, res);
            },
            workers);
  }

  private CompletableFuture<Res> later(
      Item it,
      java.util.function.Supplier<HttpRequest> req,
      Predicate<Res> accepted,
      Set<Integer> expected,
      int attempt,
      Res last) {
    if (System.nanoTime() - it.t0 > GIVE_UP) {
      return CompletableFuture.completedFuture(last);
    }
    retries.incrementAndGet();
    long delay = Math.min(2000, 100L << Math.min(attempt, 5));
    CompletableFuture<Res> f = new CompletableFuture<>();
    timer.schedule(
        () -> {
          CompletableFuture.supplyAsync(
                  () -> retry(it, req, accepted, expected, attempt + 1), workers)
              .thenCompose(x -> x)
              .whenComplete(
                  (x, e) -> {
                    if (e != null) {
                      f.completeExceptionally(e);
                    } else {
                      f.complete(x);
                    }
                  });
        },
        delay,
        TimeUnit.MILLISECONDS);
    return f;
  }

  String reportStatus(Item it) {
    return json(getSync("operator1", Stack.INTAKE + "/api/v1/reports/" + it.id).body)
        .path("status")
        .asText();
  }

  String caseState(Item it) {
    return json(getSync("operator1", Stack.DISPATCH + "/api/v1/cases/" + it.id).body)
        .path("state")
        .asText();
  }

  Res getSync(String user, String url) {
    try {
      HttpResponse<String> r =
          http.send(request(user, false, url).GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Res(r.statusCode(), r.body());
    } catch (Exception e) {
      return new Res(-1, String.valueOf(e));
    }
  }

  void problem(String p) {
    if (problems.size() < 200) {
      problems.add(p);
    }
  }

  static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  static String cut(String s) {
    return s == null ? "" : s.length() > 300 ? s.substring(0, 300) : s;
  }

  /** Waits until every chain has ended (or the timeout). */
  boolean awaitChains(Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    while (!chains.isEmpty() && System.nanoTime() < end) {
      sleep(500);
    }
    return chains.isEmpty();
  }

  /** Whether every registration started before {@code nanos} has been acknowledged. */
  boolean noPendingBefore(long nanos) {
    for (Item it : pending.values()) {
      if (it.t0 < nanos) {
        return false;
      }
    }
    return true;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------------------ databases

  static Connection db(String service) throws SQLException {
    String db = "szcg_" + service;
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + db + DB_SUFFIX + "?connectTimeout=3&socketTimeout=30",
        db,
        db);
  }

  static long count(String service, String sql, Object... args) throws SQLException {
    try (Connection c = db(service);
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  static List<String> strings(String service, String sql, Object... args) throws SQLException {
    try (Connection c = db(service);
        PreparedStatement st = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        st.setObject(i + 1, args[i]);
      }
      List<String> out = new ArrayList<>();
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** Unsent outbox rows of all five services (-1 when a database does not answer). */
  static long outboxBacklog() {
    long sum = 0;
    for (String s : List.of("gis", "intake", "dispatch", "sla", "assessment")) {
      try {
        sum += count(s, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
      } catch (SQLException e) {
        return -1;
      }
    }
    return sum;
  }

  // ------------------------------------------------------------------------------ Kafka, memory

  /** Consumer lag per consumer group (sum over its partitions); empty when the broker is away. */
  static Map<String, Long> consumerLag() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
    Map<String, Long> lag = new TreeMap<>();
    try (Admin admin = Admin.create(p)) {
      Collection<ConsumerGroupListing> groups =
          admin.listConsumerGroups().all().get(8, TimeUnit.SECONDS);
      for (ConsumerGroupListing g : groups) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(g.groupId())
                .partitionsToOffsetAndMetadata()
                .get(8, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(8, TimeUnit.SECONDS);
        long sum = 0;
        for (var e : committed.entrySet()) {
          if (e.getValue() != null && ends.get(e.getKey()) != null) {
            sum += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
          }
        }
        lag.put(g.groupId(), sum);
      }
    } catch (Exception e) {
      return Map.of();
    }
    return lag;
  }

  /** RSS in MiB of each process of the stack ($SZCG_HOME/run/*.pid, with its children). */
  static Map<String, Long> rssMiB() {
    Map<String, Long> out = new TreeMap<>();
    String home = System.getenv("SZCG_HOME");
    if (home == null) {
      return out;
    }
    try (var files = Files.list(Path.of(home, "run"))) {
      for (Path f : files.filter(x -> x.toString().endsWith(".pid")).toList()) {
        String name = f.getFileName().toString().replace(".pid", "");
        long pid = Long.parseLong(Files.readString(f).trim());
        out.put(name, rssKiB(pid) / 1024);
      }
    } catch (Exception e) {
      // a process restarting
    }
    return out;
  }

  private static long rssKiB(long pid) {
    long sum = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          sum += Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      Path children = Path.of("/proc/" + pid + "/task/" + pid + "/children");
      if (Files.exists(children)) {
        for (String c : Files.readString(children).trim().split("\\s+")) {
          if (!c.isBlank()) {
            sum += rssKiB(Long.parseLong(c));
          }
        }
      }
    } catch (Exception e) {
      // gone
    }
    return sum;
  }

  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
