package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.FactEvent;
import cn.szcg.assessment.domain.IncidentRule;
import cn.szcg.assessment.domain.OrderPeople;
import cn.szcg.assessment.domain.OrderRef;
import cn.szcg.assessment.domain.OrderTrack;
import cn.szcg.assessment.domain.PendingPass;
import cn.szcg.assessment.domain.Satisfaction;
import cn.szcg.assessment.domain.SatisfactionRule;
import cn.szcg.assessment.infra.OrderTrackStore.CaseContext;
import cn.szcg.assessment.infra.OrderTrackStore.OrderInfo;
import cn.szcg.assessment.infra.OrderTrackStore.TrackRow;
import cn.szcg.assessment.infra.OrderTrackStore.Verdict;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.platform.inbox.EventHandler.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The event-to-fact mapping of the unit figures: what each case, clock and intake
 * event does to the order tracks of a {@link UnitFiguresBatch} — which {@link OrderTrack} step it
 * is, which facts and incidents it books. The rules themselves are the domain's ({@link
 * OrderTrack}, {@link PendingPass}, {@link SatisfactionRule}, {@link IncidentRule}, {@link
 * OrderPeople}); this class finds the track and the order an event concerns, parks a clock event
 * whose order is not known yet ({@link ParkedEvents}) and replays it when the order arrives.
 *
 * <ul>
 *   <li>one {@link OrderTrack} per case and unit (track id = the first order id of the case for
 *       that unit); re-dispatches after a failed check are further orders of the same track;
 *   <li>a passed check waits for the verdict of the order's HANDLING clock ({@link PendingPass});
 *   <li>fact ids derive from the source event id, incident ids from the order and round — replays
 *       change nothing.
 * </ul>
 */
final class UnitFactMapping {

  private static final Logger LOG = Logger.getLogger(UnitFactMapping.class);

  static final String SIGN_FOR_STAGE = "DISPATCH_TO_SIGN_FOR";

  /** A department's sub-order (二级批办件): sign-for within 1 working hour (as R-13). */
  static final String SUB_SIGN_FOR_STAGE = "SUB_DISPATCH_TO_SIGN_FOR";

  private final UnitFiguresBatch batch;

  UnitFactMapping(UnitFiguresBatch batch) {
    this.batch = batch;
  }

  /** An order and its round, with its track. */
  record OrderRow(String orderId, int round, TrackRow track) {}

  private static boolean signForStage(String stage) {
    return SIGN_FOR_STAGE.equals(stage) || SUB_SIGN_FOR_STAGE.equals(stage);
  }

  private static boolean handlingStage(String stage) {
    return OrderTrackStore.HANDLING_STAGE.equals(stage)
        || OrderTrackStore.SUB_HANDLING_STAGE.equals(stage);
  }

  private static boolean isDispatch(String transition) {
    return "DISPATCH".equals(transition)
        || "RECORD_COORDINATION_AGREEMENT".equals(transition)
        || "DESIGNATE_UNIT".equals(transition);
  }

  /** The keys the events of a poll will touch, to read ahead. */
  static UnitFiguresBatch.Keys keysOf(List<Delivery> deliveries) {
    Set<String> cases = new LinkedHashSet<>();
    Set<String> orderIds = new LinkedHashSet<>();
    Set<String> handlingStops = new LinkedHashSet<>();
    Set<String> passOrders = new LinkedHashSet<>();
    Set<String> registered = new LinkedHashSet<>();
    Set<String> dispatchCases = new LinkedHashSet<>();
    for (Delivery d : deliveries) {
      Record p = d.payload();
      if (p instanceof CaseTransitioned t) {
        cases.add(t.caseId());
        if (t.orderId() != null) {
          orderIds.add(t.orderId());
          if (isDispatch(t.transition())
              || "FAIL_CHECK".equals(t.transition())
              || "REDISPATCH_TO_SUB_UNIT".equals(t.transition())) {
            registered.add(t.orderId());
          }
          if ("PASS_CHECK".equals(t.transition()) || "SUBMIT_SUB_FEEDBACK".equals(t.transition())) {
            passOrders.add(t.orderId());
          }
        }
        if (isDispatch(t.transition()) || "REDISPATCH_TO_SUB_UNIT".equals(t.transition())) {
          dispatchCases.add(t.caseId());
        }
      } else if (p instanceof ClockStopped s && s.orderId() != null) {
        if (handlingStage(s.stage())) {
          handlingStops.add(s.orderId());
        } else if (signForStage(s.stage())) {
          orderIds.add(s.orderId());
          cases.add(s.caseId());
        }
      } else if (p instanceof ClockBreached b && b.orderId() != null) {
        orderIds.add(b.orderId());
        cases.add(b.caseId());
      }
    }
    return new UnitFiguresBatch.Keys(
        cases, orderIds, handlingStops, passOrders, registered, dispatchCases);
  }

