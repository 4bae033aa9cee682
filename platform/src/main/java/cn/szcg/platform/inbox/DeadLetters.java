package cn.szcg.platform.inbox;

import cn.szcg.contracts.Topics;
import cn.szcg.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Sends an event that cannot be applied to the dead-letter topic, with the reason and where it came
 * from in headers, through the outbox (so the dead letter is not lost either). A metric counts
 * them: {@code szcg_dead_letters_total}.
 */
@ApplicationScoped
public class DeadLetters {

  private static final Logger LOG = Logger.getLogger(DeadLetters.class);

  @Inject Outbox outbox;
  @Inject MeterRegistry registry;

  @Transactional(Transactional.TxType.MANDATORY)
  public void send(String consumer, ConsumerRecord<String, String> record, String reason) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header h : record.headers()) {
      headers.put(
          h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
    }
    headers.put("szcg_dlq_reason", reason);
    headers.put("szcg_dlq_consumer", consumer);
    headers.put("szcg_dlq_topic", record.topic());
    headers.put("szcg_dlq_partition", Integer.toString(record.partition()));
    headers.put("szcg_dlq_offset", Long.toString(record.offset()));
    String key = record.key() == null ? "unknown" : record.key();
    outbox.writeRaw(
        UUID.randomUUID().toString(),
        Topics.DEAD_LETTER,
        key,
        "dead-letter",
        headers,
        record.value());
    registry.counter("szcg.dead.letters", "consumer", consumer).increment();
    LOG.warnf(
        "dead letter from %s[%d]@%d for %s: %s",
        record.topic(), record.partition(), record.offset(), consumer, reason);
  }
}
