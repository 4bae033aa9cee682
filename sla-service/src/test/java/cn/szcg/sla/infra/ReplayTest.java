package cn.szcg.sla.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.EventHandler;
import cn.szcg.sla.application.ClockEventHandler;
import cn.szcg.sla.application.ClockScheduler;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The clocks can be rebuilt from the event history with identical results: a generated history of
 * cases (returns, extensions, suspensions, failed checks, emergencies, fringe zones, rejections) is
 * sent over Kafka and applied by the service's consumer (the live result); the clocks and the
 * clocks events are snapshotted and wiped; a fresh consumer group re-reads szcg.intake and
 * szcg.cases from the earliest offset into the empty store; both are compared field by field.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ReplayTest {

  @Inject ClockEventHandler handler;
  @Inject ClockScheduler scheduler;
  @Inject EntityManager em;

  record Step(String id, String caseId, Instant time, Record payload) {}

  static List<Step> history(long seed, int cases) {
    Random rnd = new Random(seed);
    List<Step> out = new ArrayList<>();
    TimeLimit[] limits = {
      new TimeLimit(4, LimitUnit.WORKING_HOURS),
      new TimeLimit(1, LimitUnit.WORKING_DAYS),
      new TimeLimit(3, LimitUnit.WORKING_DAYS),
      new TimeLimit(2, LimitUnit.NATURAL_HOURS),
      new TimeLimit(90, LimitUnit.WORKING_MINUTES)
    };
    for (int k = 0; k < cases; k++) {
      String c = "replay-" + seed + "-" + k;
      Instant t =
          Instant.parse("2026-01-05T00:00:00Z")
              .plus(Duration.ofMinutes(rnd.nextInt(60 * 24 * 150)));
      List<Step> s = new ArrayList<>();
      Zone zone = rnd.nextInt(4) == 0 ? Zone.FRINGE : Zone.URBAN;
      boolean em = rnd.nextInt(6) == 0;
      TimeLimit limit = limits[rnd.nextInt(limits.length)];
      s.add(step(c, s.size(), t, Ev.registered(c, t, Zone.URBAN)));
      if (zone == Zone.FRINGE) {
        t = t.plusSeconds(60 + rnd.nextInt(600));
        s.add(step(c, s.size(), t, Ev.located(c, Zone.FRINGE, t)));
      }
      t = t.plusSeconds(60 + rnd.nextInt(3600 * 2));
      if (rnd.nextInt(8) == 0) {
        s.add(step(c, s.size(), t, new ReportRejected(c, "无效", false, "C0001", t, "op")));
        out.addAll(s);
        continue;
      }
      s.add(step(c, s.size(), t, Ev.filed(c, t, t, limit, zone, em)));
      long seq = 1;
      String order = c + "-O1";
      String unit = "U" + rnd.nextInt(5);
      t = t.plusSeconds(60 + rnd.nextInt(3600 * 3));
      s.add(
          step(
              c,
              s.size(),
              t,
              Ev.transition(c, ++seq, "DISPATCH", t, order, unit, limit, zone, em, null)));
      if (rnd.nextInt(5) == 0) {
        t = t.plusSeconds(60 + rnd.nextInt(3000));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "REQUEST_RETURN", t, order, unit, null, zone, em, null)));
        t = t.plusSeconds(60 + rnd.nextInt(3000));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "APPROVE_RETURN", t, order, unit, null, zone, em, null)));
        order = c + "-O2";
        unit = "U" + (5 + rnd.nextInt(5));
        t = t.plusSeconds(60 + rnd.nextInt(3000));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "DISPATCH", t, order, unit, limit, zone, em, null)));
      }
      int rounds = 1 + (rnd.nextInt(4) == 0 ? 1 : 0);
      boolean open = rnd.nextInt(6) == 0;
      for (int r = 1; r <= rounds && !open; r++) {
        t = t.plusSeconds(60 + rnd.nextInt(7200));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "SIGN_FOR", t, order, unit, null, zone, em, null)));
        if (!em && rnd.nextInt(4) == 0) {
          // 挂起/恢复 (缓办): some before the handling deadline (paused, the deadline moves), some
          // after it (not paused: the breach stands), one in three never resumed before the end
          t = t.plusSeconds(60 + rnd.nextInt(3600 * 8));
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "SUSPEND", t, order, unit, null, zone, em, null)));
          t = t.plusSeconds(600 + rnd.nextInt(3600 * 48));
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "RESUME", t, order, unit, null, zone, em, null)));
        }
        if (!em && rnd.nextInt(5) == 0) {
          t = t.plusSeconds(60 + rnd.nextInt(3600));
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(
                      c,
                      ++seq,
                      "GRANT_EXTENSION",
                      t,
                      order,
                      unit,
                      null,
                      zone,
                      em,
                      t.plus(Duration.ofDays(5 + rnd.nextInt(5))))));
        }
        t = t.plusSeconds(600 + rnd.nextInt(3600 * 30));
        s.add(
            step(
                c,
                s.size(),
                t,
                Ev.transition(c, ++seq, "SUBMIT_FEEDBACK", t, order, unit, null, zone, em, null)));
        t = t.plusSeconds(60 + rnd.nextInt(3600 * 3));
        boolean fail = r < rounds;
        if (fail) {
          order = order + "-R" + (r + 1);
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "FAIL_CHECK", t, order, unit, limit, zone, em, null)));
        } else {
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "PASS_CHECK", t, order, unit, null, zone, em, null)));
          t = t.plusSeconds(60 + rnd.nextInt(600));
          s.add(
              step(
                  c,
                  s.size(),
                  t,
                  Ev.transition(c, ++seq, "CLOSE", t, null, null, null, zone, em, null)));
        }
      }
      out.addAll(s);
    }
    return out;
  }

  static Step step(String caseId, int n, Instant t, Record payload) {
    return new Step(caseId + "-e" + n, caseId, t, payload);
  }

  static CloudEvent envelope(Step s) {
    CloudEvent e = Ev.wrap(s.caseId(), s.time(), s.payload());
    return new CloudEvent(s.id(), e.source(), e.type(), e.subject(), e.time(), e.data());
  }

  static String topicOf(Step s) {
    return s.payload() instanceof CaseTransitioned ? Topics.CASES : Topics.INTAKE;
  }

  /**
   * The live run: every event goes over Kafka to the service's own consumer (group
   * sla-service.clocks, platform inbox). Sent in rounds — the k-th event of every case, then wait
   * until the consumer has applied them all — because a case's events are on two topics (intake,
   * cases) and a consumer may read the two in any interleaving; production events are minutes
   * apart, the generated ones would arrive in one burst.
   */
  void sendLive(List<Step> steps) {
    Map<String, List<Step>> byCase = new LinkedHashMap<>();
    steps.forEach(s -> byCase.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(s));
    int rounds = byCase.values().stream().mapToInt(List::size).max().orElse(0);
    for (int k = 0; k < rounds; k++) {
      List<Ev.Out> round = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (List<Step> cs : byCase.values()) {
        if (k < cs.size()) {
          Step s = cs.get(k);
          round.add(new Ev.Out(topicOf(s), envelope(s)));
          ids.add(s.id());
        }
      }
      Ev.sendAll(round);
      Await.until(
          "round " + k + " applied",
          Duration.ofSeconds(60),
          () -> applied(ids),
          n -> n == ids.size());
    }
  }

  long applied(List<String> ids) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM inbox WHERE consumer = 'clocks'"
                                    + " AND event_id = ANY(?1)")
                            .setParameter(1, ids.toArray(new String[0]))
                            .getSingleResult())
                    .longValue());
  }

  /**
   * The rebuild: a fresh consumer group reads szcg.intake and szcg.cases from the earliest offset
   * up to the end offsets seen when it starts, keeps the events of the cases asked for, merges the
   * two topics by event time (stable, so each partition's order is kept) and applies them through
   * the handler into the emptied clock store, one transaction per event as the live consumer would.
   */
  int rebuildFromKafka(String prefix) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.kafka().bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "sla-service.clocks-rebuild-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<CloudEvent> history = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts = new ArrayList<>();
      for (String topic : handler.topics()) {
        consumer
            .partitionsFor(topic)
            .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
      }
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        assertTrue(System.nanoTime() < deadline, "history not read within 60 s");
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null && r.key().startsWith(prefix)) {
            history.add(CloudEvent.fromKafka(r.headers(), r.value()));
          }
        }
      }
    }
    history.sort(Comparator.comparing(CloudEvent::time));
    for (CloudEvent e : history) {
      Record payload = EventCodec.payload(e);
      if (handler.types().contains(EventCodec.typeOf(e))) {
        QuarkusTransaction.requiringNew()
            .run(
                () -> {
                  handler.beginBatch(List.of(new EventHandler.Delivery(e, payload)));
                  handler.handle(e, payload);
                  handler.endBatch();
                });
      }
    }
    return history.size();
  }

  @SuppressWarnings("unchecked")
  List<String> snapshot(String prefix) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<String> rows = new ArrayList<>();
              for (Object r :
                  em.createNativeQuery(
                          "SELECT concat_ws('|', id, case_id, stage, order_id, unit_id, zone, emergency,"
                              + " limit_amount, limit_unit, started_at, warning_at, deadline, state,"
                              + " stopped_at, stop_reason, on_time, snapshot, warned_at IS NOT NULL,"
                              + " breached_at IS NOT NULL, next_due, policy_version, calendar_version)"
                              + " FROM stage_clock WHERE case_id LIKE ?1 ORDER BY id")
                      .setParameter(1, prefix + "%")
                      .getResultList()) {
                rows.add((String) r);
              }
              // the clocks events, without the moment they were published and whether that was late
              for (Object r :
                  em.createNativeQuery(
                          "SELECT concat_ws('|', msg_key, event_type,"
                              + " (payload::jsonb - 'publishedAt' - 'late')::text)"
                              + " FROM outbox WHERE topic = 'szcg.clocks' AND msg_key LIKE ?1"
                              + " ORDER BY msg_key, id")
                      .setParameter(1, prefix + "%")
                      .getResultList()) {
                rows.add((String) r);
              }
              return rows;
            });
  }

  void wipe(String prefix) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery("DELETE FROM stage_clock WHERE case_id LIKE ?1")
                  .setParameter(1, prefix + "%")
                  .executeUpdate();
              em.createNativeQuery("DELETE FROM case_clock_info WHERE case_id LIKE ?1")
                  .setParameter(1, prefix + "%")
                  .executeUpdate();
              em.createNativeQuery(
                      "DELETE FROM outbox WHERE topic = 'szcg.clocks' AND msg_key LIKE ?1")
                  .setParameter(1, prefix + "%")
                  .executeUpdate();
            });
  }

  @Test
  void rebuildingFromTheKafkaHistoryGivesTheLiveClocks() {
    long seed = System.nanoTime() % 100_000;
    String prefix = "replay-" + seed + "-";
    List<Step> steps = history(seed, 60);
    scheduler.stop(); // replay mode: moments are published by the events alone
    try {
      sendLive(steps);
      List<String> live = snapshot(prefix);
      assertTrue(live.size() > 100, "too little history: " + live.size());
      assertTrue(live.stream().anyMatch(r -> r.contains("clock-breached")), "no breach");
      assertTrue(live.stream().anyMatch(r -> r.contains("clock-deadline-changed")));
      assertTrue(live.stream().anyMatch(r -> r.contains("FAIL_CHECK")));
      assertTrue(live.stream().anyMatch(r -> r.contains("RESUME 恢复")), "no resumed pause");
      wipe(prefix);
      assertEquals(0, snapshot(prefix).size());
      int read = rebuildFromKafka(prefix);
      assertEquals(steps.size(), read, "events read back from Kafka");
      List<String> rebuilt = snapshot(prefix);
      assertEquals(live.size(), rebuilt.size());
      for (int i = 0; i < live.size(); i++) {
        assertEquals(live.get(i), rebuilt.get(i), "row " + i + " (seed " + seed + ")");
      }
    } finally {
      scheduler.start();
    }
  }
}
