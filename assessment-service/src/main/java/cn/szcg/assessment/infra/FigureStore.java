package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.FactEvent;
import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.Figures.Counter;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.OrderRef;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.Satisfaction;
import cn.szcg.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The stored facts and the precomputed figure cells. A fact is inserted once (unique fact id); only
 * a newly inserted fact adds its {@link FactEvent#delta()} to each of its {@link
 * FiguresKey#cellsFor cells} (upsert-add), so the cells equal {@code FiguresBook.recompute} over
 * the stored facts (checked by {@code RecomputeTest} and the recompute endpoint).
 */
@ApplicationScoped
public class FigureStore {

  /** Column names in {@link Counter} order. */
  public static final List<String> COLUMNS = columns();

  @Inject EntityManager em;

  private static List<String> columns() {
    List<String> out = new ArrayList<>();
    for (Counter c : Counter.values()) {
      out.add(c.name().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(out);
  }

  /** Stores the fact and adds its delta to its cells; false if the fact id was stored before. */
  public boolean book(FactEvent fact) {
    OrderRef r = fact.ref();
    Object[] extra = extra(fact);
    int inserted =
        em.createNativeQuery(
                "INSERT INTO unit_fact (fact_id, fact_type, order_id, case_id, unit_id,"
                    + " category_code, township_code, received_at, at, on_time, num,"
                    + " expired_before, first_for_order, level) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
                    + " ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT (fact_id) DO NOTHING")
            .setParameter(1, fact.factId())
            .setParameter(2, fact.getClass().getSimpleName())
            .setParameter(3, r.orderId())
            .setParameter(4, r.caseId())
            .setParameter(5, r.unitId())
            .setParameter(6, r.categoryCode())
            .setParameter(7, r.townshipCode())
            .setParameter(8, r.receivedAt())
            .setParameter(9, fact.at())
            .setParameter(10, extra[0])
            .setParameter(11, extra[1])
            .setParameter(12, extra[2])
            .setParameter(13, extra[3])
            .setParameter(14, extra[4])
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    Figures delta = fact.delta();
    if (!delta.equals(Figures.ZERO)) {
      addToCells(FiguresKey.cellsFor(r.unitId(), r), delta);
    }
    return true;
  }

  /**
   * Stores the facts (distinct ids) in one statement; returns the ids stored now — a fact id stored
   * before is left alone and not returned (its delta must not be added again).
   */
  public Set<String> insertFacts(Collection<FactEvent> facts) {
    if (facts.isEmpty()) {
      return Set.of();
    }
    int n = facts.size();
    List<String> ids = new ArrayList<>(n);
    List<String> types = new ArrayList<>(n);
    List<String> orders = new ArrayList<>(n);
    List<String> cases = new ArrayList<>(n);
    List<String> units = new ArrayList<>(n);
    List<String> categories = new ArrayList<>(n);
    List<String> townships = new ArrayList<>(n);
    List<Instant> received = new ArrayList<>(n);
    List<Instant> at = new ArrayList<>(n);
    List<Boolean> onTime = new ArrayList<>(n);
    List<Integer> num = new ArrayList<>(n);
    List<Boolean> expiredBefore = new ArrayList<>(n);
    List<Boolean> first = new ArrayList<>(n);
    List<String> level = new ArrayList<>(n);
    for (FactEvent f : facts) {
      OrderRef r = f.ref();
      Object[] extra = extra(f);
      ids.add(f.factId());
      types.add(f.getClass().getSimpleName());
      orders.add(r.orderId());
      cases.add(r.caseId());
      units.add(r.unitId());
      categories.add(r.categoryCode());
      townships.add(r.townshipCode());
      received.add(r.receivedAt());
      at.add(f.at());
      onTime.add((Boolean) extra[0]);
      num.add((Integer) extra[1]);
      expiredBefore.add((Boolean) extra[2]);
      first.add((Boolean) extra[3]);
      level.add((String) extra[4]);
    }
    return Jdbc.insertedIds(
        em,
        "INSERT INTO unit_fact (fact_id, fact_type, order_id, case_id, unit_id,"
            + " category_code, township_code, received_at, at, on_time, num,"
            + " expired_before, first_for_order, level) SELECT * FROM unnest(?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::timestamptz[], ?::timestamptz[], ?::bool[], ?::int4[], ?::bool[],"
            + " ?::bool[], ?::text[]) ON CONFLICT (fact_id) DO NOTHING RETURNING"
            + " fact_id",
        Jdbc.texts(ids),
        Jdbc.texts(types),
        Jdbc.texts(orders),
        Jdbc.texts(cases),
        Jdbc.texts(units),
        Jdbc.texts(categories),
        Jdbc.texts(townships),
        Jdbc.times(received),
        Jdbc.times(at),
        Jdbc.bools(onTime),
        Jdbc.ints(num),
        Jdbc.bools(expiredBefore),
        Jdbc.bools(first),
        Jdbc.texts(level));
  }

  /**
   * Adds each delta to its cell (insert or add), all in one statement; the cells are written in key
   * order, so two writers lock them in the same order.
   */
  public void addToCells(Map<FiguresKey, Figures> deltas) {
    if (deltas.isEmpty()) {
      return;
    }
    Map<FiguresKey, Figures> sorted = new TreeMap<>(deltas);
    Counter[] counters = Counter.values();
    List<String> s = new ArrayList<>();
    List<String> p = new ArrayList<>();
    List<String> cat = new ArrayList<>();
    List<String> t = new ArrayList<>();
    List<List<Long>> values = new ArrayList<>();
    for (int i = 0; i < counters.length; i++) {
      values.add(new ArrayList<>());
    }
    sorted.forEach(
        (k, d) -> {
          s.add(k.subjectId());
          p.add(k.period().toString());
          cat.add(k.categoryCode());
          t.add(k.townshipCode());
          for (int i = 0; i < counters.length; i++) {
            values.get(i).add(d.get(counters[i]));
          }
        });
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO figure_cell (subject_id, period, category_code, township_code");
    for (String c : COLUMNS) {
      sql.append(", ").append(c);
    }
    sql.append(") SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]");
    for (int i = 0; i < counters.length; i++) {
      sql.append(", ?::int8[]");
    }
    sql.append(") ON CONFLICT (subject_id, period, category_code, township_code) DO UPDATE SET ");
    for (int i = 0; i < COLUMNS.size(); i++) {
      String c = COLUMNS.get(i);
      sql.append(i == 0 ? "" : ", ")
          .append(c)
          .append(" = figure_cell.")
          .append(c)
          .append(" + EXCLUDED.")
          .append(c);
    }
    Object[] params = new Object[4 + counters.length];
    params[0] = Jdbc.texts(s);
    params[1] = Jdbc.texts(p);
    params[2] = Jdbc.texts(cat);
    params[3] = Jdbc.texts(t);
    for (int i = 0; i < counters.length; i++) {
      params[4 + i] = Jdbc.longs(values.get(i));
    }
    Jdbc.update(em, sql.toString(), params);
  }

  /**
   * Adds one delta to several distinct cells in one statement — the same upsert-add as {@link
   * #addToCells(Map)} (and so the same key-order locking).
   */
  public void addToCells(List<FiguresKey> keys, Figures delta) {
    Map<FiguresKey, Figures> deltas = new LinkedHashMap<>();
    for (FiguresKey k : keys) {
      if (deltas.put(k, delta) != null) {
        throw new IllegalArgumentException("cells must be distinct: " + k);
      }
    }
    addToCells(deltas);
  }

  private static Object[] extra(FactEvent f) {
    Boolean onTime = null;
    Integer num = null;
    Boolean expiredBefore = null;
    Boolean first = null;
    String level = null;
    if (f instanceof FactEvent.SignedFor s) {
      onTime = s.onTime();
      num = s.round();
    } else if (f instanceof FactEvent.ExtensionGranted e) {
      first = e.firstForOrder();
    } else if (f instanceof FactEvent.Expired e) {
      num = e.failedChecksBefore();
    } else if (f instanceof FactEvent.CheckFailed c) {
      num = c.attempt();
      expiredBefore = c.expiredBefore();
    } else if (f instanceof FactEvent.Handled h) {
      onTime = h.onTime();
      num = h.attempt();
      expiredBefore = h.expiredBefore();
    } else if (f instanceof FactEvent.SubOrderHandled h) {
      onTime = h.onTime();
      expiredBefore = h.expiredBefore();
    } else if (f instanceof FactEvent.SatisfactionRecorded s) {
      level = s.level().name();
    }
    return new Object[] {onTime, num, expiredBefore, first, level};
  }

  /** Deletes the cells of a period (all periods when null), before they are written anew. */
  public void deleteCells(Period period) {
    em.createNativeQuery("DELETE FROM figure_cell WHERE CAST(?1 AS text) IS NULL OR period = ?1")
        .setParameter(1, period == null ? null : period.toString())
        .executeUpdate();
  }

  /** Adds a delta to one cell (insert or add). */
  public void addToCell(FiguresKey key, Figures delta) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO figure_cell (subject_id, period, category_code, township_code");
    for (String c : COLUMNS) {
      sql.append(", ").append(c);
    }
    sql.append(") VALUES (?1, ?2, ?3, ?4");
    for (int i = 0; i < COLUMNS.size(); i++) {
      sql.append(", ?").append(i + 5);
    }
    sql.append(") ON CONFLICT (subject_id, period, category_code, township_code) DO UPDATE SET ");
    for (int i = 0; i < COLUMNS.size(); i++) {
      String c = COLUMNS.get(i);
      sql.append(i == 0 ? "" : ", ")
          .append(c)
          .append(" = figure_cell.")
          .append(c)
          .append(" + EXCLUDED.")
          .append(c);
    }
    var q =
        em.createNativeQuery(sql.toString())
            .setParameter(1, key.subjectId())
            .setParameter(2, key.period().toString())
            .setParameter(3, key.categoryCode())
            .setParameter(4, key.townshipCode());
    Counter[] counters = Counter.values();
    for (int i = 0; i < counters.length; i++) {
      q.setParameter(i + 5, delta.get(counters[i]));
    }
    q.executeUpdate();
  }

  /** The figures of one cell ({@link Figures#ZERO} when nothing was booked). */
  public Figures cell(String subjectId, Period period, String category, String township) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subject_id, "
                    + String.join(", ", COLUMNS)
                    + " FROM figure_cell WHERE subject_id = ?1 AND period = ?2 AND category_code"
                    + " = ?3 AND township_code = ?4")
            .setParameter(1, subjectId)
            .setParameter(2, period.toString())
            .setParameter(3, category == null ? FiguresKey.ALL : category)
            .setParameter(4, township == null ? FiguresKey.ALL : township)
            .getResultList();
    return rows.isEmpty() ? Figures.ZERO : figures(rows.get(0));
  }

  /** Every subject's figures in one cell position of a period (e.g. all units' totals). */
  public Map<String, Figures> cellsOfPeriod(Period period, String category, String township) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subject_id, "
                    + String.join(", ", COLUMNS)
                    + " FROM figure_cell WHERE period = ?1 AND category_code = ?2 AND"
                    + " township_code = ?3 ORDER BY subject_id")
            .setParameter(1, period.toString())
            .setParameter(2, category == null ? FiguresKey.ALL : category)
            .setParameter(3, township == null ? FiguresKey.ALL : township)
            .getResultList();
    Map<String, Figures> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      out.put((String) r[0], figures(r));
    }
    return out;
  }

  /** All stored cells of a period, or all cells when null (for the recompute comparison). */
  public Map<FiguresKey, Figures> allCells(Period period) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subject_id, period, category_code, township_code, "
                    + String.join(", ", COLUMNS)
                    + " FROM figure_cell WHERE CAST(?1 AS text) IS NULL OR period = ?1")
            .setParameter(1, period == null ? null : period.toString())
            .getResultList();
    Map<FiguresKey, Figures> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      Object[] shifted = new Object[1 + COLUMNS.size()];
      System.arraycopy(r, 3, shifted, 0, shifted.length);
      out.put(
          new FiguresKey((String) r[0], Period.parse((String) r[1]), (String) r[2], (String) r[3]),
          figures(shifted));
    }
    return out;
  }

  private static Figures figures(Object[] r) {
    long[] v = new long[COLUMNS.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = ((Number) r[i + 1]).longValue();
    }
    Figures f = Figures.ZERO;
    Counter[] counters = Counter.values();
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0) {
        f = f.add(counters[i], v[i]);
      }
    }
    return f;
  }

  /** Streams every stored fact (rebuilt as {@link FactEvent}s) in fact-id order, in pages. */
  public void forEachFact(Consumer<FactEvent> sink) {
    forEachFact(null, sink);
  }

  /**
   * Streams the stored facts of orders received in {@code period} (all when null): exactly the
   * facts booked into that period's cells.
   */
  public void forEachFact(Period period, Consumer<FactEvent> sink) {
    Instant from = period == null ? Instant.parse("1970-01-01T00:00:00Z") : period.start();
    Instant to = period == null ? Instant.parse("9999-01-01T00:00:00Z") : period.end();
    String after = "";
    while (true) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT fact_id, fact_type, order_id, case_id, unit_id, category_code,"
                      + " township_code, received_at, at, on_time, num, expired_before,"
                      + " first_for_order, level FROM unit_fact WHERE fact_id > ?1 AND"
                      + " received_at >= ?2 AND received_at < ?3 ORDER BY fact_id LIMIT 5000")
              .setParameter(1, after)
              .setParameter(2, from)
              .setParameter(3, to)
              .getResultList();
      if (rows.isEmpty()) {
        return;
      }
      for (Object[] r : rows) {
        sink.accept(fact(r));
      }
      after = (String) rows.get(rows.size() - 1)[0];
    }
  }

  static FactEvent fact(Object[] r) {
    String id = (String) r[0];
    OrderRef ref =
        new OrderRef(
            (String) r[2],
            (String) r[3],
            (String) r[4],
            (String) r[5],
            (String) r[6],
            SqlValues.instant(r[7]));
    Instant at = SqlValues.instant(r[8]);
    Boolean onTime = (Boolean) r[9];
    Integer num = r[10] == null ? null : ((Number) r[10]).intValue();
    boolean expiredBefore = Boolean.TRUE.equals(r[11]);
    return switch ((String) r[1]) {
      case "OrderReceived" -> new FactEvent.OrderReceived(id, ref, at);
      case "SignedFor" -> new FactEvent.SignedFor(id, ref, at, Boolean.TRUE.equals(onTime), num);
      case "ReturnRequested" -> new FactEvent.ReturnRequested(id, ref, at);
      case "ReturnApproved" -> new FactEvent.ReturnApproved(id, ref, at);
      case "ReturnRefused" -> new FactEvent.ReturnRefused(id, ref, at);
      case "SubOrderHandled" ->
          new FactEvent.SubOrderHandled(id, ref, at, Boolean.TRUE.equals(onTime), expiredBefore);
      case "ExtensionGranted" ->
          new FactEvent.ExtensionGranted(id, ref, at, Boolean.TRUE.equals(r[12]));
      case "Expired" -> new FactEvent.Expired(id, ref, at, num);
      case "CheckFailed" -> new FactEvent.CheckFailed(id, ref, at, num, expiredBefore);
      case "Handled" ->
          new FactEvent.Handled(id, ref, at, Boolean.TRUE.equals(onTime), num, expiredBefore);
      case "SatisfactionRecorded" ->
          new FactEvent.SatisfactionRecorded(id, ref, at, Satisfaction.valueOf((String) r[13]));
      default -> throw new IllegalStateException("unknown fact type " + r[1]);
    };
  }
}
