package cn.szcg.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.envelope.InvalidEventException;
import cn.szcg.contracts.events.ConsultationAnswered;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The CloudEvents 1.0 Kafka binding, binary content mode. */
class CloudEventTest {

  private static final Instant T = Instant.parse("2026-03-02T01:31:00Z");

  @Test
  void roundTripThroughKafkaHeaders() {
    CloudEvent e =
        EventCodec.wrap("intake-service", "case-1", T, new ConsultationAnswered("case-1", T, "op"));
    Headers h = e.toHeaders();
    assertEquals("1.0", header(h, "ce_specversion"));
    assertEquals("cn.szcg.intake.consultation-answered.v1", header(h, "ce_type"));
    assertEquals("case-1", header(h, "ce_subject"));
    assertEquals("application/json", header(h, "content-type"));
    CloudEvent back = CloudEvent.fromKafka(h, e.data());
    assertEquals(e, back);
    assertEquals(new ConsultationAnswered("case-1", T, "op"), EventCodec.payload(back));
  }

  @Test
  void eventIdsAreUnique() {
    var p = new ConsultationAnswered("case-1", T, "op");
    assertTrue(
        !EventCodec.wrap("s", "case-1", T, p)
            .id()
            .equals(EventCodec.wrap("s", "case-1", T, p).id()));
  }

  @Test
  void refusesWhatIsNotACloudEvent() {
    assertThrows(
        InvalidEventException.class, () -> CloudEvent.fromKafka(new RecordHeaders(), "{}"));
    Headers wrongVersion = headers("0.3", "cn.szcg.intake.consultation-answered.v1", T.toString());
    assertThrows(InvalidEventException.class, () -> CloudEvent.fromKafka(wrongVersion, "{}"));
    Headers badTime = headers("1.0", "cn.szcg.intake.consultation-answered.v1", "yesterday");
    assertThrows(InvalidEventException.class, () -> CloudEvent.fromKafka(badTime, "{}"));
    Headers unknownType = headers("1.0", "cn.szcg.nope.v9", T.toString());
    CloudEvent unknown = CloudEvent.fromKafka(unknownType, "{}");
    assertThrows(InvalidEventException.class, () -> EventCodec.payload(unknown));
    Headers ok = headers("1.0", "cn.szcg.intake.consultation-answered.v1", T.toString());
    assertThrows(
        InvalidEventException.class,
        () -> EventCodec.payload(CloudEvent.fromKafka(ok, "not json")));
    assertThrows(InvalidEventException.class, () -> CloudEvent.fromKafka(ok, null));
  }

  @Test
  void unknownFieldsFromANewerProducerAreIgnored() {
    Headers ok = headers("1.0", "cn.szcg.intake.consultation-answered.v1", T.toString());
    String data =
        "{\"caseId\":\"case-1\",\"answeredAt\":\"2026-03-02T01:31:00Z\",\"answeredBy\":\"op\","
            + "\"addedLater\":42}";
    assertEquals(
        new ConsultationAnswered("case-1", T, "op"),
        EventCodec.payload(CloudEvent.fromKafka(ok, data)));
  }

  private static Headers headers(String spec, String type, String time) {
    RecordHeaders h = new RecordHeaders();
    h.add("ce_specversion", spec.getBytes(StandardCharsets.UTF_8));
    h.add("ce_id", "id-1".getBytes(StandardCharsets.UTF_8));
    h.add("ce_source", "test".getBytes(StandardCharsets.UTF_8));
    h.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
    h.add("ce_subject", "case-1".getBytes(StandardCharsets.UTF_8));
    h.add("ce_time", time.getBytes(StandardCharsets.UTF_8));
    return h;
  }

  private static String header(Headers h, String k) {
    return new String(h.lastHeader(k).value(), StandardCharsets.UTF_8);
  }
}
