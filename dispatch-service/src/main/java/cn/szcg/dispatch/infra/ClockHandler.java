package cn.szcg.dispatch.infra;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockDeadlineChanged;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
 * Upserts by clock id: a redelivered or repeated event changes nothing.
 */
@ApplicationScoped
public class ClockHandler implements EventHandler {

  static final String RETURN_WINDOW = "RETURN_WINDOW";
  static final String HANDLING = "HANDLING";
  static final String SUB_DISPATCH_TO_SIGN_FOR = "SUB_DISPATCH_TO_SIGN_FOR";

  @Inject EntityManager em;
  @Inject CaseStore cases;
  @Inject Snapshots snapshots;

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
  public void handle(CloudEvent event, Record payload) {
    if (payload instanceof ClockStarted s) {
      started(s);
    } else if (payload instanceof ClockBreached b) {
      breached(b);
    } else if (payload instanceof ClockDeadlineChanged d && HANDLING.equals(d.stage())) {
      upsert(d.clockId(), d.caseId(), d.orderId(), d.stage(), d.deadline(), null);
    }
  }

  private void started(ClockStarted s) {
    boolean subReturnWindow = SUB_DISPATCH_TO_SIGN_FOR.equals(s.stage());
    if (!RETURN_WINDOW.equals(s.stage()) && !HANDLING.equals(s.stage()) && !subReturnWindow) {
      return;
    }
    if (!subReturnWindow) {
      upsert(s.clockId(), s.caseId(), s.orderId(), s.stage(), s.deadline(), null);
    }
    if (!(RETURN_WINDOW.equals(s.stage()) || subReturnWindow) || s.orderId() == null) {
      return;
    }
    CaseEntity c = em.find(CaseEntity.class, s.caseId(), LockModeType.PESSIMISTIC_WRITE);
    if (c == null || c.snapshot == null) {
      return; // not (yet) known here; the order's provisional window stays
    }
    DispatchCase before = snapshots.readCase(c.snapshot);
    DispatchCase after = before.withReturnDeadline(s.orderId(), s.deadline());
    if (after != before) {
      cases.replaceSnapshot(c, after);
    }
  }

  private void breached(ClockBreached b) {
    if (!HANDLING.equals(b.stage())) {
      return;
    }
    upsert(b.clockId(), b.caseId(), b.orderId(), b.stage(), b.deadline(), b.publishedAt());
  }

  private void upsert(
      String clockId,
      String caseId,
      String orderId,
      String stage,
      Instant deadline,
      Instant breach) {
    em.createNativeQuery(
            "INSERT INTO order_clock (clock_id, case_id, order_id, stage, deadline, breached_at,"
                + " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (clock_id) DO"
                + " UPDATE SET deadline = EXCLUDED.deadline, breached_at ="
                + " COALESCE(order_clock.breached_at, EXCLUDED.breached_at), updated_at ="
                + " EXCLUDED.updated_at")
        .setParameter(1, clockId)
        .setParameter(2, caseId)
        .setParameter(3, orderId)
        .setParameter(4, stage)
        .setParameter(5, Timestamp.from(deadline))
        .setParameter(6, breach == null ? null : Timestamp.from(breach))
        .setParameter(7, Timestamp.from(Instant.now()))
        .executeUpdate();
  }
}
