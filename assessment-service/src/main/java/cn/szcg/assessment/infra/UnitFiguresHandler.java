package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.FactEvent;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The person on duty named in a notice is the user who signed for the order (CaseTransitioned
 * SIGN_FOR actorUserId); the unit register (leader in charge, head) lives in dispatch-service and
 * is not carried by any event, so those roles are reported as personMissing (see
 * docs/assessment.md).
 */
@ApplicationScoped
public class UnitFiguresHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(UnitFiguresHandler.class);
  static final String SIGN_FOR_STAGE = "DISPATCH_TO_SIGN_FOR";
  static final String HANDLING_STAGE = "HANDLING";

  @Inject EntityManager em;
  @Inject FigureStore figures;
  @Inject AccountabilityStore accountability;

  /** A track as stored, with the bits of state the domain record does not hold. */
  record TrackRow(
      String trackId,
      OrderTrack track,
      String personOnDuty,
      String pendingPassOrder,
      Instant pendingPassAt,
      String pendingPassFact) {
    TrackRow with(OrderTrack t) {
      return new TrackRow(
          trackId, t, personOnDuty, pendingPassOrder, pendingPassAt, pendingPassFact);
    }
  }

  /** An order and its round, with its track. */
  record OrderRow(String orderId, int round, TrackRow track) {}

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
  public void handle(CloudEvent event, Record payload) {
    if (payload instanceof CaseFiled f) {
      em.createNativeQuery(
              "INSERT INTO case_context (case_id, category_code, township_code) VALUES (?1, ?2,"
                  + " ?3) ON CONFLICT (case_id) DO UPDATE SET category_code ="
                  + " EXCLUDED.category_code, township_code = EXCLUDED.township_code")
          .setParameter(1, f.caseId())
          .setParameter(2, f.categoryCode())
          .setParameter(3, f.context() == null ? null : f.context().townshipCode())
          .executeUpdate();
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
    switch (t.transition()) {
      case "DISPATCH", "RECORD_COORDINATION_AGREEMENT", "DESIGNATE_UNIT" -> dispatched(eventId, t);
      case "SIGN_FOR" -> {
        if (t.actorUserId() != null) {
          track(t)
              .ifPresent(
                  r ->
                      save(
                          new TrackRow(
                              r.trackId(),
                              r.track(),
                              t.actorUserId(),
                              r.pendingPassOrder(),
                              r.pendingPassAt(),
                              r.pendingPassFact())));
        }
      }
      case "REQUEST_RETURN" ->
          track(t)
              .ifPresent(
                  r -> apply(r, r.track().returnRequested(eventId + ":return-requested", t.at())));
      case "APPROVE_RETURN" ->
          track(t)
              .ifPresent(
                  r -> apply(r, r.track().returnApproved(eventId + ":return-approved", t.at())));
      case "GRANT_EXTENSION" ->
          track(t)
              .ifPresent(r -> apply(r, r.track().extensionGranted(eventId + ":extension", t.at())));
      case "FAIL_CHECK" -> failedCheck(eventId, t);
      case "PASS_CHECK" -> passedCheck(eventId, t);
      case "RECORD_SATISFACTION" -> satisfaction(eventId, t);
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
      @SuppressWarnings("unchecked")
      List<Object[]> ctx =
          em.createNativeQuery(
                  "SELECT category_code, township_code FROM case_context WHERE case_id = ?1")
              .setParameter(1, t.caseId())
              .getResultList();
      if (!ctx.isEmpty()) {
        township = (String) ctx.get(0)[1];
        if (category == null) {
          category = (String) ctx.get(0)[0];
        }
      }
      OrderRef ref = new OrderRef(t.orderId(), t.caseId(), t.unitId(), category, township, t.at());
      OrderTrack.Step step = OrderTrack.received(eventId + ":received", ref);
      row = new TrackRow(t.orderId(), step.next(), null, null, null, null);
      em.createNativeQuery(
              "INSERT INTO order_track (track_id, case_id, unit_id, category_code, township_code,"
                  + " received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, row.trackId())
          .setParameter(2, t.caseId())
          .setParameter(3, t.unitId())
          .setParameter(4, category)
          .setParameter(5, township)
          .setParameter(6, t.at())
          .executeUpdate();
      book(row, step.facts());
      round = 1;
    } else {
      row = existing.get();
      round = row.track().dispatchRound();
    }
    registerOrder(t.orderId(), row.trackId(), round, t.at());
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
    Boolean verdict = verdict(t.orderId());
    if (verdict != null) {
      apply(row, row.track().handled(factId, t.at(), verdict));
    } else {
      save(
          new TrackRow(
              row.trackId(), row.track(), row.personOnDuty(), t.orderId(), t.at(), factId));
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
    // The unit whose handling passed the check (or is waiting for its clock's verdict).
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT track_id FROM order_track WHERE case_id = ?1 AND (accepted OR"
                    + " pending_pass_order IS NOT NULL) ORDER BY received_at DESC LIMIT 1")
            .setParameter(1, t.caseId())
            .getResultList();
    Optional<TrackRow> r = ids.isEmpty() ? track(t) : loadTrack("track_id = ?1", ids.get(0), null);
    r.ifPresent(row -> apply(row, row.track().satisfaction(eventId + ":satisfaction", t.at(), s)));
  }

  // ------------------------------------------------------------------ clocks

  private void stopped(CloudEvent event, ClockStopped s) {
    if (HANDLING_STAGE.equals(s.stage()) && s.orderId() != null) {
      em.createNativeQuery(
              "INSERT INTO clock_verdict (order_id, stage, on_time, at) VALUES (?1, ?2, ?3, ?4)"
                  + " ON CONFLICT (order_id, stage) DO UPDATE SET on_time = EXCLUDED.on_time, at"
                  + " = EXCLUDED.at")
          .setParameter(1, s.orderId())
          .setParameter(2, HANDLING_STAGE)
          .setParameter(3, s.onTime())
          .setParameter(4, s.stoppedAt())
          .executeUpdate();
      // a passed check waiting for this verdict
      loadTrack("pending_pass_order = ?1", s.orderId(), null)
          .ifPresent(
              row -> {
                TrackRow cleared =
                    new TrackRow(row.trackId(), row.track(), row.personOnDuty(), null, null, null);
                apply(
                    cleared,
                    row.track().handled(row.pendingPassFact(), row.pendingPassAt(), s.onTime()));
              });
    } else if (SIGN_FOR_STAGE.equals(s.stage()) && s.orderId() != null) {
      Optional<OrderRow> o = order(s.orderId());
      if (o.isEmpty()) {
        park(event, s.orderId());
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
    if (b.orderId() == null
        || !(SIGN_FOR_STAGE.equals(b.stage()) || HANDLING_STAGE.equals(b.stage()))) {
      return;
    }
    Optional<OrderRow> o = order(b.orderId());
    if (o.isEmpty()) {
      park(event, b.orderId());
      return;
    }
    OrderRow order = o.get();
    TrackRow row = order.track();
    if (SIGN_FOR_STAGE.equals(b.stage())) {
      if (!row.track().returned()) {
        accountability.record(
            IncidentRule.lateSignFor(
                row.track().ref(), order.round(), b.deadline(), contacts(row)));
      }
    } else {
      apply(row, row.track().expired(event.id() + ":expired", b.deadline()));
    }
  }

  // ------------------------------------------------------------------ plumbing

  private void park(CloudEvent event, String orderId) {
    em.createNativeQuery(
            "INSERT INTO parked_event (event_id, order_id, event_type, payload, parked_at) VALUES"
                + " (?1, ?2, ?3, ?4, now()) ON CONFLICT (event_id) DO NOTHING")
        .setParameter(1, event.id())
        .setParameter(2, orderId)
        .setParameter(3, event.type())
        .setParameter(4, EventCodec.toJson(envelope(event)))
        .executeUpdate();
  }

  private static java.util.Map<String, Object> envelope(CloudEvent e) {
    return java.util.Map.of(
        "id", e.id(),
        "source", e.source(),
        "type", e.type(),
        "subject", e.subject(),
        "time", e.time().toString(),
        "data", e.data());
  }

  private void registerOrder(String orderId, String trackId, int round, Instant at) {
    em.createNativeQuery(
            "INSERT INTO dispatch_order (order_id, track_id, round, dispatched_at) VALUES (?1, ?2,"
                + " ?3, ?4) ON CONFLICT (order_id) DO NOTHING")
        .setParameter(1, orderId)
        .setParameter(2, trackId)
        .setParameter(3, round)
        .setParameter(4, at)
        .executeUpdate();
    // replay clock events that arrived before the order
    @SuppressWarnings("unchecked")
    List<Object[]> parked =
        em.createNativeQuery(
                "DELETE FROM parked_event WHERE order_id = ?1 RETURNING event_id, payload,"
                    + " parked_at")
            .setParameter(1, orderId)
            .getResultList();
    parked.sort(java.util.Comparator.comparing(r -> Times.instant(r[2])));
    for (Object[] p : parked) {
      try {
        var node = EventCodec.mapper().readTree((String) p[1]);
        CloudEvent e =
            new CloudEvent(
                node.get("id").asText(),
                node.get("source").asText(),
                node.get("type").asText(),
                node.get("subject").asText(),
                Instant.parse(node.get("time").asText()),
                node.get("data").asText());
        handle(e, EventCodec.payload(e));
      } catch (java.io.IOException ex) {
        throw new IllegalStateException("parked event " + p[0] + " unreadable", ex);
      }
    }
  }

  private Optional<TrackRow> track(CaseTransitioned t) {
    if (t.unitId() == null) {
      return Optional.empty();
    }
    return loadTrack("case_id = ?1 AND unit_id = ?2", t.caseId(), t.unitId());
  }

  private Optional<OrderRow> order(String orderId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT track_id, round FROM dispatch_order WHERE order_id = ?1")
            .setParameter(1, orderId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return loadTrack("track_id = ?1", rows.get(0)[0], null)
        .map(r -> new OrderRow(orderId, ((Number) rows.get(0)[1]).intValue(), r));
  }

  private Optional<TrackRow> loadTrack(String where, Object p1, Object p2) {
    var q =
        em.createNativeQuery(
                "SELECT track_id, case_id, unit_id, category_code, township_code, received_at,"
                    + " failed_checks, expired, accepted, extended, returned, person_on_duty,"
                    + " pending_pass_order, pending_pass_at, pending_pass_fact FROM order_track"
                    + " WHERE "
                    + where
                    + " FOR UPDATE")
            .setParameter(1, p1);
    if (p2 != null) {
      q.setParameter(2, p2);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    OrderRef ref =
        new OrderRef(
            (String) r[0],
            (String) r[1],
            (String) r[2],
            (String) r[3],
            (String) r[4],
            Times.instant(r[5]));
    OrderTrack track =
        new OrderTrack(
            ref,
            ((Number) r[6]).intValue(),
            (Boolean) r[7],
            (Boolean) r[8],
            (Boolean) r[9],
            (Boolean) r[10]);
    return Optional.of(
        new TrackRow(
            (String) r[0],
            track,
            (String) r[11],
            (String) r[12],
            Times.instant(r[13]),
            (String) r[14]));
  }

  private Boolean verdict(String orderId) {
    if (orderId == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<Boolean> v =
        em.createNativeQuery("SELECT on_time FROM clock_verdict WHERE order_id = ?1 AND stage = ?2")
            .setParameter(1, orderId)
            .setParameter(2, HANDLING_STAGE)
            .getResultList();
    return v.isEmpty() ? null : v.get(0);
  }

  /** Saves the next state, books the facts and records their incidents. */
  private TrackRow apply(TrackRow row, OrderTrack.Step step) {
    TrackRow next = row.with(step.next());
    save(next);
    book(next, step.facts());
    return next;
  }

  private void book(TrackRow row, List<FactEvent> facts) {
    for (FactEvent f : facts) {
      if (figures.book(f)) {
        IncidentRule.incidentFor(f, contacts(row)).ifPresent(accountability::record);
      }
    }
  }

  private static UnitContacts contacts(TrackRow row) {
    PersonRef onDuty = row.personOnDuty() == null ? null : new PersonRef(row.personOnDuty(), null);
    return new UnitContacts(onDuty, null, null);
  }

  private void save(TrackRow r) {
    OrderTrack t = r.track();
    em.createNativeQuery(
            "UPDATE order_track SET failed_checks = ?2, expired = ?3, accepted = ?4, extended ="
                + " ?5, returned = ?6, person_on_duty = ?7, pending_pass_order = ?8,"
                + " pending_pass_at = ?9, pending_pass_fact = ?10 WHERE track_id = ?1")
        .setParameter(1, r.trackId())
        .setParameter(2, t.failedChecks())
        .setParameter(3, t.expired())
        .setParameter(4, t.accepted())
        .setParameter(5, t.extended())
        .setParameter(6, t.returned())
        .setParameter(7, r.personOnDuty())
        .setParameter(8, r.pendingPassOrder())
        .setParameter(9, r.pendingPassAt())
        .setParameter(10, r.pendingPassFact())
        .executeUpdate();
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
