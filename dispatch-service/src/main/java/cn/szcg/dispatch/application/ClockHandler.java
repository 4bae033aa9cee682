package cn.szcg.dispatch.application;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockDeadlineChanged;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.dispatch.infra.OrderClockStore;
import cn.szcg.dispatch.infra.OrderClockStore.ClockRow;
import cn.szcg.platform.inbox.BatchingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What sla-service says about the orders' clocks (szcg.clocks):
 *
 * <ul>
 *   <li>{@code ClockStarted} stage RETURN_WINDOW: the return deadline (回退时限, R-16) in working time
 *       replaces the provisional one (dispatch + 1 natural hour) on the order, so the domain's
 *       return guard compares against sla-service's calendar reading;
 *   <li>{@code ClockStarted} stage SUB_DISPATCH_TO_SIGN_FOR of a sub-order: 1 working hour from the
 *       sub-dispatch (as R-13) — the same window the department has to ask for a return (二级回退, as
 *       R-16), so its deadline replaces the sub-order's provisional return deadline the same way;
 *   <li>{@code ClockDeadlineChanged} stage HANDLING: the order's handling deadline moves (an
 *       extension, or a resumption after a suspension 挂起/恢复 by the paused working time);
 *   <li>{@code ClockBreached} stage HANDLING: the order is shown as expired (过期未处置) in the case
 *       view and the unit's order list.
 * </ul>
 *
 * Upserts by clock id ({@link OrderClockStore}): a redelivered or repeated event changes nothing;
 * the return deadline goes through {@link ReturnDeadlines}. A poll's events are applied together
 * (issue 23): its clock rows in one batch, its cases locked in one statement and written once.
 */
@ApplicationScoped
public class ClockHandler extends BatchingEventHandler<ClockHandler.Batch> {

  static final String RETURN_WINDOW = "RETURN_WINDOW";
  static final String HANDLING = "HANDLING";
  static final String SUB_DISPATCH_TO_SIGN_FOR = "SUB_DISPATCH_TO_SIGN_FOR";

  @Inject OrderClockStore clocks;
  @Inject ReturnDeadlines returnDeadlines;

  /** What a poll's events change, written back at its end. */
  public final class Batch implements BatchingEventHandler.Batch {
    private final Map<String, ClockRow> rows = new LinkedHashMap<>();
    private final List<ReturnDeadlines.Deadline> deadlines = new ArrayList<>();

    private Batch() {}

    void upsert(ClockRow r) {
      rows.merge(r.clockId(), r, ClockRow::then);
    }

    @Override
    public void flush() {
      clocks.upsertAll(rows.values());
      returnDeadlines.setAll(deadlines);
    }
  }

  @Override
  public String name() {
    return "order-clocks";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.CLOCKS);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.CLOCK_STARTED, EventType.CLOCK_DEADLINE_CHANGED, EventType.CLOCK_BREACHED);
  }

  @Override
  protected Batch openBatch(List<Delivery> deliveries) {
    return new Batch();
  }

  @Override
  protected void apply(Batch batch, CloudEvent event, Record payload) {
    if (payload instanceof ClockStarted s) {
      started(batch, s);
    } else if (payload instanceof ClockBreached b) {
      breached(batch, b);
    } else if (payload instanceof ClockDeadlineChanged d && HANDLING.equals(d.stage())) {
      batch.upsert(
          new ClockRow(d.clockId(), d.caseId(), d.orderId(), d.stage(), d.deadline(), null));
    }
  }

  private void started(Batch batch, ClockStarted s) {
    boolean subReturnWindow = SUB_DISPATCH_TO_SIGN_FOR.equals(s.stage());
    if (!RETURN_WINDOW.equals(s.stage()) && !HANDLING.equals(s.stage()) && !subReturnWindow) {
      return;
    }
    if (!subReturnWindow) {
      batch.upsert(
          new ClockRow(s.clockId(), s.caseId(), s.orderId(), s.stage(), s.deadline(), null));
    }
    if (!(RETURN_WINDOW.equals(s.stage()) || subReturnWindow) || s.orderId() == null) {
      return;
    }
    batch.deadlines.add(new ReturnDeadlines.Deadline(s.caseId(), s.orderId(), s.deadline()));
  }

  private void breached(Batch batch, ClockBreached b) {
    if (!HANDLING.equals(b.stage())) {
      return;
    }
    batch.upsert(
        new ClockRow(
            b.clockId(), b.caseId(), b.orderId(), b.stage(), b.deadline(), b.publishedAt()));
  }
}
