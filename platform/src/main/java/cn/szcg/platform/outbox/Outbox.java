package cn.szcg.platform.outbox;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events into the transactional outbox. Must be called inside the transaction that makes the
 * state change: the event exists if and only if the change was committed. {@link OutboxRelay} sends
 * it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

  @Inject EntityManager em;
  @Inject AfterCommit afterCommit;
  @Inject OutboxRelay relay;

  @ConfigProperty(name = "quarkus.application.name")
  String serviceName;

  /** Publishes a payload about one case; returns the CloudEvent written. */
  @Transactional(Transactional.TxType.MANDATORY)
  public CloudEvent publish(String caseId, Record payload) {
    return publish(caseId, payload, Instant.now());
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public CloudEvent publish(String caseId, Record payload, Instant time) {
    CloudEvent event = EventCodec.wrap(serviceName, caseId, time, payload);
    EventType type = EventCodec.typeOf(event);
    write(
        event.id(), type.topic(), caseId, event.type(), headersOf(event.toHeaders()), event.data());
    return event;
  }

  /** Writes a raw record (e.g. a dead letter) to be relayed as it is. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void writeRaw(
      String eventId,
      String topic,
      String key,
      String type,
      Map<String, String> headers,
      String value) {
    write(eventId, topic, key, type, headers, value);
  }

  private void write(
      String eventId,
      String topic,
      String key,
      String type,
      Map<String, String> headers,
      String value) {
    em.createNativeQuery(
            "INSERT INTO outbox (event_id, topic, msg_key, event_type, headers, payload)"
                + " VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6)")
        .setParameter(1, eventId)
        .setParameter(2, topic)
        .setParameter(3, key)
        .setParameter(4, type)
        .setParameter(5, EventCodec.toJson(headers))
        .setParameter(6, value)
        .executeUpdate();
    afterCommit.once(OutboxRelay.class, relay::wake);
  }

  static Map<String, String> headersOf(Headers headers) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Header h : headers) {
      map.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
    }
    return map;
  }
}
