package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.OrderPeople;
import cn.szcg.assessment.domain.OrderRef;
import cn.szcg.assessment.domain.OrderTrack;
import cn.szcg.assessment.domain.PendingPass;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of the unit figures' order state (V1+): {@code order_track} (one per case and unit, or
 * per department's sub-order), {@code dispatch_order} (each order and its round, with its track),
 * {@code case_context} (category and township of a filed case) and {@code clock_verdict} (a stopped
 * handling clock's verdict). Set-based: each read or write is one {@code = ANY(?)} / {@code unnest}
 * statement for a whole poll ({@link UnitFiguresBatch}).
 */
@ApplicationScoped
public class OrderTrackStore {

  static final String HANDLING_STAGE = "HANDLING";

  /** A department's sub-order: report back within the township body's handling limit. */
  static final String SUB_HANDLING_STAGE = "SUB_HANDLING";

  private static final String TRACK_COLUMNS =
      "track_id, case_id, unit_id, category_code, township_code, received_at, failed_checks,"
          + " expired, accepted, extended, returned, person_on_duty, person_on_duty_name,"
          + " leader_in_charge_id, leader_in_charge_name, head_id, head_name, pending_pass_order,"
          + " pending_pass_at, pending_pass_fact, parent_order_id";

  private static final String TRACK_ARRAYS =
      "unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int4[],"
          + " ?::bool[], ?::bool[], ?::bool[], ?::bool[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])";

  @Inject EntityManager em;

  /**
   * A track as stored, with the bits of state the domain record does not hold. {@code
   * parentOrderId} is set for a department's sub-order (二级批办件; track id = the sub-order id): the
   * township body's order it was re-dispatched from.
   */
  record TrackRow(
      String trackId,
      OrderTrack track,
      OrderPeople people,
      String pendingPassOrder,
      Instant pendingPassAt,
      String pendingPassFact,
      String parentOrderId) {
    TrackRow with(OrderTrack t) {
      return new TrackRow(
          trackId, t, people, pendingPassOrder, pendingPassAt, pendingPassFact, parentOrderId);
    }

    TrackRow with(OrderPeople p) {
      return new TrackRow(
          trackId, track, p, pendingPassOrder, pendingPassAt, pendingPassFact, parentOrderId);
    }

    TrackRow pending(String order, Instant at, String fact) {
      return new TrackRow(trackId, track, people, order, at, fact, parentOrderId);
    }

    /** The pass waiting for its verdict (the three pending columns). */
    PendingPass pendingPass() {
      return new PendingPass(pendingPassOrder, pendingPassAt, pendingPassFact);
    }

    boolean subOrder() {
      return parentOrderId != null;
    }
  }

  /** An order and its round, with its track id. */
  record OrderInfo(String orderId, String trackId, int round, Instant dispatchedAt) {}

  /** The category and township of a filed case. */
  record CaseContext(String categoryCode, String townshipCode) {}

  /** A stopped handling clock's verdict ({@code stage} HANDLING or SUB_HANDLING). */
  record Verdict(boolean onTime, Instant at, String stage) {}

  // ---- order_track

  /** Reads (and locks) the tracks of these cases, with these ids, or pending on these orders. */
  List<TrackRow> readTracks(Set<String> cases, Set<String> ids, Set<String> pendingOrders) {
    return Jdbc.call(
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
    OrderPeople people =
        new OrderPeople(
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

  /** Inserts new tracks (in the order given: callers sort by track id). */
  void insertTracks(List<TrackRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Jdbc.update(
        em,
        "INSERT INTO order_track (" + TRACK_COLUMNS + ") SELECT * FROM " + TRACK_ARRAYS,
        trackParams(rows));
  }

  /** Writes the state of changed tracks (in the order given: callers sort by track id). */
  void updateTracks(List<TrackRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Jdbc.update(
        em,
        "UPDATE order_track t SET failed_checks = u.failed_checks, expired = u.expired,"
            + " accepted = u.accepted, extended = u.extended, returned = u.returned,"
            + " person_on_duty = u.person_on_duty, person_on_duty_name ="
            + " u.person_on_duty_name, leader_in_charge_id = u.leader_in_charge_id,"
            + " leader_in_charge_name = u.leader_in_charge_name, head_id = u.head_id,"
            + " head_name = u.head_name, pending_pass_order = u.pending_pass_order,"
            + " pending_pass_at = u.pending_pass_at, pending_pass_fact = u.pending_pass_fact"
            + " FROM "
            + TRACK_ARRAYS
            + " AS u("
            + TRACK_COLUMNS
            + ") WHERE t.track_id = u.track_id",
        trackParams(rows));
  }

  /** The tracks' columns as arrays, in {@link #TRACK_COLUMNS} order. */
  private static Object[] trackParams(List<TrackRow> rows) {
    int n = 21;
    List<List<Object>> cols = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cols.add(new ArrayList<>());
    }
    for (TrackRow r : rows) {
      OrderTrack t = r.track();
      OrderRef ref = t.ref();
      OrderPeople p = r.people();
      Object[] v = {
        r.trackId(),
        ref.caseId(),
        ref.unitId(),
        ref.categoryCode(),
        ref.townshipCode(),
        ref.receivedAt(),
        t.failedChecks(),
        t.expired(),
        t.accepted(),
        t.extended(),
        t.returned(),
        p.onDutyId(),
        p.onDutyName(),
        p.leaderId(),
        p.leaderName(),
        p.headId(),
        p.headName(),
        r.pendingPassOrder(),
        r.pendingPassAt(),
        r.pendingPassFact(),
        r.parentOrderId()
      };
      for (int i = 0; i < n; i++) {
        cols.get(i).add(v[i]);
      }
    }
    Object[] params = new Object[n];
    for (int i = 0; i < n; i++) {
      params[i] =
          switch (i) {
            case 5, 18 -> Jdbc.times(cast(cols.get(i)));
            case 6 -> Jdbc.ints(cast(cols.get(i)));
            case 7, 8, 9, 10 -> Jdbc.bools(cast(cols.get(i)));
            default -> Jdbc.texts(cast(cols.get(i)));
          };
    }
    return params;
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<Object> l) {
    return (List<T>) (List<?>) l;
  }

  // ---- dispatch_order

  List<OrderInfo> readOrders(Set<String> orderIds) {
    return Jdbc.call(
        em,
        c -> {
          List<OrderInfo> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT order_id, track_id, round, dispatched_at FROM dispatch_order WHERE"
                      + " order_id = ANY(?::text[])")) {
            Jdbc.bind(c, ps, Jdbc.texts(orderIds));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new OrderInfo(
                        rs.getString(1), rs.getString(2), rs.getInt(3), Jdbc.instant(rs, 4)));
              }
            }
          }
          return out;
        });
  }

  /** As INSERT … ON CONFLICT DO NOTHING: the first registration of an order stays. */
  void insertOrders(Collection<OrderInfo> orders) {
    if (orders.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> trackIds = new ArrayList<>();
    List<Integer> rounds = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    for (OrderInfo o : orders) {
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

  // ---- case_context

  Map<String, CaseContext> readContexts(Set<String> caseIds) {
    return Jdbc.call(
        em,
        c -> {
          Map<String, CaseContext> out = new java.util.HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT case_id, category_code, township_code FROM case_context WHERE case_id"
                      + " = ANY(?::text[])")) {
            Jdbc.bind(c, ps, Jdbc.texts(caseIds));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), new CaseContext(rs.getString(2), rs.getString(3)));
              }
            }
          }
          return out;
        });
  }

  void writeContexts(Map<String, CaseContext> contexts) {
    if (contexts.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(contexts.keySet());
    List<String> cats = new ArrayList<>();
    List<String> towns = new ArrayList<>();
    for (CaseContext c : contexts.values()) {
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

  // ---- clock_verdict

  /** The handling clocks' verdicts (HANDLING or SUB_HANDLING) of these orders. */
  Map<String, Verdict> readVerdicts(Set<String> orderIds) {
    return Jdbc.call(
        em,
        c -> {
          Map<String, Verdict> out = new java.util.HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT order_id, on_time, at, stage FROM clock_verdict WHERE stage IN (?, ?)"
                      + " AND order_id = ANY(?::text[])")) {
            Jdbc.bind(c, ps, HANDLING_STAGE, SUB_HANDLING_STAGE, Jdbc.texts(orderIds));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new Verdict(rs.getBoolean(2), Jdbc.instant(rs, 3), rs.getString(4)));
              }
            }
          }
          return out;
        });
  }

  void writeVerdicts(Map<String, Verdict> verdicts) {
    if (verdicts.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> stages = new ArrayList<>();
    List<Boolean> onTime = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    verdicts.forEach(
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
}