  /** Applies one event to the batch. */
  void apply(CloudEvent event, Record payload) {
    if (payload instanceof CaseFiled f) {
      batch.setContext(
          f.caseId(),
          new CaseContext(
              f.categoryCode(), f.context() == null ? null : f.context().townshipCode()));
    } else if (payload instanceof CaseTransitioned t) {
      transitioned(event.id(), t);
    } else if (payload instanceof ClockStopped s) {
      stopped(event, s);
    } else if (payload instanceof ClockBreached b) {
      breached(event, b);
    }
  }

  // ------------------------------------------------------------------ cases

  private void transitioned(String eventId, CaseTransitioned t) {
    if (t.unitId() != null && t.data() != null) {
      batch.name(t.unitId(), t.data().get("unitName"), t.at());
    }
    switch (t.transition()) {
      case "DISPATCH", "RECORD_COORDINATION_AGREEMENT", "DESIGNATE_UNIT" -> dispatched(eventId, t);
      case "SIGN_FOR", "SIGN_FOR_SUB_ORDER" ->
          orderOrSubOrder(t)
              .ifPresent(
                  r -> {
                    OrderPeople p = r.people().named(t.data(), t.actorUserId(), true);
                    if (!p.equals(r.people())) {
                      batch.save(r.with(p));
                    }
                  });
      case "REQUEST_RETURN", "REQUEST_SUB_ORDER_RETURN" ->
          orderOrSubOrder(t)
              .ifPresent(
                  r -> apply(r, r.track().returnRequested(eventId + ":return-requested", t.at())));
      case "APPROVE_RETURN", "APPROVE_SUB_ORDER_RETURN" ->
          orderOrSubOrder(t)
              .ifPresent(
                  r -> apply(r, r.track().returnApproved(eventId + ":return-approved", t.at())));
      case "REFUSE_RETURN", "REFUSE_SUB_ORDER_RETURN" ->
          orderOrSubOrder(t)
              .ifPresent(
                  r -> apply(r, r.track().returnRefused(eventId + ":return-refused", t.at())));
      case "GRANT_EXTENSION" ->
          track(t)
              .ifPresent(r -> apply(r, r.track().extensionGranted(eventId + ":extension", t.at())));
      case "FAIL_CHECK" -> failedCheck(eventId, t);
      case "PASS_CHECK" -> passedCheck(eventId, t);
      case "RECORD_SATISFACTION" -> satisfaction(eventId, t);
      case "REDISPATCH_TO_SUB_UNIT" -> subDispatched(eventId, t);
      case "SUBMIT_SUB_FEEDBACK" -> subFeedback(eventId, t);
      default -> {
        // other steps do not move unit figures
      }
    }
  }

  /** The order reference of a new track: category and township from the filed case if known. */
  private OrderRef ref(CaseTransitioned t) {
    String township = null;
    String category = t.categoryCode();
    Optional<CaseContext> ctx = batch.context(t.caseId());
    if (ctx.isPresent()) {
      township = ctx.get().townshipCode();
      if (category == null) {
        category = ctx.get().categoryCode();
      }
    }
    return new OrderRef(t.orderId(), t.caseId(), t.unitId(), category, township, t.at());
  }

  private void dispatched(String eventId, CaseTransitioned t) {
    if (t.orderId() == null || t.unitId() == null) {
      return;
    }
    Optional<TrackRow> existing = track(t);
    TrackRow row;
    int round;
    if (existing.isEmpty()) {
      row = received(eventId, t, null);
      round = 1;
    } else {
      row = existing.get();
      OrderPeople p = row.people().named(t.data(), null, false);
      if (!p.equals(row.people())) {
        row = row.with(p);
        batch.save(row);
      }
      round = row.track().dispatchRound();
    }
    registerOrder(t.orderId(), row.trackId(), round, t.at());
  }

