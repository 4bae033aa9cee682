package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.FactEvent;
import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Incident;
import cn.szcg.assessment.domain.IncidentRule;
import cn.szcg.assessment.domain.OrderRef;
import cn.szcg.assessment.domain.OrderTrack;
import cn.szcg.assessment.domain.PersonRef;
import cn.szcg.assessment.domain.Satisfaction;
import cn.szcg.assessment.domain.UnitContacts;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Turns the lifecycle of dispatch orders ({@code cases}: CaseTransitioned; {@code clocks}:
 * ClockStopped / ClockBreached; {@code intake}: CaseFiled for the township) into unit facts, figure
 * cells and Art 33 incidents. One consumer thread reads the three topics, so one
 * case's events are applied one at a time; the topics interleave arbitrarily, hence:
 *
 * <ul>
 *   <li>one {@link OrderTrack} per case and unit (track id = the first order id of the case for
 *       that unit); re-dispatches after a failed check are further orders of the same track;
 *   <li>a clock event for an order not seen yet is parked and replayed when the order arrives;
 *   <li>a passed check waits for the verdict of the order's HANDLING clock (on time or not), or
 *       counts at once when the order has already expired;
 *   <li>fact ids derive from the source event id, incident ids from the order and round — replays
 *       change nothing.
 * </ul>
 *
 * <p><b>Per poll, not per event.</b> {@link #beginBatch} reads everything the poll's events will
 * touch in a few {@code = ANY(?)} statements (tracks, locked; orders; case contexts; verdicts;
 * parked events) into a {@link Batch}; the events are then applied to that in-memory state, which
 * is authoritative for the keys it holds; {@link #endBatch} writes it back — new and changed
 * tracks, orders, contexts, verdicts, parked events, the facts (one insert, returning the ids new
 * to the store), the cell deltas of the new facts summed per cell (one upsert), and the incidents
 * of the new facts in event order (so ordinals and notices are exactly those of one-by-one
 * application). A key not read ahead is read through on first use.
 *
 * <p>The people named in a notice (责任人 person on duty, 分管领导 leader in charge, 单位主要负责人 head) come
 * from dispatch-service's DISPATCH / SIGN_FOR data ({@code personOnDutyId/Name}, {@code
 * leaderInChargeId/Name}, {@code headId/Name}, each may be absent), as registered at that time; the
 * user who signed for the order (SIGN_FOR actorUserId) takes precedence as the person on duty.
 */
