package cn.szcg.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.system.PipelineDriver.Item;
import java.io.File;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The fault campaign (issue 10), run by deploy/local/fault-campaign.sh [--short] on a stack of its
 * own: under a steady load of reports from every channel with the simulated center and units at
 * work (PipelineDriver), kill -9 in turn each of the five services, the Kafka broker and the
 * PostgreSQL postmaster, restart each after a pause and wait for full recovery; then check the
 * invariants straight from the five databases (and the APIs): every acknowledged report exactly
 * once in intake, every filed case exactly once in dispatch with its clocks in sla and counted
 * exactly once in assessment, no clock past its deadline without its breach, the audit chains
 * whole. Prints one table: fault, reports acknowledged, lost, duplicated, time to recovery.
 *
 * <p>Not part of the normal system run (tag {@code benchmark}). Properties: {@code szcg.fault.rate}
 * (reports/s), {@code szcg.fault.pause} (s a component stays dead), {@code szcg.fault.settle} (s of
 * steady load between faults), {@code szcg.fault.deep} (share of cases taken through handling,
 * check and closing), {@code szcg.fault.list} (comma-separated).
 */
@Tag("benchmark")
class FaultCampaignTest {

  static final double RATE = Double.parseDouble(System.getProperty("szcg.fault.rate", "200"));
  static final int PAUSE = Integer.getInteger("szcg.fault.pause", 10);
  static final int SETTLE = Integer.getInteger("szcg.fault.settle", 20);
  static final double DEEP = Double.parseDouble(System.getProperty("szcg.fault.deep", "0.05"));
  static final List<String> FAULTS =
      List.of(
          System.getProperty(
                  "szcg.fault.list",
                  "gis-service,intake-service,dispatch-service,sla-service,assessment-service,"
                      + "kafka,postgres")
              .split(","));
  static final File CTL =
      new File(System.getProperty("szcg.repo", ".."), "deploy/local/stack-ctl.sh");

  record Outcome(String fault, double readyS, double recoveredS, boolean recovered) {}

  @Test
  void nothingIsLostOrDoubledWhenAnyPartDies() throws Exception {
    String run = "fc" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    PipelineDriver d = new PipelineDriver(run, true, DEEP);
    // every token once before the load (Keycloak is never killed)
    for (String u :
        List.of(
            "shiftlead1",
            "dispatcher1",
            "operator1",
            "water-receiver",
            "water-leader",
            "water-handler",
            "supervision1")) {
      Stack.token(u);
    }
    for (int i = 1; i <= 10; i++) {
      Stack.token("collector" + i);
    }
    Stack.clientToken("hotline-12345");
    Stack.clientToken("county-systems");

    System.out.printf(
        "%nfault campaign %s: %.0f reports/s, components dead for %d s, %d s between faults%n",
        run, RATE, PAUSE, SETTLE);
    d.start(RATE);
    PipelineDriver.sleep(SETTLE * 1000L);
    List<Outcome> outcomes = new ArrayList<>();
    int phase = 0;
    for (String fault : FAULTS) {
      phase++;
      d.phase = phase;
      log("kill -9 " + fault);
      ctl("kill", fault);
      PipelineDriver.sleep(PAUSE * 1000L);
      long back = System.nanoTime();
      log("restart " + fault);
      ctl("start", fault);
      ctl("ready", fault);
      double ready = (System.nanoTime() - back) / 1e9;
      boolean ok = awaitRecovery(d, run + "-probe" + phase, back, Duration.ofSeconds(150));
      double rec = (System.nanoTime() - back) / 1e9;
      log(
          "%s: ready after %.1f s, %s after %.1f s"
              .formatted(fault, ready, ok ? "recovered" : "NOT recovered", rec));
      outcomes.add(new Outcome(fault, ready, rec, ok));
      d.phase = 0;
      PipelineDriver.sleep(SETTLE * 1000L);
    }
    d.stop();
    log("load stopped; waiting for the simulated work to finish");
    boolean drained = d.awaitChains(Duration.ofMinutes(6));
    awaitQuiet();

    Invariants inv = check(d);
    print(d, outcomes, inv, drained);
    assertTrue(drained, "the simulated work did not finish");
    assertEquals(0, inv.lost.size(), "acknowledged reports lost: " + inv.lost);
    assertEquals(0, inv.duplicated.size(), "reports registered twice: " + inv.duplicated);
    assertEquals(List.of(), inv.violations, "invariants");
    for (Outcome o : outcomes) {
      assertTrue(o.recovered, o.fault + " did not recover");
    }
  }