  /** A new track (keyed by the order id): the order received, booked. */
  private TrackRow received(String eventId, CaseTransitioned t, String parentOrderId) {
    OrderTrack.Step step = OrderTrack.received(eventId + ":received", ref(t));
    TrackRow row =
        new TrackRow(
            t.orderId(),
            step.next(),
            OrderPeople.NONE.named(t.data(), null, false),
            null,
            null,
            null,
            parentOrderId);
    batch.insert(row);
    book(row, step.facts());
    return row;
  }

  /**
   * A township body re-dispatched to its department (二级派遣): a new track for the department, keyed
   * by the sub-order id — every sub-order is one order received by the department (R-02, Art 25).
   * The township body's own track is not touched.
   */
  private void subDispatched(String eventId, CaseTransitioned t) {
    if (t.orderId() == null || t.unitId() == null || batch.order(t.orderId()).isPresent()) {
      return;
    }
    String parent = t.data() == null ? null : t.data().get("parentOrderId");
    if (parent == null || parent.isBlank()) {
      parent = "?";
    }
    TrackRow row = received(eventId, t, parent);
    registerOrder(t.orderId(), row.trackId(), 1, t.at());
  }

  /**
   * The track a step concerns: a sub-order's own track (二级批办件, keyed by the sub-order id) for the
   * sub-order steps, else the order's track of the step's unit.
   */
  private Optional<TrackRow> orderOrSubOrder(CaseTransitioned t) {
    return t.transition().endsWith("_SUB_ORDER") || t.transition().endsWith("_SUB_ORDER_RETURN")
        ? subTrack(t)
        : track(t);
  }

  /** The department's sub-order track of a sub-order step (orderId = the sub-order id). */
  private Optional<TrackRow> subTrack(CaseTransitioned t) {
    return t.orderId() == null
        ? Optional.empty()
        : order(t.orderId()).map(OrderRow::track).filter(TrackRow::subOrder);
  }

  /**
   * The department reported its sub-order back (二级反馈): handled, on time or late by the {@code
   * SUB_HANDLING} clock's verdict — waiting for it as a passed check waits for the HANDLING one.
   */
  private void subFeedback(String eventId, CaseTransitioned t) {
    subTrack(t).ifPresent(row -> passed(row, t.orderId(), t.at(), eventId + ":sub-handled"));
  }

  private void failedCheck(String eventId, CaseTransitioned t) {
    Optional<TrackRow> r = track(t);
    if (r.isEmpty()) {
      return;
    }
    TrackRow row = apply(r.get(), r.get().track().checkFailed(eventId + ":check-failed", t.at()));
    if (t.orderId() != null) {
      int round = intData(t, "round", row.track().dispatchRound());
      registerOrder(t.orderId(), row.trackId(), round, t.at());
    }
  }

  private void passedCheck(String eventId, CaseTransitioned t) {
    track(t).ifPresent(row -> passed(row, t.orderId(), t.at(), eventId + ":handled"));
  }

  /**
   * A passed check or a sub-order's feedback: counts now when the order expired or its handling
   * verdict is known, else waits on the track for the verdict ({@link PendingPass}).
   */
  private void passed(TrackRow row, String orderId, Instant at, String factId) {
    PendingPass pass = new PendingPass(orderId, at, factId);
    boolean expired = row.track().expired();
    Boolean verdict = expired || orderId == null ? null : batch.verdict(orderId);
    Optional<Boolean> onTime = PendingPass.onTimeNow(expired, verdict);
    if (onTime.isPresent()) {
      apply(row, pass.decide(row.track(), row.subOrder(), onTime.get()));
    } else {
      batch.save(row.pending(orderId, at, factId));
    }
  }

