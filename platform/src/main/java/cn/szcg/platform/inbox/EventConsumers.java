package cn.szcg.platform.inbox;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.envelope.InvalidEventException;
import cn.szcg.platform.tx.TransientFailures;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs one Kafka consumer thread per {@link EventHandler}. Each polled batch is applied in one
 * transaction (the inbox rows of the whole poll in one statement, then the handler's effect between
 * its batch hooks), then the offsets are committed; a redelivery after a crash between the two
 * changes nothing. If the batch fails, its records are applied one by one: while the database is
 * unreachable the consumer waits and retries (an outage delays, never drops); an event that cannot
 * be read, or whose handler fails while the database is fine, goes to the dead-letter topic with
 * the reason and the consumer moves on.
 */
@ApplicationScoped
public class EventConsumers {

  private static final Logger LOG = Logger.getLogger(EventConsumers.class);

  @Inject Instance<EventHandler> handlers;
  @Inject EventInbox inbox;
  @Inject DeadLetters deadLetters;
  @Inject AgroalDataSource dataSource;
  @Inject MeterRegistry registry;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  @ConfigProperty(name = "quarkus.application.name")
  String serviceName;

  @ConfigProperty(name = "szcg.consumers.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.consumers.max-poll-records", defaultValue = "500")
  int maxPollRecords;

  /**
   * How long the broker waits for a silent member before it gives the member's partitions to
   * another (Kafka's default is 45 s). A process killed with kill -9 never leaves its group: the
   * restarted one gets the partitions back only when the dead member's session has expired, so this
   * bounds the recovery after a crash (docs/stress.md).
   */
  @ConfigProperty(name = "szcg.consumers.session-timeout-ms", defaultValue = "10000")
  int sessionTimeoutMs;

  private final List<Worker> workers = new ArrayList<>();
  private final Map<String, Long> applied = new ConcurrentHashMap<>();

  void onStart(@Observes StartupEvent ev) {
    if (!enabled) {
      return;
    }
    for (EventHandler h : handlers) {
      Worker w = new Worker(h);
      workers.add(w);
      w.start();
    }
  }

  void onStop(@Observes ShutdownEvent ev) {
    workers.forEach(Worker::shutdown);
    workers.forEach(Worker::await);
  }

  /** Events applied per handler since start (for tests and diagnostics). */
  public long appliedCount(String handlerName) {
    return applied.getOrDefault(handlerName, 0L);
  }

  private final class Worker extends Thread {
    private final EventHandler handler;
    private final String group;
    private volatile boolean running = true;
    private KafkaConsumer<String, String> consumer;

    Worker(EventHandler handler) {
      super("consumer-" + handler.name());
      setDaemon(true);
      this.handler = handler;
      this.group = serviceName + "." + handler.name();
    }

    void shutdown() {
      running = false;
      KafkaConsumer<String, String> c = consumer;
      if (c != null) {
        c.wakeup();
      }
    }

