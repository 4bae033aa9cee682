package cn.szcg.platform.outbox;

import cn.szcg.contracts.envelope.EventCodec;
import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to Kafka: one relay at a time per database (a transaction-scoped advisory
 * lock), rows in id order, marked sent only after the broker acknowledged them. A crash between
 * send and mark re-sends (at least once); consumers are idempotent. If the broker is down the rows
 * wait and drain in order when it is back.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final long LOCK_KEY = 0x5A434721L; // "ZCG!": one relay per database

  @Inject EntityManager em;
  @Inject MeterRegistry registry;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "szcg.outbox.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.outbox.batch-size", defaultValue = "500")
  int batchSize;

  @ConfigProperty(name = "szcg.outbox.idle-poll-ms", defaultValue = "250")
  long idlePollMs;

  @ConfigProperty(name = "szcg.outbox.retention-hours", defaultValue = "168")
  long retentionHours;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private final AtomicLong pending = new AtomicLong();
  private volatile boolean signalled;
  private volatile boolean running;
  private volatile Thread thread;
  private KafkaProducer<String, String> producer;
  private Counter relayed;
  private Counter failures;
  private long lastCleanup;

  void onStart(@Observes StartupEvent ev) {
    relayed = registry.counter("szcg.outbox.relayed");
    failures = registry.counter("szcg.outbox.failures");
    registry.gauge("szcg.outbox.pending", pending);
    if (enabled) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent ev) {
    stop();
  }

  /** Starts the relay thread (idempotent). */
  public synchronized void start() {
    if (running) {
      return;
    }
    producer = new KafkaProducer<>(producerConfig());
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the relay thread; unsent rows stay in the outbox. */
  public synchronized void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      wake();
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
    if (producer != null) {
      producer.close(java.time.Duration.ofSeconds(5));
      producer = null;
    }
  }

  public boolean isRunning() {
    return running;
  }

  /** Called after a commit that wrote outbox rows: relay now rather than at the next poll. */
  public void wake() {
    lock.lock();
    try {
      signalled = true;
      wakeUp.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private Properties producerConfig() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "2");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    return p;
  }

  private void loop() {
    long backoff = 200;
    while (running) {
      try {
        int sent = relayOnce();
        backoff = 200;
        if (sent == 0) {
          await(idlePollMs);
        }
        cleanupIfDue();
      } catch (Exception e) {
        failures.increment();
        LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoff, e.toString());
        await(backoff);
        backoff = Math.min(backoff * 2, 5_000);
      }
    }
  }

  private void await(long millis) {
    lock.lock();
    try {
      if (!signalled && running) {
        wakeUp.await(millis, TimeUnit.MILLISECONDS);
      }
      signalled = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  /** Relays one batch; returns how many rows were sent (0 if none or another relay holds it). */
  public int relayOnce() {
    return QuarkusTransaction.requiringNew()
        .timeout(60)
        .call(
            () -> {
              Object locked =
                  em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                      .setParameter(1, LOCK_KEY)
                      .getSingleResult();
              if (!Boolean.TRUE.equals(locked)) {
                return 0;
              }
              @SuppressWarnings("unchecked")
              List<Object[]> rows =
                  em.createNativeQuery(
                          "SELECT id, topic, msg_key, CAST(headers AS text), payload FROM outbox"
                              + " WHERE sent_at IS NULL ORDER BY id LIMIT ?1")
                      .setParameter(1, batchSize)
                      .getResultList();
              if (rows.isEmpty()) {
                pending.set(0);
                return 0;
              }
              List<Future<?>> acks = new ArrayList<>(rows.size());
              List<Long> ids = new ArrayList<>(rows.size());
              for (Object[] r : rows) {
                ids.add(((Number) r[0]).longValue());
                acks.add(producer.send(toRecord(r)));
              }
              producer.flush();
              for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
              }
              em.createNativeQuery("UPDATE outbox SET sent_at = now() WHERE id = ANY(?1)")
                  .setParameter(1, ids.toArray(new Long[0]))
                  .executeUpdate();
              relayed.increment(rows.size());
              pending.set(rows.size() == batchSize ? batchSize : 0);
              return rows.size();
            });
  }

  private static ProducerRecord<String, String> toRecord(Object[] row) throws Exception {
    Map<String, String> headers =
        EventCodec.mapper().readValue((String) row[3], new TypeReference<Map<String, String>>() {});
    RecordHeaders h = new RecordHeaders();
    headers.forEach((k, v) -> h.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
    return new ProducerRecord<>((String) row[1], null, (String) row[2], (String) row[4], h);
  }

  private void cleanupIfDue() {
    long now = System.currentTimeMillis();
    if (now - lastCleanup < 600_000) {
      return;
    }
    lastCleanup = now;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "DELETE FROM outbox WHERE sent_at IS NOT NULL"
                            + " AND sent_at < now() - make_interval(hours => ?1)")
                    .setParameter(1, (int) retentionHours)
                    .executeUpdate());
  }
}