  private void satisfaction(String eventId, CaseTransitioned t) {
    String level = t.data() == null ? null : t.data().get("level");
    if (level == null) {
      LOG.warnf("satisfaction of case %s without a level; ignored", t.caseId());
      return;
    }
    Optional<Satisfaction> s = SatisfactionRule.level(level);
    if (s.isEmpty()) {
      LOG.warnf("unknown satisfaction level %s of case %s; ignored", level, t.caseId());
      return;
    }
    List<SatisfactionRule.Candidate> candidates = new ArrayList<>();
    for (TrackRow row : batch.tracksOfCase(t.caseId())) {
      candidates.add(
          new SatisfactionRule.Candidate(
              row.trackId(),
              row.track().ref().receivedAt(),
              row.subOrder(),
              row.track().accepted() || row.pendingPassOrder() != null));
    }
    Optional<TrackRow> r =
        SatisfactionRule.ratedTrack(candidates).flatMap(batch::trackById).or(() -> track(t));
    r.ifPresent(
        row -> apply(row, row.track().satisfaction(eventId + ":satisfaction", t.at(), s.get())));
  }

  // ------------------------------------------------------------------ clocks

  private void stopped(CloudEvent event, ClockStopped s) {
    if (handlingStage(s.stage()) && s.orderId() != null) {
      batch.setVerdict(s.orderId(), new Verdict(s.onTime(), s.stoppedAt(), s.stage()));
      // a passed check (or a sub-order's feedback) waiting for this verdict
      batch
          .pendingOn(s.orderId())
          .ifPresent(
              row ->
                  apply(
                      row.pending(null, null, null),
                      row.pendingPass().decide(row.track(), row.subOrder(), s.onTime())));
    } else if (signForStage(s.stage()) && s.orderId() != null) {
      Optional<OrderRow> o = order(s.orderId());
      if (o.isEmpty()) {
        batch.parked().park(event, s.orderId());
        return;
      }
      OrderRow order = o.get();
      apply(
          order.track(),
          order
              .track()
              .track()
              .signedFor(event.id() + ":signed", s.stoppedAt(), s.onTime(), order.round()));
    }
  }

  private void breached(CloudEvent event, ClockBreached b) {
    if (b.orderId() == null || !(signForStage(b.stage()) || handlingStage(b.stage()))) {
      return;
    }
    Optional<OrderRow> o = order(b.orderId());
    if (o.isEmpty()) {
      batch.parked().park(event, b.orderId());
      return;
    }
    OrderRow order = o.get();
    TrackRow row = order.track();
    if (signForStage(b.stage())) {
      if (!row.track().returned()) {
        batch.incident(
            IncidentRule.lateSignFor(
                row.track().ref(), order.round(), b.deadline(), row.people().contacts()),
            null);
      }
    } else {
      apply(row, row.track().expired(event.id() + ":expired", b.deadline()));
    }
  }

  // ------------------------------------------------------------------ plumbing

  private void registerOrder(String orderId, String trackId, int round, Instant at) {
    batch.registerOrder(new OrderInfo(orderId, trackId, round, at));
    // replay clock events that arrived before the order
    for (ParkedEvents.Parked p : batch.parked().take(orderId)) {
      CloudEvent e = p.event();
      apply(e, EventCodec.payload(e));
    }
  }

  /** The unit's order track of the case (never a department's sub-order track). */
  private Optional<TrackRow> track(CaseTransitioned t) {
    if (t.unitId() == null) {
      return Optional.empty();
    }
    return batch.track(t.caseId(), t.unitId());
  }

  private Optional<OrderRow> order(String orderId) {
    Optional<OrderInfo> o = batch.order(orderId);
    if (o.isEmpty()) {
      return Optional.empty();
    }
    return batch.trackById(o.get().trackId()).map(r -> new OrderRow(orderId, o.get().round(), r));
  }

  /** Keeps the next state, books the facts and notes their incidents. */
  private TrackRow apply(TrackRow row, OrderTrack.Step step) {
    TrackRow next = row.with(step.next());
    batch.save(next);
    book(next, step.facts());
    return next;
  }

  private void book(TrackRow row, List<FactEvent> facts) {
    for (FactEvent f : facts) {
      batch.fact(f);
      IncidentRule.incidentFor(f, row.people().contacts()).ifPresent(i -> batch.incident(i, f));
    }
  }

  private static int intData(CaseTransitioned t, String key, int fallback) {
    String v = t.data() == null ? null : t.data().get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
