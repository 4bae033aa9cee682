package cn.szcg.console.live;

import cn.szcg.console.ConsoleConfig;
import cn.szcg.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the suite's events for the push channel: intake's ({@link Topics#INTAKE}), dispatch's
 * ({@link Topics#CASES}) and sla's ({@link Topics#CLOCKS}), every partition, from the latest offset
 * at start, and hands each as a {@link Change} to the {@link LiveHub}.
 *
 * <p>Every console replica must see every event (a person's stream is on one replica), so there is
 * no consumer group: the partitions are <em>assigned</em> (no group.id, nothing committed, no
 * rebalancing between replicas); partitions that appear later (a topic created after the console,
 * partitions added) are picked up at their end within {@code refresh}. Nothing is replayed after a
 * restart: a browser whose stream broke re-reads its screen anyway.
 */
@ApplicationScoped
public class LiveFeed {

  private static final Logger LOG = Logger.getLogger(LiveFeed.class);
  static final List<String> TOPICS =
      List.of(Topics.INTAKE, Topics.CASES, Topics.CLOCKS, Topics.NOTIFICATIONS);

  private final LiveHub hub;
  private final Audiences audiences;
  private final String bootstrap;
  private final Duration refresh;
  private volatile boolean running;
  private volatile boolean ready;
  private volatile KafkaConsumer<String, String> consumer;
  private Thread thread;

  LiveFeed(
      LiveHub hub,
      Audiences audiences,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      ConsoleConfig config) {
    this.hub = hub;
    this.audiences = audiences;
    this.bootstrap = bootstrap;
    this.refresh = config.live().partitionRefresh();
  }

  void start(@Observes StartupEvent ev) {
    running = true;
    thread = new Thread(this::run, "console-live-kafka");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent ev) {
    running = false;
    KafkaConsumer<String, String> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** True once a partition of each topic is assigned and positioned at its end. */
  public boolean ready() {
    return ready;
  }

  private void run() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(
        ConsumerConfig.CLIENT_ID_CONFIG,
        "console-live-" + UUID.randomUUID().toString().substring(0, 8));
    // no group.id: partitions are assigned, nothing is committed (every replica reads everything)
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
    Set<TopicPartition> assigned = new HashSet<>();
    long nextRefresh = 0;
    while (running) {
      try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
        consumer = c;
        assigned.clear();
        nextRefresh = 0;
        while (running) {
          if (System.currentTimeMillis() >= nextRefresh) {
            boolean complete = refresh(c, assigned);
            ready = complete;
            nextRefresh = System.currentTimeMillis() + (complete ? refresh.toMillis() : 1_000);
          }
          if (assigned.isEmpty()) {
            Thread.sleep(200);
            continue;
          }
          for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
            handle(r.headers(), r.value());
          }
        }
      } catch (WakeupException e) {
        // stopping
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        ready = false;
        LOG.warnf("live feed: %s — retrying in 2 s", e.toString());
        try {
          Thread.sleep(2_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Assigns partitions not yet assigned, at their end; true if every topic has partitions. */
  private static boolean refresh(KafkaConsumer<String, String> c, Set<TopicPartition> assigned) {
    List<TopicPartition> fresh = new ArrayList<>();
    boolean complete = true;
    for (String topic : TOPICS) {
      List<PartitionInfo> parts;
      try {
        parts = c.partitionsFor(topic, Duration.ofSeconds(5));
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        parts = List.of();
      }
      if (parts == null || parts.isEmpty()) {
        complete = false;
        continue;
      }
      for (PartitionInfo pi : parts) {
        TopicPartition tp = new TopicPartition(pi.topic(), pi.partition());
        if (!assigned.contains(tp)) {
          fresh.add(tp);
        }
      }
    }
    if (!fresh.isEmpty()) {
      assigned.addAll(fresh);
      c.assign(assigned);
      c.seekToEnd(fresh);
      fresh.forEach(c::position); // fixes "the end" now, not at the next poll
      LOG.infof("live feed: reading %d partitions of %s from their end", assigned.size(), TOPICS);
    }
    return complete;
  }

  /**
   * Hands the change a record announces to the hub with its audience (the units and collectors it
   * concerns besides the command center, {@link Audiences}).
   */
  void handle(Headers headers, String value) {
    toChange(headers, value)
        .ifPresent(c -> hub.publish(c, audiences.of(header(headers, "ce_type"), c.id(), value)));
  }

  /** The change a record announces; empty for anything that is not a pushed CloudEvent. */
  static java.util.Optional<Change> toChange(Headers headers, String value) {
    String type = header(headers, "ce_type");
    String subject = header(headers, "ce_subject");
    String time = header(headers, "ce_time");
    if (type == null || time == null) {
      return java.util.Optional.empty();
    }
    try {
      return Change.of(type, subject, Instant.parse(time), value);
    } catch (DateTimeParseException e) {
      return java.util.Optional.empty();
    }
  }

  private static String header(Headers headers, String key) {
    Header h = headers == null ? null : headers.lastHeader(key);
    return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