    void await() {
      try {
        join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void run() {
      while (running) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config())) {
          consumer = c;
          c.subscribe(handler.topics());
          while (running) {
            ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
              process(c, records);
            }
          }
        } catch (WakeupException e) {
          // shutting down
        } catch (Exception e) {
          LOG.warnf("consumer %s restarts after: %s", group, e.toString());
          pause(1000);
        }
      }
    }

    private Properties config() {
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
      p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
      p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(maxPollRecords));
      p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Integer.toString(sessionTimeoutMs));
      p.put(
          ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
          Integer.toString(Math.max(1000, sessionTimeoutMs / 3)));
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      p.put(ConsumerConfig.CLIENT_ID_CONFIG, group + "-" + ProcessHandle.current().pid());
      return p;
    }

    private void process(KafkaConsumer<String, String> c, ConsumerRecords<String, String> records) {
      try {
        int n = QuarkusTransaction.requiringNew().call(() -> applyAll(records));
        c.commitSync();
        applied.merge(handler.name(), (long) n, Long::sum);
        return;
      } catch (WakeupException e) {
        throw e;
      } catch (Exception e) {
        LOG.debugf("batch of %d failed for %s, applying one by one: %s", records.count(), group, e);
      }
      for (TopicPartition tp : records.partitions()) {
        for (ConsumerRecord<String, String> r : records.records(tp)) {
          if (!applyOneWithRetry(r)) {
            return; // shutting down; uncommitted records are redelivered
          }
          Map<TopicPartition, OffsetAndMetadata> offset = new HashMap<>();
          offset.put(tp, new OffsetAndMetadata(r.offset() + 1));
          try {
            c.commitSync(offset);
          } catch (WakeupException e) {
            throw e;
          } catch (Exception e) {
            LOG.warnf("commit failed for %s (redelivery is harmless): %s", group, e.toString());
          }
        }
      }
    }

    /**
     * Applies a whole poll: decodes every record (an invalid one fails the batch, which then falls
     * back to one by one), records all ids in the inbox in one statement, and hands the first-time
     * events (an id twice in the poll: its first occurrence) to the handler between {@link
     * EventHandler#beginBatch} and {@link EventHandler#endBatch}.
     */
    private int applyAll(ConsumerRecords<String, String> records) {
      List<EventHandler.Delivery> decoded = new ArrayList<>(records.count());
      for (ConsumerRecord<String, String> r : records) {
        CloudEvent event = CloudEvent.fromKafka(r.headers(), r.value());
        EventType type = EventCodec.typeOf(event);
        Record payload = EventCodec.payload(event);
        if (handler.types().contains(type)) {
          decoded.add(new EventHandler.Delivery(event, payload));
        }
      }
      if (decoded.isEmpty()) {
        return 0;
      }
      Map<String, String> typesById = new LinkedHashMap<>();
      for (EventHandler.Delivery d : decoded) {
        typesById.putIfAbsent(d.event().id(), d.event().type());
      }
      Set<String> fresh = new HashSet<>(inbox.firstTime(typesById, handler.name()));
      List<EventHandler.Delivery> batch = firstOccurrences(decoded, fresh);
      int duplicates = decoded.size() - batch.size();
      if (duplicates > 0) {
        registry
            .counter("szcg.events.duplicates", "consumer", handler.name())
            .increment(duplicates);
      }
      if (batch.isEmpty()) {
        return 0;
      }
      handler.beginBatch(batch);
      for (EventHandler.Delivery d : batch) {
        handler.handle(d.event(), d.payload());
      }
      handler.endBatch();
      registry.counter("szcg.events.applied", "consumer", handler.name()).increment(batch.size());
      return batch.size();
    }

    /** Applies one record; invalid records go to the dead-letter topic. Returns 1 if applied. */
    private int apply(ConsumerRecord<String, String> r) {
      CloudEvent event;
      EventType type;
      Record payload;
      try {
        event = CloudEvent.fromKafka(r.headers(), r.value());
        type = EventCodec.typeOf(event);
        payload = EventCodec.payload(event);
      } catch (InvalidEventException e) {
        deadLetters.send(handler.name(), r, e.getMessage());
        return 0;
      }
      if (!handler.types().contains(type)) {
        return 0;
      }
      if (!inbox.firstTime(event.id(), handler.name(), event.type())) {
        registry.counter("szcg.events.duplicates", "consumer", handler.name()).increment();
        return 0;
      }
      handler.beginBatch(List.of(new EventHandler.Delivery(event, payload)));
      handler.handle(event, payload);
      handler.endBatch();
      registry.counter("szcg.events.applied", "consumer", handler.name()).increment();
      return 1;
    }

    private boolean applyOneWithRetry(ConsumerRecord<String, String> r) {
      long backoff = 500;
      while (running) {
        try {
          int n = QuarkusTransaction.requiringNew().call(() -> apply(r));
          applied.merge(handler.name(), (long) n, Long::sum);
          return true;
        } catch (WakeupException e) {
          throw e;
        } catch (Exception e) {
          // A transient database failure (connection lost, server starting up, deadlock …) is
          // waited out even when the database answers again by now: dead-lettering it would drop
          // an event that only met a restart (found by the fault campaign: an intake event lost
          // from the figures when PostgreSQL answered "starting up").
          if (TransientFailures.isTransient(e) || !databaseReachable()) {
            LOG.warnf("database unavailable, %s waits %d ms: %s", group, backoff, e.toString());
            pause(backoff);
            backoff = Math.min(backoff * 2, 10_000);
            continue;
          }
          String reason = "handler failed: " + rootMessage(e);
          try {
            QuarkusTransaction.requiringNew()
                .run(() -> deadLetters.send(handler.name(), r, reason));
            return true;
          } catch (Exception dl) {
            LOG.warnf("cannot dead-letter yet for %s: %s", group, dl.toString());
            pause(backoff);
          }
        }
      }
      return false;
    }

    private boolean databaseReachable() {
      try (Connection conn = dataSource.getConnection()) {
        return conn.isValid(2);
      } catch (Exception e) {
        return false;
      }
    }

    private void pause(long ms) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }

  /**
   * The deliveries whose id is in {@code fresh} (recorded in the inbox just now), each id once: the
   * first occurrence in poll order.
   */
  static List<EventHandler.Delivery> firstOccurrences(
      List<EventHandler.Delivery> decoded, Set<String> fresh) {
    Set<String> left = new HashSet<>(fresh);
    List<EventHandler.Delivery> out = new ArrayList<>(decoded.size());
    for (EventHandler.Delivery d : decoded) {
      if (left.remove(d.event().id())) {
        out.add(d);
      }
    }
    return out;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
