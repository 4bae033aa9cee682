package cn.szcg.platform.inbox;

import cn.szcg.contracts.envelope.CloudEvent;
import java.util.List;

/**
 * The base of a handler that applies a poll's events to state of its own and writes it back once
 * per poll (see {@link EventHandler}: one poll, one transaction). {@link #beginBatch} opens a fresh
 * {@link Batch} for the poll's deliveries (dropping whatever a rolled-back batch left), {@link
 * #handle} applies each event to it, {@link #endBatch} takes it and {@link Batch#flush flushes} it
 * — the start/end code every batching consumer used to write by hand.
 *
 * <p>One consumer thread per handler, so the open batch is a plain field. An event handled outside
 * a batch (no {@link #beginBatch} before) is refused: the platform always frames {@link #handle},
 * also for a single event.
 *
 * @param <B> the handler's per-poll state
 */
public abstract class BatchingEventHandler<B extends BatchingEventHandler.Batch>
    implements EventHandler {

  /** What one poll reads ahead, keeps in memory while its events are applied and writes back. */
  public interface Batch {
    /** Writes what the batch holds, in the poll's transaction. */
    void flush();
  }

  private B batch;

  /**
   * A new batch for these deliveries (in order, never empty); it may read ahead, in a few
   * statements, what the events will touch.
   */
  protected abstract B openBatch(List<Delivery> deliveries);

  /** Applies one event of the open batch to it. */
  protected abstract void apply(B batch, CloudEvent event, Record payload);

  @Override
  public void beginBatch(List<Delivery> deliveries) {
    batch = null; // a failed open leaves no half-read batch behind
    batch = openBatch(deliveries);
  }

  @Override
  public void handle(CloudEvent event, Record payload) {
    B b = batch;
    if (b == null) {
      throw new IllegalStateException(
          name() + ": event " + event.id() + " handled outside a batch (no beginBatch)");
    }
    apply(b, event, payload);
  }

  @Override
  public void endBatch() {
    B b = batch;
    batch = null;
    if (b != null) {
      b.flush();
    }
  }
}