@ApplicationScoped
public class UnitFiguresHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(UnitFiguresHandler.class);
  static final String SIGN_FOR_STAGE = "DISPATCH_TO_SIGN_FOR";
  static final String HANDLING_STAGE = "HANDLING";

  /** A department's sub-order (二级批办件): sign-for within 1 working hour (as R-13). */
  static final String SUB_SIGN_FOR_STAGE = "SUB_DISPATCH_TO_SIGN_FOR";

  /** A department's sub-order: report back within the township body's handling limit. */
  static final String SUB_HANDLING_STAGE = "SUB_HANDLING";

  private static boolean signForStage(String stage) {
    return SIGN_FOR_STAGE.equals(stage) || SUB_SIGN_FOR_STAGE.equals(stage);
  }

  private static boolean handlingStage(String stage) {
    return HANDLING_STAGE.equals(stage) || SUB_HANDLING_STAGE.equals(stage);
  }

  private static final String TRACK_COLUMNS =
      "track_id, case_id, unit_id, category_code, township_code, received_at, failed_checks,"
          + " expired, accepted, extended, returned, person_on_duty, person_on_duty_name,"
          + " leader_in_charge_id, leader_in_charge_name, head_id, head_name, pending_pass_order,"
          + " pending_pass_at, pending_pass_fact, parent_order_id";

  @Inject EntityManager em;
  @Inject FigureStore figures;
  @Inject AccountabilityStore accountability;
  @Inject UnitNames unitNames;

  /** The state of the batch being applied (one consumer thread per handler). */
  private Batch batch;

  /** The unit's people known for a track (ids and names may each be null). */
  record People(
      String onDutyId,
      String onDutyName,
      String leaderId,
      String leaderName,
      String headId,
      String headName) {
    static final People NONE = new People(null, null, null, null, null, null);

    UnitContacts contacts() {
      return new UnitContacts(
          person(onDutyId, onDutyName), person(leaderId, leaderName), person(headId, headName));
    }

    private static PersonRef person(String id, String name) {
      return id == null ? null : new PersonRef(id, name);
    }

    /**
     * The register as the event names it: leader in charge and head when given; the person on duty
     * from {@code actor} (the user who signed for it) or else the data's receiver on duty — the
     * latter only when no one is named yet (a sign-for's person keeps precedence).
     */
    People named(Map<String, String> data, String actor, boolean signFor) {
      Map<String, String> d = data == null ? Map.of() : data;
      String dataOnDuty = blankToNull(d.get("personOnDutyId"));
      String dataOnDutyName = blankToNull(d.get("personOnDutyName"));
      String id = onDutyId;
      String name = onDutyName;
      String candidate = signFor ? (actor != null ? actor : dataOnDuty) : dataOnDuty;
      if (candidate != null && (signFor || onDutyId == null)) {
        if (!candidate.equals(onDutyId)) {
          name = null;
        }
        id = candidate;
        if (candidate.equals(dataOnDuty) && dataOnDutyName != null) {
          name = dataOnDutyName;
        }
      }
      String lid = blankToNull(d.get("leaderInChargeId"));
      String hid = blankToNull(d.get("headId"));
      return new People(
          id,
          name,
          lid != null ? lid : leaderId,
          lid != null ? blankToNull(d.get("leaderInChargeName")) : leaderName,
          hid != null ? hid : headId,
          hid != null ? blankToNull(d.get("headName")) : headName);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  /**
   * A track as stored, with the bits of state the domain record does not hold. {@code
   * parentOrderId} is set for a department's sub-order (二级批办件; track id = the sub-order id): the
   * township body's order it was re-dispatched from.
   */
  record TrackRow(
      String trackId,
      OrderTrack track,
      People people,
      String pendingPassOrder,
      Instant pendingPassAt,
      String pendingPassFact,
      String parentOrderId) {
    TrackRow with(OrderTrack t) {
      return new TrackRow(
          trackId, t, people, pendingPassOrder, pendingPassAt, pendingPassFact, parentOrderId);
    }

    TrackRow with(People p) {
      return new TrackRow(
          trackId, track, p, pendingPassOrder, pendingPassAt, pendingPassFact, parentOrderId);
    }

    TrackRow pending(String order, Instant at, String fact) {
      return new TrackRow(trackId, track, people, order, at, fact, parentOrderId);
    }

    boolean subOrder() {
      return parentOrderId != null;
    }
  }

  /** An order and its round, with its track id. */
  record OrderInfo(String orderId, String trackId, int round, Instant dispatchedAt) {}

  /** An order and its round, with its track. */
  record OrderRow(String orderId, int round, TrackRow track) {}

  record CaseContext(String categoryCode, String townshipCode) {}

  /** A stopped handling clock's verdict ({@code stage} HANDLING or SUB_HANDLING). */
  record Verdict(boolean onTime, Instant at, String stage) {}

  /** A parked clock event (from the store: {@code stored}; or parked in this batch). */
  record Parked(String eventId, String orderId, String eventType, String payload, boolean stored) {}

  /** An incident to record at the end of the batch; if it comes from a fact, only if it is new. */
  record PendingIncident(Incident incident, FactEvent fact) {}

  @Override
  public String name() {
    return "unit-figures";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE, Topics.CASES, Topics.CLOCKS);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.CASE_FILED,
        EventType.CASE_TRANSITIONED,
        EventType.CLOCK_STOPPED,
        EventType.CLOCK_BREACHED);
  }

  @Override
  public void beginBatch(List<Delivery> deliveries) {
    batch = new Batch();
    batch.readAhead(deliveries);
  }

  @Override
  public void endBatch() {
    Batch b = batch;
    batch = null;
    if (b != null) {
      b.flush();
    }
  }

  /**
   * Always inside a batch: the platform calls {@link #beginBatch} first, also for a single event.
   */
  @Override
  public void handle(CloudEvent event, Record payload) {
    apply(event, payload);
  }

  private void apply(CloudEvent event, Record payload) {
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

  private static boolean isDispatch(String transition) {
    return "DISPATCH".equals(transition)
        || "RECORD_COORDINATION_AGREEMENT".equals(transition)
        || "DESIGNATE_UNIT".equals(transition);
  }

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
                    People p = r.people().named(t.data(), t.actorUserId(), true);
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

  private void dispatched(String eventId, CaseTransitioned t) {
    if (t.orderId() == null || t.unitId() == null) {
      return;
    }
    Optional<TrackRow> existing = track(t);
    TrackRow row;
    int round;
    if (existing.isEmpty()) {
      String township = null;
      String category = t.categoryCode();
      Optional<CaseContext> ctx = batch.context(t.caseId());
      if (ctx.isPresent()) {
        township = ctx.get().townshipCode();
        if (category == null) {
          category = ctx.get().categoryCode();
        }
      }
      OrderRef ref = new OrderRef(t.orderId(), t.caseId(), t.unitId(), category, township, t.at());
      OrderTrack.Step step = OrderTrack.received(eventId + ":received", ref);
      row =
          new TrackRow(
              t.orderId(),
              step.next(),
              People.NONE.named(t.data(), null, false),
              null,
              null,
              null,
              null);
      batch.insert(row);
      book(row, step.facts());
      round = 1;
    } else {
      row = existing.get();
      People p = row.people().named(t.data(), null, false);
      if (!p.equals(row.people())) {
        row = row.with(p);
        batch.save(row);
      }
      round = row.track().dispatchRound();
    }
    registerOrder(t.orderId(), row.trackId(), round, t.at());
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
    String township = null;
    String category = t.categoryCode();
    Optional<CaseContext> ctx = batch.context(t.caseId());
    if (ctx.isPresent()) {
      township = ctx.get().townshipCode();
      if (category == null) {
        category = ctx.get().categoryCode();
      }
    }
    OrderRef ref = new OrderRef(t.orderId(), t.caseId(), t.unitId(), category, township, t.at());
    OrderTrack.Step step = OrderTrack.received(eventId + ":received", ref);
    TrackRow row =
        new TrackRow(
            t.orderId(),
            step.next(),
            People.NONE.named(t.data(), null, false),
            null,
            null,
            null,
            parent);
    batch.insert(row);
    book(row, step.facts());
    registerOrder(t.orderId(), row.trackId(), 1, t.at());
  }

  /** The department's sub-order track of a sub-order step (orderId = the sub-order id). */
  /**
   * The track a step concerns: a sub-order's own track (二级批办件, keyed by the sub-order id) for the
   * sub-order steps, else the order's track of the step's unit.
   */
  private Optional<TrackRow> orderOrSubOrder(CaseTransitioned t) {
    return t.transition().endsWith("_SUB_ORDER") || t.transition().endsWith("_SUB_ORDER_RETURN")
        ? subTrack(t)
        : track(t);
  }

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
    Optional<TrackRow> r = subTrack(t);
    if (r.isEmpty()) {
      return;
    }
    TrackRow row = r.get();
    String factId = eventId + ":sub-handled";
    if (row.track().expired()) {
      apply(row, row.track().subOrderHandled(factId, t.at(), false));
      return;
    }
    Boolean verdict = batch.verdict(t.orderId());
    if (verdict != null) {
      apply(row, row.track().subOrderHandled(factId, t.at(), verdict));
    } else {
      batch.save(row.pending(t.orderId(), t.at(), factId));
    }
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
    Optional<TrackRow> r = track(t);
    if (r.isEmpty()) {
      return;
    }
    TrackRow row = r.get();
    String factId = eventId + ":handled";
    if (row.track().expired()) {
      apply(row, row.track().handled(factId, t.at(), false));
      return;
    }
    Boolean verdict = t.orderId() == null ? null : batch.verdict(t.orderId());
    if (verdict != null) {
      apply(row, row.track().handled(factId, t.at(), verdict));
    } else {
      batch.save(row.pending(t.orderId(), t.at(), factId));
    }
  }

  private void satisfaction(String eventId, CaseTransitioned t) {
    String level = t.data() == null ? null : t.data().get("level");
    if (level == null) {
      LOG.warnf("satisfaction of case %s without a level; ignored", t.caseId());
      return;
    }
    Satisfaction s;
    try {
      s = Satisfaction.valueOf(level);
    } catch (IllegalArgumentException e) {
      LOG.warnf("unknown satisfaction level %s of case %s; ignored", level, t.caseId());
      return;
    }
    // The unit whose handling passed the check (or is waiting for its clock's verdict): the most
    // recently received such track of the case.
    TrackRow best = null;
    for (TrackRow row : batch.tracksOfCase(t.caseId())) {
      if (row.subOrder()) {
        continue; // the public rates the township body's (or unit's) handling, not a department's
      }
      if (row.track().accepted() || row.pendingPassOrder() != null) {
        if (best == null
            || row.track().ref().receivedAt().isAfter(best.track().ref().receivedAt())) {
          best = row;
        }
      }
    }
    Optional<TrackRow> r = best != null ? Optional.of(best) : track(t);
    r.ifPresent(row -> apply(row, row.track().satisfaction(eventId + ":satisfaction", t.at(), s)));
  }

  // ------------------------------------------------------------------ clocks

  private void stopped(CloudEvent event, ClockStopped s) {
    if (handlingStage(s.stage()) && s.orderId() != null) {
      batch.setVerdict(s.orderId(), new Verdict(s.onTime(), s.stoppedAt(), s.stage()));
      // a passed check (or a sub-order's feedback) waiting for this verdict
      batch
          .pendingOn(s.orderId())
          .ifPresent(
              row -> {
                TrackRow cleared = row.pending(null, null, null);
                apply(
                    cleared,
                    row.subOrder()
                        ? row.track()
                            .subOrderHandled(row.pendingPassFact(), row.pendingPassAt(), s.onTime())
                        : row.track()
                            .handled(row.pendingPassFact(), row.pendingPassAt(), s.onTime()));
              });
    } else if (signForStage(s.stage()) && s.orderId() != null) {
      Optional<OrderRow> o = order(s.orderId());
      if (o.isEmpty()) {
        batch.park(event, s.orderId());
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
      batch.park(event, b.orderId());
      return;
    }
    OrderRow order = o.get();
    TrackRow row = order.track();
    if (signForStage(b.stage())) {
      if (!row.track().returned()) {
        batch.incidents.add(
            new PendingIncident(
                IncidentRule.lateSignFor(
                    row.track().ref(), order.round(), b.deadline(), row.people().contacts()),
                null));
      }
    } else {
      apply(row, row.track().expired(event.id() + ":expired", b.deadline()));
    }
  }

  // ------------------------------------------------------------------ plumbing

  private static Map<String, Object> envelope(CloudEvent e) {
    return Map.of(
        "id", e.id(),
        "source", e.source(),
        "type", e.type(),
        "subject", e.subject(),
        "time", e.time().toString(),
        "data", e.data());
  }

  private void registerOrder(String orderId, String trackId, int round, Instant at) {
    batch.registerOrder(new OrderInfo(orderId, trackId, round, at));
    // replay clock events that arrived before the order
    for (Parked p : batch.takeParked(orderId)) {
      try {
        var node = EventCodec.mapper().readTree(p.payload());
        CloudEvent e =
            new CloudEvent(
                node.get("id").asText(),
                node.get("source").asText(),
                node.get("type").asText(),
                node.get("subject").asText(),
                Instant.parse(node.get("time").asText()),
                node.get("data").asText());
        apply(e, EventCodec.payload(e));
      } catch (java.io.IOException ex) {
        throw new IllegalStateException("parked event " + p.eventId() + " unreadable", ex);
      }
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
      batch.facts.add(f);
      IncidentRule.incidentFor(f, row.people().contacts())
          .ifPresent(i -> batch.incidents.add(new PendingIncident(i, f)));
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

  // ------------------------------------------------------------------ the batch

  /**
   * What one poll reads and writes. Each map holds the state of the keys read so far (present or
   * known to be absent); it is the truth for those keys until {@link #flush} writes it back.
   */
  final class Batch {
    final Map<String, TrackRow> tracks = new HashMap<>();
    final Map<String, Set<String>> tracksByCase = new HashMap<>();
    final Set<String> casesRead = new HashSet<>();
    final Map<String, String> pendingIndex = new HashMap<>();
    final Set<String> pendingRead = new HashSet<>();
    final Set<String> newTracks = new LinkedHashSet<>();
    final Set<String> dirtyTracks = new LinkedHashSet<>();

    final Map<String, Optional<OrderInfo>> orders = new HashMap<>();
    final Map<String, OrderInfo> newOrders = new LinkedHashMap<>();

    final Map<String, Optional<CaseContext>> contexts = new HashMap<>();
    final Map<String, CaseContext> dirtyContexts = new LinkedHashMap<>();

    final Map<String, Optional<Verdict>> verdicts = new HashMap<>();
    final Map<String, Verdict> dirtyVerdicts = new LinkedHashMap<>();

    final Map<String, List<Parked>> storedParked = new HashMap<>();
    final Map<String, Parked> newParked = new LinkedHashMap<>();
    final List<String> parkedDeleted = new ArrayList<>();

    final List<FactEvent> facts = new ArrayList<>();
    final List<PendingIncident> incidents = new ArrayList<>();

    /** The latest unit name seen in this poll per unit (written at the end, latest wins). */
    final Map<String, UnitNames.Named> names = new TreeMap<>();

    void name(String unitId, String name, Instant at) {
      if (name == null || name.isBlank() || at == null) {
        return;
      }
      UnitNames.Named n = new UnitNames.Named(name.strip(), at);
      names.merge(unitId, n, UnitNames.Named::latest);
    }

    /** Reads ahead what the events will touch, a few statements for the whole poll. */
    void readAhead(List<Delivery> deliveries) {
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
            if ("PASS_CHECK".equals(t.transition())
                || "SUBMIT_SUB_FEEDBACK".equals(t.transition())) {
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
      cases.remove(null);
      readOrders(orderIds);
      Set<String> trackIds = new LinkedHashSet<>();
      for (String o : orderIds) {
        orders.get(o).ifPresent(i -> trackIds.add(i.trackId()));
      }
      readTracks(cases, trackIds, handlingStops);
      readContexts(dispatchCases);
      readVerdicts(passOrders);
      readParked(registered);
    }

    // ---- tracks

    Optional<TrackRow> track(String caseId, String unitId) {
      if (!casesRead.contains(caseId)) {
        readTracks(Set.of(caseId), Set.of(), Set.of());
      }
      for (String id : tracksByCase.getOrDefault(caseId, Set.of())) {
        TrackRow r = tracks.get(id);
        if (!r.subOrder() && unitId.equals(r.track().ref().unitId())) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }

    List<TrackRow> tracksOfCase(String caseId) {
      if (!casesRead.contains(caseId)) {
        readTracks(Set.of(caseId), Set.of(), Set.of());
      }
      List<TrackRow> out = new ArrayList<>();
      for (String id : tracksByCase.getOrDefault(caseId, Set.of())) {
        out.add(tracks.get(id));
      }
      return out;
    }

    Optional<TrackRow> trackById(String trackId) {
      if (!tracks.containsKey(trackId)) {
        readTracks(Set.of(), Set.of(trackId), Set.of());
      }
      return Optional.ofNullable(tracks.get(trackId));
    }

    /** The track whose passed check waits for this order's verdict. */
    Optional<TrackRow> pendingOn(String orderId) {
      if (!pendingRead.contains(orderId)) {
        readTracks(Set.of(), Set.of(), Set.of(orderId));
      }
      String id = pendingIndex.get(orderId);
      return id == null ? Optional.empty() : Optional.of(tracks.get(id));
    }

    void insert(TrackRow row) {
      put(row);
      newTracks.add(row.trackId());
    }

    void save(TrackRow row) {
      put(row);
      if (!newTracks.contains(row.trackId())) {
        dirtyTracks.add(row.trackId());
      }
    }

    private void put(TrackRow row) {
      TrackRow old = tracks.put(row.trackId(), row);
      if (old != null
          && old.pendingPassOrder() != null
          && row.trackId().equals(pendingIndex.get(old.pendingPassOrder()))) {
        pendingIndex.remove(old.pendingPassOrder());
      }
      if (row.pendingPassOrder() != null) {
        pendingIndex.put(row.pendingPassOrder(), row.trackId());
      }
      tracksByCase
          .computeIfAbsent(row.track().ref().caseId(), k -> new LinkedHashSet<>())
          .add(row.trackId());
    }

    /** Reads (and locks) the tracks of these cases, with these ids, or pending on these orders. */
    private void readTracks(Set<String> cases, Set<String> ids, Set<String> pendingOrders) {
      if (cases.isEmpty() && ids.isEmpty() && pendingOrders.isEmpty()) {
        return;
      }
      List<TrackRow> rows =
          Jdbc.call(
              em,
              c -> {
                List<TrackRow> out = new ArrayList<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT "
                            + TRACK_COLUMNS
                            + " FROM order_track WHERE case_id = ANY(?::text[]) OR track_id ="
                            + " ANY(?::text[]) OR pending_pass_order = ANY(?::text[]) ORDER BY"
                            + " track_id FOR UPDATE")) {
                  Jdbc.bind(c, ps, Jdbc.texts(cases), Jdbc.texts(ids), Jdbc.texts(pendingOrders));
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(trackRow(rs));
                    }
                  }
                }
                return out;
              });
      for (TrackRow r : rows) {
        if (!tracks.containsKey(r.trackId())) {
          put(r); // what this batch holds already is newer
        }
      }
      casesRead.addAll(cases);
      pendingRead.addAll(pendingOrders);
    }

    private static TrackRow trackRow(ResultSet rs) throws java.sql.SQLException {
      OrderRef ref =
          new OrderRef(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              Jdbc.instant(rs, 6));
      OrderTrack track =
          new OrderTrack(
              ref,
              rs.getInt(7),
              rs.getBoolean(8),
              rs.getBoolean(9),
              rs.getBoolean(10),
              rs.getBoolean(11));
      People people =
          new People(
              rs.getString(12),
              rs.getString(13),
              rs.getString(14),
              rs.getString(15),
              rs.getString(16),
              rs.getString(17));
      return new TrackRow(
          ref.orderId(),
          track,
          people,
          rs.getString(18),
          Jdbc.instant(rs, 19),
          rs.getString(20),
          rs.getString(21));
    }

    // ---- orders

    Optional<OrderInfo> order(String orderId) {
      if (!orders.containsKey(orderId)) {
        readOrders(Set.of(orderId));
      }
      return orders.get(orderId);
    }

    /** As INSERT … ON CONFLICT DO NOTHING: the first registration of an order stays. */
    void registerOrder(OrderInfo o) {
      if (order(o.orderId()).isEmpty()) {
        orders.put(o.orderId(), Optional.of(o));
        newOrders.put(o.orderId(), o);
      }
    }

    private void readOrders(Set<String> orderIds) {
      if (orderIds.isEmpty()) {
        return;
      }
      for (String o : orderIds) {
        orders.putIfAbsent(o, Optional.empty());
      }
      Jdbc.call(
          em,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT order_id, track_id, round, dispatched_at FROM dispatch_order WHERE"
                        + " order_id = ANY(?::text[])")) {
              Jdbc.bind(c, ps, Jdbc.texts(orderIds));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  String id = rs.getString(1);
                  if (orders.get(id).isEmpty() && !newOrders.containsKey(id)) {
                    orders.put(
                        id,
                        Optional.of(
                            new OrderInfo(id, rs.getString(2), rs.getInt(3), Jdbc.instant(rs, 4))));
                  }
                }
              }
            }
            return null;
          });
    }

    // ---- case contexts

    Optional<CaseContext> context(String caseId) {
      if (!contexts.containsKey(caseId)) {
        readContexts(Set.of(caseId));
      }
      return contexts.get(caseId);
    }

    void setContext(String caseId, CaseContext c) {
      contexts.put(caseId, Optional.of(c));
      dirtyContexts.put(caseId, c);
    }

    private void readContexts(Set<String> caseIds) {
      Set<String> missing = new LinkedHashSet<>(caseIds);
      missing.removeAll(contexts.keySet());
      if (missing.isEmpty()) {
        return;
      }
      for (String id : missing) {
        contexts.put(id, Optional.empty());
      }
      Jdbc.call(
          em,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT case_id, category_code, township_code FROM case_context WHERE case_id"
                        + " = ANY(?::text[])")) {
              Jdbc.bind(c, ps, Jdbc.texts(missing));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  contexts.put(
                      rs.getString(1),
                      Optional.of(new CaseContext(rs.getString(2), rs.getString(3))));
                }
              }
            }
            return null;
          });
    }

    // ---- verdicts

    Boolean verdict(String orderId) {
      if (!verdicts.containsKey(orderId)) {
        readVerdicts(Set.of(orderId));
      }
      return verdicts.get(orderId).map(Verdict::onTime).orElse(null);
    }

    void setVerdict(String orderId, Verdict v) {
      verdicts.put(orderId, Optional.of(v));
      dirtyVerdicts.put(orderId, v);
    }

    private void readVerdicts(Set<String> orderIds) {
      Set<String> missing = new LinkedHashSet<>(orderIds);
      missing.removeAll(verdicts.keySet());
      if (missing.isEmpty()) {
        return;
      }
      for (String id : missing) {
        verdicts.put(id, Optional.empty());
      }
      Jdbc.call(
          em,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT order_id, on_time, at, stage FROM clock_verdict WHERE stage IN (?, ?)"
                        + " AND order_id = ANY(?::text[])")) {
              Jdbc.bind(c, ps, HANDLING_STAGE, SUB_HANDLING_STAGE, Jdbc.texts(missing));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  verdicts.put(
                      rs.getString(1),
                      Optional.of(
                          new Verdict(rs.getBoolean(2), Jdbc.instant(rs, 3), rs.getString(4))));
                }
              }
            }
            return null;
          });
    }

    // ---- parked clock events

    void park(CloudEvent event, String orderId) {
      newParked.putIfAbsent(
          event.id(),
          new Parked(event.id(), orderId, event.type(), EventCodec.toJson(envelope(event)), false));
    }

    /**
     * Takes the events parked for the order: those stored before (by parked time, then as stored),
     * then those parked in this batch, in order.
     */
    List<Parked> takeParked(String orderId) {
      if (!storedParked.containsKey(orderId)) {
        readParked(Set.of(orderId));
      }
      List<Parked> out = new ArrayList<>(storedParked.put(orderId, new ArrayList<>()));
      for (Parked p : out) {
        parkedDeleted.add(p.eventId());
      }
      var it = newParked.values().iterator();
      while (it.hasNext()) {
        Parked p = it.next();
        if (p.orderId().equals(orderId)) {
          out.add(p);
          it.remove();
        }
      }
      return out;
    }

    private void readParked(Set<String> orderIds) {
      Set<String> missing = new LinkedHashSet<>(orderIds);
      missing.removeAll(storedParked.keySet());
      if (missing.isEmpty()) {
        return;
      }
      for (String id : missing) {
        storedParked.put(id, new ArrayList<>());
      }
      Jdbc.call(
          em,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT event_id, order_id, event_type, payload FROM parked_event WHERE"
                        + " order_id = ANY(?::text[]) ORDER BY parked_at, ctid FOR UPDATE")) {
              Jdbc.bind(c, ps, Jdbc.texts(missing));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  storedParked
                      .get(rs.getString(2))
                      .add(
                          new Parked(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              true));
                }
              }
            }
            return null;
          });
    }

    // ---- writing back

    void flush() {
      unitNames.record(names);
      writeContexts();
      writeTracks();
      writeOrders();
      writeVerdicts();
      writeParked();
      bookFacts();
    }

    private void writeContexts() {
      if (dirtyContexts.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>(dirtyContexts.keySet());
      List<String> cats = new ArrayList<>();
      List<String> towns = new ArrayList<>();
      for (CaseContext c : dirtyContexts.values()) {
        cats.add(c.categoryCode());
        towns.add(c.townshipCode());
      }
      Jdbc.update(
          em,
          "INSERT INTO case_context (case_id, category_code, township_code) SELECT * FROM"
              + " unnest(?::text[], ?::text[], ?::text[]) ON CONFLICT (case_id) DO UPDATE SET"
              + " category_code = EXCLUDED.category_code, township_code = EXCLUDED.township_code",
          Jdbc.texts(ids),
          Jdbc.texts(cats),
          Jdbc.texts(towns));
    }

    private void writeTracks() {
      if (!newTracks.isEmpty()) {
        TrackColumns cols = new TrackColumns(newTracks);
        Jdbc.update(
            em,
            "INSERT INTO order_track ("
                + TRACK_COLUMNS
                + ") SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::timestamptz[], ?::int4[], ?::bool[], ?::bool[], ?::bool[], ?::bool[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::timestamptz[], ?::text[], ?::text[])",
            cols.params());
      }
      if (!dirtyTracks.isEmpty()) {
        TrackColumns cols = new TrackColumns(dirtyTracks);
        Jdbc.update(
            em,
            "UPDATE order_track t SET failed_checks = u.failed_checks, expired = u.expired,"
                + " accepted = u.accepted, extended = u.extended, returned = u.returned,"
                + " person_on_duty = u.person_on_duty, person_on_duty_name ="
                + " u.person_on_duty_name, leader_in_charge_id = u.leader_in_charge_id,"
                + " leader_in_charge_name = u.leader_in_charge_name, head_id = u.head_id,"
                + " head_name = u.head_name, pending_pass_order = u.pending_pass_order,"
                + " pending_pass_at = u.pending_pass_at, pending_pass_fact = u.pending_pass_fact"
                + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::timestamptz[], ?::int4[], ?::bool[], ?::bool[], ?::bool[], ?::bool[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                + " ?::timestamptz[], ?::text[], ?::text[]) AS u("
                + TRACK_COLUMNS
                + ") WHERE t.track_id = u.track_id",
            cols.params());
      }
    }

    /** The tracks' columns as arrays, in {@link #TRACK_COLUMNS} order. */
    final class TrackColumns {
      final List<String> id = new ArrayList<>();
      final List<String> caseId = new ArrayList<>();
      final List<String> unit = new ArrayList<>();
      final List<String> category = new ArrayList<>();
      final List<String> township = new ArrayList<>();
      final List<Instant> received = new ArrayList<>();
      final List<Integer> failed = new ArrayList<>();
      final List<Boolean> expired = new ArrayList<>();
      final List<Boolean> accepted = new ArrayList<>();
      final List<Boolean> extended = new ArrayList<>();
      final List<Boolean> returned = new ArrayList<>();
      final List<List<String>> people = new ArrayList<>();
      final List<String> pendingOrder = new ArrayList<>();
      final List<Instant> pendingAt = new ArrayList<>();
      final List<String> pendingFact = new ArrayList<>();
      final List<String> parent = new ArrayList<>();

      TrackColumns(Set<String> ids) {
        for (int i = 0; i < 6; i++) {
          people.add(new ArrayList<>());
        }
        for (String tid : new java.util.TreeSet<>(ids)) {
          TrackRow r = tracks.get(tid);
          OrderTrack t = r.track();
          OrderRef ref = t.ref();
          id.add(r.trackId());
          caseId.add(ref.caseId());
          unit.add(ref.unitId());
          category.add(ref.categoryCode());
          township.add(ref.townshipCode());
          received.add(ref.receivedAt());
          failed.add(t.failedChecks());
          expired.add(t.expired());
          accepted.add(t.accepted());
          extended.add(t.extended());
          returned.add(t.returned());
          People p = r.people();
          people.get(0).add(p.onDutyId());
          people.get(1).add(p.onDutyName());
          people.get(2).add(p.leaderId());
          people.get(3).add(p.leaderName());
          people.get(4).add(p.headId());
          people.get(5).add(p.headName());
          pendingOrder.add(r.pendingPassOrder());
          pendingAt.add(r.pendingPassAt());
          pendingFact.add(r.pendingPassFact());
          parent.add(r.parentOrderId());
        }
      }

      Object[] params() {
        return new Object[] {
          Jdbc.texts(id),
          Jdbc.texts(caseId),
          Jdbc.texts(unit),
          Jdbc.texts(category),
          Jdbc.texts(township),
          Jdbc.times(received),
          Jdbc.ints(failed),
          Jdbc.bools(expired),
          Jdbc.bools(accepted),
          Jdbc.bools(extended),
          Jdbc.bools(returned),
          Jdbc.texts(people.get(0)),
          Jdbc.texts(people.get(1)),
          Jdbc.texts(people.get(2)),
          Jdbc.texts(people.get(3)),
          Jdbc.texts(people.get(4)),
          Jdbc.texts(people.get(5)),
          Jdbc.texts(pendingOrder),
          Jdbc.times(pendingAt),
          Jdbc.texts(pendingFact),
          Jdbc.texts(parent)
        };
      }
    }

    private void writeOrders() {
      if (newOrders.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>();
      List<String> trackIds = new ArrayList<>();
      List<Integer> rounds = new ArrayList<>();
      List<Instant> at = new ArrayList<>();
      for (OrderInfo o : newOrders.values()) {
        ids.add(o.orderId());
        trackIds.add(o.trackId());
        rounds.add(o.round());
        at.add(o.dispatchedAt());
      }
      Jdbc.update(
          em,
          "INSERT INTO dispatch_order (order_id, track_id, round, dispatched_at) SELECT * FROM"
              + " unnest(?::text[], ?::text[], ?::int4[], ?::timestamptz[]) ON CONFLICT (order_id)"
              + " DO NOTHING",
          Jdbc.texts(ids),
          Jdbc.texts(trackIds),
          Jdbc.ints(rounds),
          Jdbc.times(at));
    }

    private void writeVerdicts() {
      if (dirtyVerdicts.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>();
      List<String> stages = new ArrayList<>();
      List<Boolean> onTime = new ArrayList<>();
      List<Instant> at = new ArrayList<>();
      dirtyVerdicts.forEach(
          (id, v) -> {
            ids.add(id);
            stages.add(v.stage());
            onTime.add(v.onTime());
            at.add(v.at());
          });
      Jdbc.update(
          em,
          "INSERT INTO clock_verdict (order_id, stage, on_time, at) SELECT o, s, t, a FROM"
              + " unnest(?::text[], ?::text[], ?::bool[], ?::timestamptz[]) AS x(o, s, t, a) ON"
              + " CONFLICT (order_id, stage) DO UPDATE SET on_time = EXCLUDED.on_time, at ="
              + " EXCLUDED.at",
          Jdbc.texts(ids),
          Jdbc.texts(stages),
          Jdbc.bools(onTime),
          Jdbc.times(at));
    }

    private void writeParked() {
      if (!parkedDeleted.isEmpty()) {
        Jdbc.update(
            em,
            "DELETE FROM parked_event WHERE event_id = ANY(?::text[])",
            Jdbc.texts(parkedDeleted));
      }
      if (!newParked.isEmpty()) {
        List<String> ids = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (Parked p : newParked.values()) {
          ids.add(p.eventId());
          orderIds.add(p.orderId());
          types.add(p.eventType());
          payloads.add(p.payload());
        }
        Jdbc.update(
            em,
            "INSERT INTO parked_event (event_id, order_id, event_type, payload, parked_at) SELECT"
                + " x.*, now() FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS x ON"
                + " CONFLICT (event_id) DO NOTHING",
            Jdbc.texts(ids),
            Jdbc.texts(orderIds),
            Jdbc.texts(types),
            Jdbc.texts(payloads));
      }
    }

    /**
     * Stores the facts; a fact counts only if its id is new to the store and to this batch (its
     * first occurrence): its delta goes to its cells (summed per cell, one upsert) and its incident
     * is recorded, with the breach incidents, in the order the events produced them.
     */
    private void bookFacts() {
      Map<String, FactEvent> first = new LinkedHashMap<>();
      for (FactEvent f : facts) {
        first.putIfAbsent(f.factId(), f);
      }
      Set<String> stored = figures.insertFacts(first.values());
      Map<FactEvent, Boolean> counts = new IdentityHashMap<>();
      Map<FiguresKey, Figures> deltas = new TreeMap<>();
      for (FactEvent f : first.values()) {
        if (!stored.contains(f.factId())) {
          continue;
        }
        counts.put(f, Boolean.TRUE);
        Figures delta = f.delta();
        if (!delta.equals(Figures.ZERO)) {
          for (FiguresKey k : FiguresKey.cellsFor(f.ref().unitId(), f.ref())) {
            deltas.merge(k, delta, Figures::plus);
          }
        }
      }
      figures.addToCells(deltas);
      List<Incident> recorded = new ArrayList<>();
      for (PendingIncident p : incidents) {
        if (p.fact() == null || counts.containsKey(p.fact())) {
          recorded.add(p.incident());
        }
      }
      accountability.recordAll(recorded);
    }
  }
}