  // ------------------------------------------------------------------------------ faults

  static void ctl(String cmd, String what) throws Exception {
    Process p =
        new ProcessBuilder("bash", CTL.getAbsolutePath(), cmd, what)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("stack-ctl.sh " + cmd + " " + what + " failed");
    }
  }

  /**
   * Recovered: a probe report registered after the restart has gone all the way (registered, filed,
   * in dispatch, dispatched, signed for, its order's clock in sla-service, the order in
   * assessment-service's figures) and every registration the clients started before the restart has
   * been acknowledged.
   */
  static boolean awaitRecovery(PipelineDriver d, String key, long back, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    Item probe = new Item(key, "PATROL", "collector10", false, 10, false, true);
    var chain = d.launch(probe);
    while (System.nanoTime() < end) {
      if (chain.isDone() && probe.failure == null && probe.signed > 0) {
        try {
          boolean clock =
              PipelineDriver.count(
                      "sla",
                      "SELECT count(*) FROM stage_clock WHERE case_id = ? AND order_id IS NOT NULL",
                      probe.id)
                  > 0;
          boolean figures =
              PipelineDriver.count(
                          "assessment",
                          "SELECT count(*) FROM order_track WHERE case_id = ?",
                          probe.id)
                      > 0
                  && PipelineDriver.count(
                          "assessment",
                          "SELECT count(*) FROM assessed_case WHERE case_id = ? AND filed_at IS"
                              + " NOT NULL",
                          probe.id)
                      > 0;
          if (clock && figures && d.noPendingBefore(back)) {
            return true;
          }
        } catch (SQLException e) {
          // PostgreSQL coming back
        }
      } else if (chain.isDone()) {
        return false;
      }
      PipelineDriver.sleep(250);
    }
    return false;
  }

  /** Waits until the outboxes are empty and every consumer group has caught up. */
  static void awaitQuiet() {
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    int quiet = 0;
    while (System.nanoTime() < end && quiet < 3) {
      Map<String, Long> lag = PipelineDriver.consumerLag();
      long outbox = PipelineDriver.outboxBacklog();
      boolean q = outbox == 0 && !lag.isEmpty() && lag.values().stream().allMatch(v -> v == 0);
      quiet = q ? quiet + 1 : 0;
      PipelineDriver.sleep(2000);
    }
    // the sla scheduler publishes breaches within its interval; give it one more round
    PipelineDriver.sleep(3000);
  }

  // ------------------------------------------------------------------------------ invariants

  static final class Invariants {
    final Set<String> lost = new HashSet<>();
    final Set<String> duplicated = new HashSet<>();
    final List<String> violations = new ArrayList<>();
    final Map<String, Object> figures = new LinkedHashMap<>();
  }

  static Invariants check(PipelineDriver d) throws SQLException {
    Invariants inv = new Invariants();
    // intake: every acknowledged report exactly once, under the id the client was given
    Map<String, List<String>> byKey = new HashMap<>();
    for (String row :
        PipelineDriver.strings(
            "intake",
            "SELECT idempotency_key || ' ' || id FROM report WHERE idempotency_key LIKE ?",
            d.run + "-%")) {
      String[] kv = row.split(" ");
      byKey.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
    }
    int acked = 0;
    for (Item it : d.items.values()) {
      if (it.id == null) {
        continue;
      }
      acked++;
      List<String> ids = byKey.getOrDefault(it.key, List.of());
      if (ids.isEmpty()) {
        inv.lost.add(it.key);
      } else if (ids.size() > 1 || !ids.get(0).equals(it.id)) {
        inv.duplicated.add(it.key);
      }
    }
    // also a registration under another key for the same pushed ticket would be a duplicate
    long sameRef =
        PipelineDriver.count(
            "intake",
            "SELECT count(*) FROM (SELECT source_ref FROM report WHERE source_ref LIKE ? GROUP BY"
                + " source_ref HAVING count(*) > 1) x",
            d.run + "-%");
    if (sameRef > 0) {
      inv.violations.add(sameRef + " source references registered more than once");
    }
    inv.figures.put("acknowledged", acked);
    inv.figures.put("never acknowledged", d.items.size() - acked);

    // dispatch: every filed report exactly once as a case, every dispatched case with one order
    Set<String> filed =
        new HashSet<>(
            PipelineDriver.strings(
                "intake",
                "SELECT id::text FROM report WHERE decided_at IS NOT NULL AND status"
                    + " NOT IN ('REJECTED','MERGED','ANSWERED')"));
    Set<String> cases =
        new HashSet<>(PipelineDriver.strings("dispatch", "SELECT case_id FROM dispatch_case"));
    Set<String> missing = new HashSet<>(filed);
    missing.removeAll(cases);
    Set<String> unexpected = new HashSet<>(cases);
    unexpected.removeAll(filed);
    inv.figures.put("filed in intake", filed.size());
    inv.figures.put("cases in dispatch", cases.size());
    if (!missing.isEmpty()) {
      inv.violations.add(missing.size() + " filed reports not in dispatch, e.g. " + first(missing));
    }
    if (!unexpected.isEmpty()) {
      inv.violations.add(unexpected.size() + " cases in dispatch not filed in intake");
    }
    long doubleOrders =
        PipelineDriver.count(
            "dispatch",
            "SELECT count(*) FROM (SELECT case_id FROM case_order WHERE parent_order_id IS NULL"
                + " GROUP BY case_id HAVING count(*) > 1) x");
    if (doubleOrders > 0) {
      inv.violations.add(doubleOrders + " cases dispatched twice");
    }
    Set<String> orders =
        new HashSet<>(PipelineDriver.strings("dispatch", "SELECT order_id FROM case_order"));
    inv.figures.put("orders in dispatch", orders.size());

    // sla: every filed case has its clocks; no clock twice; every order's clock
    Set<String> clocked =
        new HashSet<>(PipelineDriver.strings("sla", "SELECT DISTINCT case_id FROM stage_clock"));
    Set<String> noClock = new HashSet<>(filed);
    noClock.removeAll(clocked);
    if (!noClock.isEmpty()) {
      inv.violations.add(noClock.size() + " filed cases without a clock, e.g. " + first(noClock));
    }
    long doubleClocks =
        PipelineDriver.count(
            "sla",
            "SELECT count(*) FROM (SELECT case_id, stage, coalesce(order_id, '') FROM stage_clock"
                + " GROUP BY 1, 2, 3 HAVING count(*) > 1) x");
    if (doubleClocks > 0) {
      inv.violations.add(doubleClocks + " clocks started twice");
    }
    Set<String> orderClocks =
        new HashSet<>(
            PipelineDriver.strings(
                "sla", "SELECT DISTINCT order_id FROM stage_clock WHERE order_id IS NOT NULL"));
    Set<String> orderNoClock = new HashSet<>(orders);
    orderNoClock.removeAll(orderClocks);
    if (!orderNoClock.isEmpty()) {
      inv.violations.add(orderNoClock.size() + " orders without their clock");
    }
    inv.figures.put(
        "clocks in sla", PipelineDriver.count("sla", "SELECT count(*) FROM stage_clock"));
    // no clock missed its breach: every running clock past its deadline has its breach
    // published (late ones marked late)
    long missedBreach =
        PipelineDriver.count(
            "sla",
            "SELECT count(*) FROM stage_clock WHERE stopped_at IS NULL AND deadline < now() -"
                + " interval '30 seconds' AND breached_at IS NULL");
    if (missedBreach > 0) {
      inv.violations.add(missedBreach + " clocks past their deadline without a breach");
    }
    inv.figures.put(
        "clocks past deadline (breached / of them late)",
        PipelineDriver.count(
                "sla", "SELECT count(*) FROM stage_clock WHERE breached_at IS NOT NULL")
            + " / "
            + PipelineDriver.count(
                "sla", "SELECT count(*) FROM stage_clock WHERE breached_late IS TRUE"));

    // assessment: every filed case once, the counters equal to the sources exactly
    long reports = PipelineDriver.count("intake", "SELECT count(*) FROM report");
    long registered =
        PipelineDriver.count(
            "assessment", "SELECT coalesce(sum(registered), 0) FROM intake_figure");
    long filedFig =
        PipelineDriver.count("assessment", "SELECT coalesce(sum(filed), 0) FROM intake_figure");
    if (registered != reports) {
      inv.violations.add(
          "assessment counts " + registered + " registrations, intake holds " + reports);
    }
    if (filedFig != filed.size()) {
      inv.violations.add("assessment counts " + filedFig + " filings, intake " + filed.size());
    }
    Set<String> assessed =
        new HashSet<>(
            PipelineDriver.strings(
                "assessment", "SELECT case_id FROM assessed_case WHERE filed_at IS NOT NULL"));
    Set<String> notAssessed = new HashSet<>(filed);
    notAssessed.removeAll(assessed);
    if (!notAssessed.isEmpty()) {
      inv.violations.add(notAssessed.size() + " filed cases not in assessment");
    }
    Set<String> assessedOrders =
        new HashSet<>(PipelineDriver.strings("assessment", "SELECT order_id FROM dispatch_order"));
    if (!assessedOrders.equals(orders)) {
      Set<String> m = new HashSet<>(orders);
      m.removeAll(assessedOrders);
      inv.violations.add(
          "assessment holds "
              + assessedOrders.size()
              + " orders, dispatch "
              + orders.size()
              + " (missing "
              + m.size()
              + ")");
    }
    long doubleFacts =
        PipelineDriver.count(
            "assessment",
            "SELECT count(*) FROM (SELECT order_id, fact_type FROM unit_fact GROUP BY 1, 2 HAVING"
                + " count(*) > 1) x");
    inv.figures.put("order facts counted twice in assessment (expected 0)", doubleFacts);
    if (doubleFacts > 0) {
      inv.violations.add(doubleFacts + " order facts counted twice in assessment");
    }
    inv.figures.put("registrations counted in assessment", registered);
    inv.figures.put("filings counted in assessment", filedFig);

    // the audit chains survived the kills
    for (String url :
        List.of(Stack.GIS, Stack.INTAKE, Stack.DISPATCH, Stack.SLA, Stack.ASSESSMENT)) {
      var v = d.getSync("supervision1", url + "/api/v1/audit/verification");
      if (!PipelineDriver.json(v.body()).path("intact").asBoolean(false)) {
        inv.violations.add(
            "audit chain of " + url + " not intact: " + PipelineDriver.cut(v.body()));
      }
    }
    return inv;
  }

  static String first(Set<String> s) {
    return s.stream().limit(3).toList().toString();
  }

  static void print(PipelineDriver d, List<Outcome> outcomes, Invariants inv, boolean drained) {
    Map<Integer, int[]> perPhase = new HashMap<>();
    for (Item it : d.items.values()) {
      if (it.id == null || it.probe) {
        continue;
      }
      int[] c = perPhase.computeIfAbsent(it.phase, k -> new int[3]);
      c[0]++;
      if (inv.lost.contains(it.key)) {
        c[1]++;
      }
      if (inv.duplicated.contains(it.key)) {
        c[2]++;
      }
    }
    StringBuilder t = new StringBuilder();
    t.append("\n故障注入结果 / fault campaign (")
        .append(d.run)
        .append(", ")
        .append((long) RATE)
        .append(" reports/s offered)\n");
    t.append(
        "| 故障 fault (kill -9) | 已确认上报 acknowledged | 丢失 lost | 重复 duplicated |"
            + " 重启到就绪 restart → ready (s) | 就绪到完全恢复 ready → full recovery (s) |\n");
    t.append("|---|---:|---:|---:|---:|---:|\n");
    int[] base = perPhase.getOrDefault(0, new int[3]);
    t.append(
        "| (steady load between faults) | %d | %d | %d | – | – |%n"
            .formatted(base[0], base[1], base[2]));
    int[] all = base.clone();
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      int[] c = perPhase.getOrDefault(i + 1, new int[3]);
      for (int k = 0; k < 3; k++) {
        all[k] += c[k];
      }
      t.append(
          "| %s | %d | %d | %d | %.1f | %s |%n"
              .formatted(
                  o.fault,
                  c[0],
                  c[1],
                  c[2],
                  o.readyS,
                  o.recovered ? "%.1f".formatted(o.recoveredS - o.readyS) : "not recovered"));
    }
    t.append("| **all** | **%d** | **%d** | **%d** | | |%n".formatted(all[0], all[1], all[2]));
    t.append("\ninvariants (from the databases after the load):\n");
    inv.figures.forEach((k, v) -> t.append("  ").append(k).append(": ").append(v).append('\n'));
    t.append("  client retries: ").append(d.retries.get()).append('\n');
    t.append("  simulated work finished: ").append(drained).append('\n');
    t.append("  violations: ").append(inv.violations.isEmpty() ? "none" : "").append('\n');
    inv.violations.forEach(v -> t.append("    - ").append(v).append('\n'));
    if (!d.problems.isEmpty()) {
      t.append("  chains that gave up (first 20):\n");
      d.problems.stream().limit(20).forEach(p -> t.append("    ").append(p).append('\n'));
    }
    System.out.println(t);
  }

  static void log(String s) {
    System.out.printf("[fault %tT] %s%n", System.currentTimeMillis(), s);
  }
}
