package cn.szcg.platform.inbox;

import cn.szcg.contracts.envelope.CloudEvent;
import java.util.List;

/**
 * The batch start and end of a handler that buffers a whole poll (one transaction) in memory — the
 * one copy of what assessment's figure handlers each wrote by hand: {@link #beginBatch} drops what
 * a failed batch may have left and makes a fresh batch state ({@link #newBatch}, which may read
 * ahead what the events will touch); {@link #handle} applies an event to it ({@link #apply});
 * {@link #endBatch} hands it to {@link #flush} once and forgets it, so a later batch never sees it.
 *
 * <p>A handler that buffers nothing implements {@link EventHandler} directly (its hooks are
 * no-ops). The platform always frames {@link #handle} with the two hooks, also for a single event
 * replayed on its own after a failed batch (see {@link EventHandler}).
 *
 * @param <B> the in-memory state of one batch
 */
public abstract class BatchingHandler<B> implements EventHandler {

  private B batch;

  /** A fresh state for the batch about to be handled ({@code deliveries} in order, never empty). */
  protected abstract B newBatch(List<Delivery> deliveries);

  /** Applies one event to the batch's state. */
  protected abstract void apply(B batch, CloudEvent event, Record payload);

  /** Writes what the batch buffered; in the batch's transaction, before it commits. */
  protected abstract void flush(B batch);

  @Override
  public final void beginBatch(List<Delivery> deliveries) {
    batch = newBatch(deliveries);
  }

  @Override
  public final void handle(CloudEvent event, Record payload) {
    if (batch == null) {
      throw new IllegalStateException(name() + ": an event outside a batch");
    }
    apply(batch, event, payload);
  }

  @Override
  public final void endBatch() {
    B b = batch;
    batch = null;
    if (b != null) {
      flush(b);
    }
  }
}
