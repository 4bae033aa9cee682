package cn.szcg.platform.inbox;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.envelope.CloudEvent;
import java.util.List;
import java.util.Set;

/**
 * A consumer of events. Implementations are CDI beans; {@link EventConsumers} runs one Kafka
 * consumer per handler (group {@code <service>.<name>}) and calls {@link #handle} inside a
 * transaction in which the event id is recorded first, so a redelivered event changes nothing.
 *
 * <p>Events come in batches (one Kafka poll, one transaction): {@link #beginBatch} is called with
 * the events about to be handled (first-time ones only, in order), then {@link #handle} once for
 * each, then {@link #endBatch} — all in the same transaction. A handler may therefore read ahead
 * what it needs for the whole batch in a few statements, keep state in memory between the calls and
 * write it at {@link #endBatch}. If the batch fails, the transaction is rolled back and the events
 * are applied again one by one, each in its own transaction framed by the same three calls (so a
 * handler must drop whatever a failed batch left at the next {@link #beginBatch}). Handlers that
 * need none of this keep the default no-op hooks.
 */
public interface EventHandler {

  /** One decoded event of a batch. */
  record Delivery(CloudEvent event, Record payload) {}

  /** Stable name, part of the consumer group id and of the inbox key. */
  String name();

  /** Topics to subscribe to. */
  List<String> topics();

  /** Event types this handler applies; other (known) types on the topics are skipped. */
  Set<EventType> types();

  /**
   * Called in the transaction before the first {@link #handle} of a batch, with the events that
   * will be handled, in order (never empty). Drop any state left from an earlier batch (it may have
   * been rolled back). Default: nothing.
   */
  default void beginBatch(List<Delivery> batch) {}

  /** Applies one event. Runs in the caller's transaction; throw to roll back. */
  void handle(CloudEvent event, Record payload);

  /**
   * Called after the last {@link #handle} of a batch, in the same transaction, before it commits:
   * write what was buffered. Throw to roll back the batch. Default: nothing.
   */
  default void endBatch() {}
}
