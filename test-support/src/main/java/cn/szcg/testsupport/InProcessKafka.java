package cn.szcg.testsupport;

import cn.szcg.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, one combined node) inside the test JVM. The internal topics get
 * replication factor 1, otherwise consumers hang waiting for a coordinator. Topics of the suite are
 * created up front with a few partitions, as in production (auto-creation stays on only for the
 * dead-letter topic a test may produce to).
 */
public final class InProcessKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;

  private InProcessKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  public static InProcessKafka start() {
    try {
      KafkaClusterTestKit cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "4")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
              .setConfigProp("share.coordinator.state.topic.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "false")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      InProcessKafka kafka = new InProcessKafka(cluster);
      kafka.createTopics(Topics.all(), 4);
      return kafka;
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the in-process Kafka broker", e);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public void createTopics(List<String> names, int partitions) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      List<NewTopic> topics = new ArrayList<>();
      for (String n : names) {
        topics.add(new NewTopic(n, partitions, (short) 1).configs(Map.of()));
      }
      admin.createTopics(topics).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics " + names, e);
    }
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      // best effort at the end of a test run
    }
  }
}
