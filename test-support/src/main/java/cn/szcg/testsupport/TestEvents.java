package cn.szcg.testsupport;

import cn.szcg.contracts.envelope.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produce and read CloudEvents on a broker from a test. */
public final class TestEvents {

  private TestEvents() {}

  public static void send(String bootstrap, String topic, CloudEvent event) {
    send(bootstrap, topic, event.subject(), event.data(), event.toHeaders());
  }

  public static void send(
      String bootstrap, String topic, String key, String value, Headers headers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the topic from the beginning until {@code until} holds or the timeout passes. */
  public static List<ConsumerRecord<String, String>> readUntil(
      String bootstrap,
      String topic,
      Duration timeout,
      Predicate<List<ConsumerRecord<String, String>>> until) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    long end = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(topic));
      while (System.nanoTime() < end && !until.test(seen)) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
      }
    }
    return seen;
  }
}
