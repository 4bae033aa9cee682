package cn.szcg.system;

import cn.szcg.system.PipelineDriver.Item;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole-pipeline load benchmark (issue 10), run by deploy/local/load.sh on a stack of its own:
 * an open-loop load of reports from every channel (PipelineDriver, real tokens) with a simulated
 * center that files each report as soon as it is registered and a simulated dispatcher that
 * dispatches each case as soon as it has arrived in dispatch-service. Measures, over the steady
 * window after the warm-up: the rate of every stage end to end (registered in intake → dispatched
 * order in dispatch → the order's clock in sla → the order in assessment's figures), the latency
 * from the registration request to the dispatched order (client side: request sent → dispatch
 * answered 200; server side: intake's registered_at → dispatch's order dispatched_at), consumer lag
 * and each process's RSS. Not part of the normal system run (tag {@code benchmark}).
 */
@Tag("benchmark")
class LoadBenchmarkTest {

  static final double RATE = Double.parseDouble(System.getProperty("szcg.load.rate", "300"));
  static final int WARMUP = Integer.getInteger("szcg.load.warmup", 30);
  static final int DURATION = Integer.getInteger("szcg.load.duration", 120);

  record Sample(long nanos, long[] counts, long lag, Map<String, Long> rss) {}

  static final String[] STAGES = {
    "registered (intake)",
    "dispatched order (dispatch)",
    "order clock (sla)",
    "order in figures (assessment)"
  };

