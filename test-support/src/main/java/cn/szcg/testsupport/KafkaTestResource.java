package cn.szcg.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one in-process Kafka broker for a {@code @QuarkusTest} run and points the service at it
 * ({@code kafka.bootstrap.servers}). Dev Services stay off: there is no Docker engine here.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

  private static InProcessKafka kafka;

  /** The running broker, for tests that produce or consume directly. */
  public static synchronized InProcessKafka kafka() {
    if (kafka == null) {
      kafka = InProcessKafka.start();
    }
    return kafka;
  }

  @Override
  public Map<String, String> start() {
    return Map.of(
        "kafka.bootstrap.servers",
        kafka().bootstrapServers(),
        // the in-process broker logs every partition it creates at INFO
        "quarkus.log.category.\"kafka\".level",
        "WARN",
        "quarkus.log.category.\"state.change.logger\".level",
        "WARN",
        "quarkus.log.category.\"org.apache.kafka\".level",
        "WARN");
  }

  @Override
  public void stop() {
    // The broker lives for the whole JVM; closing it between test classes would only slow down.
  }
}
