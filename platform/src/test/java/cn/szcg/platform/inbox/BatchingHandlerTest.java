package cn.szcg.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.envelope.CloudEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The batch frame of {@link BatchingHandler}: fresh state per batch, one flush, then forgotten. */
class BatchingHandlerTest {

  /** Counts the events of a batch and records each flushed count. */
  static final class Counting extends BatchingHandler<int[]> {
    final List<Integer> flushed = new ArrayList<>();

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public List<String> topics() {
      return List.of();
    }

    @Override
    public Set<EventType> types() {
      return Set.of();
    }

    @Override
    protected int[] newBatch(List<Delivery> deliveries) {
      return new int[1];
    }

    @Override
    protected void apply(int[] batch, CloudEvent event, Record payload) {
      batch[0]++;
    }

    @Override
    protected void flush(int[] batch) {
      flushed.add(batch[0]);
    }
  }

  @Test
  void eachBatchStartsFreshAndIsFlushedOnce() {
    Counting h = new Counting();
    h.beginBatch(List.of());
    h.handle(null, null);
    h.handle(null, null);
    h.endBatch();
    h.endBatch(); // a second end flushes nothing
    // a batch whose end never came (rolled back) leaves nothing for the next one
    h.beginBatch(List.of());
    h.handle(null, null);
    h.beginBatch(List.of());
    h.handle(null, null);
    h.endBatch();
    assertEquals(List.of(2, 1), h.flushed);
  }

  @Test
  void anEventOutsideABatchIsRefused() {
    assertThrows(IllegalStateException.class, () -> new Counting().handle(null, null));
  }
}
