package cn.szcg.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.envelope.CloudEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The start/end frame of a batching handler: one batch per poll, flushed once, then dropped. */
class BatchingEventHandlerTest {

  record Noted(String id) {}

  /** Collects the ids of a batch's events; flushing appends them to {@code flushed}. */
  static final class Collecting extends BatchingEventHandler<Collecting.Ids> {
    final List<List<String>> flushed = new ArrayList<>();
    final List<Integer> opened = new ArrayList<>();

    final class Ids implements Batch {
      final List<String> ids = new ArrayList<>();

      @Override
      public void flush() {
        flushed.add(ids);
      }
    }

    @Override
    public String name() {
      return "collecting";
    }

    @Override
    public List<String> topics() {
      return List.of("t");
    }

    @Override
    public Set<EventType> types() {
      return Set.of();
    }

    @Override
    protected Ids openBatch(List<Delivery> deliveries) {
      opened.add(deliveries.size());
      return new Ids();
    }

    @Override
    protected void apply(Ids batch, CloudEvent event, Record payload) {
      batch.ids.add(event.id());
    }
  }

  static CloudEvent event(String id) {
    return new CloudEvent(id, "test", "t.v1", "case-1", Instant.EPOCH, "{}");
  }

  static List<EventHandler.Delivery> deliveries(String... ids) {
    List<EventHandler.Delivery> out = new ArrayList<>();
    for (String id : ids) {
      out.add(new EventHandler.Delivery(event(id), new Noted(id)));
    }
    return out;
  }

  @Test
  void eachPollIsOneBatchFlushedOnceAtTheEnd() {
    Collecting h = new Collecting();
    h.beginBatch(deliveries("a", "b"));
    h.handle(event("a"), new Noted("a"));
    h.handle(event("b"), new Noted("b"));
    assertEquals(List.of(), h.flushed, "nothing is written before the end of the poll");
    h.endBatch();
    h.beginBatch(deliveries("c"));
    h.handle(event("c"), new Noted("c"));
    h.endBatch();
    assertEquals(List.of(List.of("a", "b"), List.of("c")), h.flushed);
    assertEquals(List.of(2, 1), h.opened);
  }

  @Test
  void aRolledBackBatchIsDroppedByTheNextBegin() {
    Collecting h = new Collecting();
    h.beginBatch(deliveries("a", "b"));
    h.handle(event("a"), new Noted("a"));
    // the poll failed before endBatch: the platform retries the events one by one
    h.beginBatch(deliveries("a"));
    h.handle(event("a"), new Noted("a"));
    h.endBatch();
    h.endBatch(); // a second end has nothing left to write
    assertEquals(List.of(List.of("a")), h.flushed);
  }

  @Test
  void anEventOutsideABatchIsRefused() {
    Collecting h = new Collecting();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> h.handle(event("x"), new Noted("x")));
    assertEquals("collecting: event x handled outside a batch (no beginBatch)", e.getMessage());
  }
}
