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
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

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

  /** One event of a {@link #publishAll} batch. */
  public record Outgoing(String caseId, Record payload, Instant time) {}

  /**
   * Publishes many events in one JDBC batch (one round trip, rewritten by the driver into multi-row
   * INSERTs): for writers that group many commands into one transaction. Same guarantee as {@link
   * #publish}: the events exist if and only if the transaction commits.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<CloudEvent> publishAll(List<Outgoing> events) {
    List<CloudEvent> out = new ArrayList<>(events.size());
    for (Outgoing o : events) {
      out.add(EventCodec.wrap(serviceName, o.caseId(), o.time(), o.payload()));
    }
    if (out.isEmpty()) {
      return out;
    }
    em.unwrap(Session.class)
        .doWork(
            conn -> {
              try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
                for (int i = 0; i < out.size(); i++) {
                  CloudEvent e = out.get(i);
                  ps.setString(1, e.id());
                  ps.setString(2, EventCodec.typeOf(e).topic());
                  ps.setString(3, events.get(i).caseId());
                  ps.setString(4, e.type());
                  ps.setString(5, EventCodec.toJson(headersOf(e.toHeaders())));
                  ps.setString(6, e.data());
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
    afterCommit.once(OutboxRelay.class, relay::wake);
    return out;
  }

  private static final String INSERT =
      "INSERT INTO outbox (event_id, topic, msg_key, event_type, headers, payload)"
          + " VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?)";

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
