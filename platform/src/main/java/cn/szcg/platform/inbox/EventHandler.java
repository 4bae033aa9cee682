package cn.szcg.platform.inbox;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.envelope.CloudEvent;
import java.util.List;
import java.util.Set;

/**
 * A consumer of events. Implementations are CDI beans; {@link EventConsumers} runs one Kafka
 * consumer per handler (group {@code <service>.<name>}) and calls {@link #handle} inside a
 * transaction in which the event id is recorded first, so a redelivered event changes nothing.
 */
public interface EventHandler {

  /** Stable name, part of the consumer group id and of the inbox key. */
  String name();

  /** Topics to subscribe to. */
  List<String> topics();

  /** Event types this handler applies; other (known) types on the topics are skipped. */
  Set<EventType> types();

  /** Applies one event. Runs in the caller's transaction; throw to roll back. */
  void handle(CloudEvent event, Record payload);
}