  @Test
  void wholePipelineUnderSustainedLoad() throws Exception {
    String run = "lb" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    PipelineDriver d = new PipelineDriver(run, false, 0);
    for (String u : List.of("shiftlead1", "dispatcher1", "operator1")) {
      Stack.token(u);
    }
    for (int i = 1; i <= 10; i++) {
      Stack.token("collector" + i);
    }
    Stack.clientToken("hotline-12345");
    Stack.clientToken("county-systems");
    System.out.printf(
        "%nload benchmark %s: %.0f reports/s offered, %d s warm-up, %d s measured%n",
        run, RATE, WARMUP, DURATION);

    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    d.start(RATE);
    long warmEnd = start + WARMUP * 1_000_000_000L;
    long end = warmEnd + DURATION * 1_000_000_000L;
    Sample atWarm = null;
    // CPU per case (issue 23): read from the end of the warm-up until everything has drained
    List<CpuMeter.Reading> cpu = new ArrayList<>();
    while (System.nanoTime() < end) {
      Sample s = sample(run);
      samples.add(s);
      if (atWarm == null && s.nanos >= warmEnd) {
        atWarm = s;
      }
      if (atWarm != null) {
        cpu.add(CpuMeter.read());
      }
      System.out.printf(
          "[load %3.0f s] registered %d, dispatched %d, clocks %d, figures %d, lag %d, open chains"
              + " %d%n",
          (s.nanos - start) / 1e9,
          s.counts[0],
          s.counts[1],
          s.counts[2],
          s.counts[3],
          s.lag,
          d.chains.size());
      PipelineDriver.sleep(5000);
    }
    Sample atEnd = sample(run);
    d.stop();
    long stopped = System.nanoTime();
    boolean drained = d.awaitChains(Duration.ofMinutes(3));
    // drain: how long after the load stopped until every stage holds every order
    long drainEnd = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    Sample last = sample(run);
    while (System.nanoTime() < drainEnd
        && !(last.counts[1] == last.counts[2]
            && last.counts[2] == last.counts[3]
            && last.lag == 0)) {
      PipelineDriver.sleep(1000);
      last = sample(run);
      cpu.add(CpuMeter.read()); // a backend that ends meanwhile keeps its last reading
    }
    cpu.add(CpuMeter.read());
    double drainS = (last.nanos - stopped) / 1e9;

    // --- results
    double window = (atEnd.nanos - atWarm.nanos) / 1e9;
    StringBuilder t = new StringBuilder();
    t.append("\n全流程压测 / whole-pipeline load benchmark (")
        .append(run)
        .append(", ")
        .append((long) RATE)
        .append(" reports/s offered, ")
        .append(Math.round(window))
        .append(" s measured after ")
        .append(WARMUP)
        .append(" s warm-up)\n");
    t.append("| 环节 stage | per second (steady window) |\n|---|---:|\n");
    for (int i = 0; i < STAGES.length; i++) {
      t.append(
          "| %s | %.1f |%n".formatted(STAGES[i], (atEnd.counts[i] - atWarm.counts[i]) / window));
    }

    List<Double> client = new ArrayList<>();
    List<Double> reg = new ArrayList<>();
    for (Item it : d.items.values()) {
      if (it.t0 >= atWarm.nanos && it.t0 < atEnd.nanos) {
        if (it.dispatched > 0) {
          client.add((it.dispatched - it.t0) / 1e6);
        }
        if (it.acked > 0) {
          reg.add((it.acked - it.t0) / 1e6);
        }
      }
    }
    List<Double> server = serverLatencies(run, atWarm, atEnd, start);
    t.append("\n| latency (ms) | n | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
    row(t, "registration request → 201 (client)", reg);
    row(t, "registration request → dispatch answered (client)", client);
    row(t, "registered_at → order dispatched_at (server clocks)", server);

    long lagMax = 0;
    double lagSum = 0;
    int n = 0;
    Map<String, Long> rssMax = new TreeMap<>();
    for (Sample s : samples) {
      if (s.nanos >= atWarm.nanos) {
        lagMax = Math.max(lagMax, s.lag);
        lagSum += s.lag;
        n++;
        s.rss.forEach((k, v) -> rssMax.merge(k, v, Math::max));
      }
    }
    t.append(
        "\nconsumer lag (all groups, events): mean %.0f, max %d during the steady window; drained %.1f s after the load stopped%n"
            .formatted(n == 0 ? 0 : lagSum / n, lagMax, drainS));
    t.append("\n| process | RSS max at steady state (MiB) |\n|---|---:|\n");
    rssMax.forEach((k, v) -> t.append("| %s | %d |%n".formatted(k, v)));
    // per process: its CPU from the end of the warm-up until drained, over the cases its stage
    // completed in the same time (a process working off a backlog is charged for that backlog)
    Map<String, Long> cases = new HashMap<>();
    cases.put("gis", last.counts[0] - atWarm.counts[0]);
    cases.put("intake", last.counts[0] - atWarm.counts[0]);
    cases.put("dispatch", last.counts[1] - atWarm.counts[1]);
    cases.put("sla", last.counts[2] - atWarm.counts[2]);
    cases.put("assessment", last.counts[3] - atWarm.counts[3]);
    t.append(
        "\nCPU per case from the end of the warm-up until drained (%.0f s), /proc of each process and"
                .formatted((last.nanos - atWarm.nanos) / 1e9)
            + " of each service's PostgreSQL backends:");
    t.append(CpuMeter.table(cpu, cases, last.counts[0] - atWarm.counts[0]));
    t.append("\nclient retries: ")
        .append(d.retries.get())
        .append("; chains finished: ")
        .append(drained)
        .append('\n');
    if (!d.problems.isEmpty()) {
      t.append("chains that gave up (first 10):\n");
      d.problems.stream().limit(10).forEach(p -> t.append("  ").append(p).append('\n'));
    }
    System.out.println(t);
  }

  static void row(StringBuilder t, String what, List<Double> v) {
    Collections.sort(v);
    t.append(
        "| %s | %d | %.0f | %.0f | %.0f | %.0f |%n"
            .formatted(
                what,
                v.size(),
                PipelineDriver.percentile(v, 50),
                PipelineDriver.percentile(v, 95),
                PipelineDriver.percentile(v, 99),
                v.isEmpty() ? Double.NaN : v.get(v.size() - 1)));
  }

  static Sample sample(String run) {
    long[] c = new long[4];
    try {
      c[0] =
          PipelineDriver.count(
              "intake", "SELECT count(*) FROM report WHERE idempotency_key LIKE ?", run + "-%");
      c[1] = PipelineDriver.count("dispatch", "SELECT count(*) FROM case_order");
      c[2] =
          PipelineDriver.count(
              "sla", "SELECT count(DISTINCT order_id) FROM stage_clock WHERE order_id IS NOT NULL");
      c[3] = PipelineDriver.count("assessment", "SELECT count(*) FROM dispatch_order");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    long now = System.nanoTime();
    long lag = PipelineDriver.consumerLag().values().stream().mapToLong(Long::longValue).sum();
    return new Sample(now, c, lag, PipelineDriver.rssMiB());
  }

  /** intake's registered_at to dispatch's dispatched_at, for reports registered in the window. */
  static List<Double> serverLatencies(String run, Sample from, Sample to, long start)
      throws SQLException {
    Map<String, Long> registered = new HashMap<>();
    for (String row :
        PipelineDriver.strings(
            "intake",
            "SELECT id || ' ' || (extract(epoch FROM registered_at) * 1000000)::bigint FROM report"
                + " WHERE idempotency_key LIKE ?",
            run + "-%")) {
      String[] kv = row.split(" ");
      registered.put(kv[0], Long.parseLong(kv[1]));
    }
    long epochStartMicros = System.currentTimeMillis() * 1000 - (System.nanoTime() - start) / 1000;
    long fromMicros = epochStartMicros + (from.nanos - start) / 1000;
    long toMicros = epochStartMicros + (to.nanos - start) / 1000;
    List<Double> out = new ArrayList<>();
    for (String row :
        PipelineDriver.strings(
            "dispatch",
            "SELECT case_id || ' ' || (extract(epoch FROM min(dispatched_at)) * 1000000)::bigint"
                + " FROM case_order GROUP BY case_id")) {
      String[] kv = row.split(" ");
      Long r = registered.get(kv[0]);
      if (r != null && r >= fromMicros && r < toMicros) {
        out.add((Long.parseLong(kv[1]) - r) / 1000.0);
      }
    }
    return out;
  }
}
