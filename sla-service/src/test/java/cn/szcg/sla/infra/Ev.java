package cn.szcg.sla.infra;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builders of the intake and cases events the clocks consume, and a reader of szcg.clocks. */
final class Ev {
  private Ev() {}

  static final ObjectMapper JSON = new ObjectMapper();

  static ReportRegistered registered(String caseId, Instant at, Zone zone) {
    return new ReportRegistered(
        caseId,
        "MQ2026" + Math.abs(caseId.hashCode() % 1000000),
        Channel.PATROL,
        ReportKind.REPORT,
        "C-0101",
        null,
        null,
        null,
        "C0001",
        null,
        null,
        new LocationContext(null, null, null, null, null, zone),
        at);
  }

  static LocationResolved located(String caseId, Zone zone, Instant at) {
    return new LocationResolved(
        caseId, new LocationContext("350124100", null, null, null, "G1", zone), at);
  }

  static CaseFiled filed(
      String caseId, Instant registeredAt, Instant at, TimeLimit limit, Zone zone, boolean em) {
    return new CaseFiled(
        caseId,
        "MQ2026" + Math.abs(caseId.hashCode() % 1000000),
        Channel.PATROL,
        ReportKind.REPORT,
        "C-0101",
        "井盖破损",
        1,
        limit,
        zone,
        em,
        null,
        null,
        null,
        "C0001",
        registeredAt,
        at,
        "operator1");
  }

  static CaseTransitioned transition(
      String caseId,
      long seq,
      String transition,
      Instant at,
      String orderId,
      String unitId,
      TimeLimit limit,
      Zone zone,
      boolean emergency,
      Instant newDeadline) {
    return new CaseTransitioned(
        caseId,
        seq,
        transition,
        "X",
        "Y",
        "u1",
        "OPERATOR",
        null,
        at,
        null,
        orderId,
        unitId,
        "C-0101",
        zone,
        emergency,
        limit,
        null,
        newDeadline,
        false,
        false,
        Map.of());
  }

  static TimeLimit hours(int n) {
    return new TimeLimit(n, LimitUnit.WORKING_HOURS);
  }

  static CloudEvent wrap(String caseId, Instant time, Record payload) {
    String source = payload instanceof CaseTransitioned ? "dispatch-service" : "intake-service";
    return EventCodec.wrap(source, caseId, time, payload);
  }

  static void send(String caseId, Instant time, Record payload) {
    CloudEvent e = wrap(caseId, time, payload);
    String topic = payload instanceof CaseTransitioned ? Topics.CASES : Topics.INTAKE;
    TestEvents.send(KafkaTestResource.kafka().bootstrapServers(), topic, e);
  }

  /** An event to produce: its CloudEvent envelope and the topic it belongs on. */
  record Out(String topic, CloudEvent event) {
    static Out of(String caseId, Instant time, Record payload) {
      return new Out(
          payload instanceof CaseTransitioned ? Topics.CASES : Topics.INTAKE,
          wrap(caseId, time, payload));
    }
  }

  /** Sends events in order through one producer (they reach the consumer together). */
  static void sendAll(List<Out> events) {
    java.util.Properties p = new java.util.Properties();
    p.put("bootstrap.servers", KafkaTestResource.kafka().bootstrapServers());
    p.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
    p.put(
        "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
    p.put("linger.ms", "5");
    try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(p)) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (Out o : events) {
        CloudEvent e = o.event();
        sent.add(
            producer.send(
                new org.apache.kafka.clients.producer.ProducerRecord<>(
                    o.topic(), null, e.subject(), e.data(), e.toHeaders())));
      }
      for (var f : sent) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A clocks event read back: type suffix (e.g. clock-breached), payload and record time. */
  record Read(String type, JsonNode data, long timestamp) {}

  static List<Read> clocksOf(String caseId, Duration timeout, Predicate<List<Read>> until) {
    List<Read> out = new ArrayList<>();
    TestEvents.readUntil(
        KafkaTestResource.kafka().bootstrapServers(),
        Topics.CLOCKS,
        timeout,
        seen -> {
          out.clear();
          for (ConsumerRecord<String, String> r : seen) {
            if (!caseId.equals(r.key())) {
              continue;
            }
            out.add(new Read(typeOf(r), tree(r.value()), r.timestamp()));
          }
          return until.test(out);
        });
    return out;
  }

  static String typeOf(ConsumerRecord<String, String> r) {
    var h = r.headers().lastHeader("ce_type");
    String t = h == null ? "" : new String(h.value());
    // cn.szcg.clocks.clock-breached.v1 -> clock-breached
    String[] parts = t.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] : t;
  }

  static JsonNode tree(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static long count(List<Read> rs, String type, String stage) {
    return rs.stream()
        .filter(r -> r.type().equals(type) && r.data().path("stage").asText().equals(stage))
        .count();
  }
}
