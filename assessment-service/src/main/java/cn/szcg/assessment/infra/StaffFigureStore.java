package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorFigures;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.OperatorFigures;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.domain.StaffFiguresBook.Book;
import cn.szcg.assessment.domain.StaffFiguresBook.Cells;
import cn.szcg.assessment.domain.StaffFiguresBook.StoredFact;
import cn.szcg.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The staff facts and cells ({@code staff_fact}, {@code staff_cell}, V3): the incremental path
 * books facts and adds to cells here ({@link StaffFiguresBatch}, {@link MissedReportBook}), the
 * readers read the cells ({@link #subjectCells}), the recompute reads and repairs them ({@link
 * StaffFiguresBook} rebuilds the cells from the facts). A cell's counters are eight columns {@code
 * n0..n7} ({@link #counters(CollectorFigures)}, {@link #counters(OperatorFigures)}).
 */
@ApplicationScoped
public class StaffFigureStore {

  @Inject EntityManager em;

  /**
   * Streams the stored staff facts whose time is in {@code period} (all when null) — exactly the
   * facts booked into that period's cells — in fact-id order, in pages. A row that is not even a
   * staff fact (unknown book, missing column) goes to {@code unreadable} with the reason.
   */
  public void forEachFact(
      Period period, Consumer<StoredFact> sink, BiConsumer<String, String> unreadable) {
    Instant from = period == null ? Instant.parse("1970-01-01T00:00:00Z") : period.start();
    Instant to = period == null ? Instant.parse("9999-01-01T00:00:00Z") : period.end();
    String after = "";
    while (true) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT fact_id, book, subject_id, collection_unit_id, fact_type, at, verdict,"
                      + " task, on_time FROM staff_fact WHERE fact_id > ?1 AND at >= ?2 AND at <"
                      + " ?3 ORDER BY fact_id LIMIT 5000")
              .setParameter(1, after)
              .setParameter(2, from)
              .setParameter(3, to)
              .getResultList();
      if (rows.isEmpty()) {
        return;
      }
      for (Object[] r : rows) {
        StoredFact f;
        try {
          f =
              new StoredFact(
                  (String) r[0],
                  Book.valueOf((String) r[1]),
                  (String) r[2],
                  (String) r[3],
                  (String) r[4],
                  SqlValues.instant(r[5]),
                  (String) r[6],
                  (String) r[7],
                  (Boolean) r[8]);
        } catch (IllegalArgumentException | NullPointerException e) {
          unreadable.accept((String) r[0], "book " + r[1] + ": " + e.getMessage());
          continue;
        }
        sink.accept(f);
      }
      after = (String) rows.get(rows.size() - 1)[0];
    }
  }

  /** The stored cells of a period, or all cells when null, of the three books. */
  public Cells cells(Period period) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT book, subject_id, period, n0, n1, n2, n3, n4, n5, n6, n7 FROM staff_cell"
                    + " WHERE CAST(?1 AS text) IS NULL OR period = ?1")
            .setParameter(1, period == null ? null : period.toString())
            .getResultList();
    Map<FiguresKey, CollectorFigures> collectors = new TreeMap<>();
    Map<FiguresKey, CollectorFigures> units = new TreeMap<>();
    Map<FiguresKey, OperatorFigures> operators = new TreeMap<>();
    for (Object[] r : rows) {
      long[] v = new long[8];
      for (int i = 0; i < 8; i++) {
        v[i] = ((Number) r[i + 3]).longValue();
      }
      FiguresKey k = FiguresKey.total((String) r[1], Period.parse((String) r[2]));
      switch (Book.valueOf((String) r[0])) {
        case COLLECTOR -> collectors.put(k, collectorFigures(v));
        case COLLECTION_UNIT -> units.put(k, collectorFigures(v));
        case OPERATOR -> operators.put(k, operatorFigures(v));
      }
    }
    return new Cells(collectors, units, operators);
  }

  /**
   * Holds off the incremental path until the end of the transaction: the consumers' cell upserts
   * wait (reads go on), so that the facts read afterwards are exactly those behind the cells — a
   * fact committed before is read, one committed after adds to the repaired cells.
   */
  public void lockCells() {
    em.createNativeQuery("LOCK TABLE staff_cell IN EXCLUSIVE MODE").executeUpdate();
  }

  /** Replaces the stored cells of a period (all when null) with {@code cells}. */
  public void replaceCells(Period period, Cells cells) {
    em.createNativeQuery("DELETE FROM staff_cell WHERE CAST(?1 AS text) IS NULL OR period = ?1")
        .setParameter(1, period == null ? null : period.toString())
        .executeUpdate();
    Map<List<String>, long[]> rows = new HashMap<>();
    BiConsumer<String, Map.Entry<FiguresKey, long[]>> add =
        (book, e) ->
            rows.put(
                List.of(book, e.getKey().subjectId(), e.getKey().period().toString()),
                e.getValue());
    cells
        .collectors()
        .forEach((k, v) -> add.accept(Book.COLLECTOR.name(), Map.entry(k, counters(v))));
    cells
        .collectionUnits()
        .forEach((k, v) -> add.accept(Book.COLLECTION_UNIT.name(), Map.entry(k, counters(v))));
    cells
        .operators()
        .forEach((k, v) -> add.accept(Book.OPERATOR.name(), Map.entry(k, counters(v))));
    // the period's cells were just deleted: adding to nothing writes them as they are
    addToCells(rows);
  }

  /** A staff cell's counters of collector figures. */
  public static long[] counters(CollectorFigures f) {
    return new long[] {
      f.reports(),
      f.validReports(),
      f.falseReports(),
      f.missedReports(),
      f.verificationsOnTime(),
      f.verificationsLate(),
      f.checksOnTime(),
      f.checksLate()
    };
  }

  /** A staff cell's counters of operator figures (n6, n7 unused). */
  public static long[] counters(OperatorFigures f) {
    return new long[] {
      f.filed(),
      f.filedOnTime(),
      f.dispatched(),
      f.dispatchesReturned(),
      f.closed(),
      f.closedOnTime(),
      0,
      0
    };
  }

  /** The collector figures of a cell's counters (the inverse of {@link #counters}). */
  public static CollectorFigures collectorFigures(long[] v) {
    return new CollectorFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  }

  /** The operator figures of a cell's counters (n6, n7 unused). */
  public static OperatorFigures operatorFigures(long[] v) {
    return new OperatorFigures(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  /** Every subject's counters of a book in a period, by subject id. */
  public Map<String, long[]> subjectCells(String book, Period period) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subject_id, n0, n1, n2, n3, n4, n5, n6, n7 FROM staff_cell WHERE book = ?1"
                    + " AND period = ?2 ORDER BY subject_id")
            .setParameter(1, book)
            .setParameter(2, period.toString())
            .getResultList();
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      long[] v = new long[8];
      for (int i = 0; i < 8; i++) {
        v[i] = ((Number) r[i + 1]).longValue();
      }
      out.put((String) r[0], v);
    }
    return out;
  }

  /** Stores the facts (one insert); returns the ids new to the store. */
  Set<String> insertFacts(Collection<StoredFact> facts) {
    if (facts.isEmpty()) {
      return Set.of();
    }
    List<String> ids = new ArrayList<>();
    List<String> books = new ArrayList<>();
    List<String> subjects = new ArrayList<>();
    List<String> units = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    List<String> verdicts = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    List<Boolean> onTime = new ArrayList<>();
    for (StoredFact f : facts) {
      ids.add(f.factId());
      books.add(f.book().name());
      subjects.add(f.subjectId());
      units.add(f.collectionUnitId());
      types.add(f.factType());
      at.add(f.at());
      verdicts.add(f.verdict());
      tasks.add(f.task());
      onTime.add(f.onTime());
    }
    return Jdbc.insertedIds(
        em,
        "INSERT INTO staff_fact (fact_id, book, subject_id, collection_unit_id,"
            + " fact_type, at, verdict, task, on_time) SELECT * FROM"
            + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::timestamptz[], ?::text[], ?::text[], ?::bool[]) ON CONFLICT"
            + " (fact_id) DO NOTHING RETURNING fact_id",
        Jdbc.texts(ids),
        Jdbc.texts(books),
        Jdbc.texts(subjects),
        Jdbc.texts(units),
        Jdbc.texts(types),
        Jdbc.times(at),
        Jdbc.texts(verdicts),
        Jdbc.texts(tasks),
        Jdbc.bools(onTime));
  }

  /**
   * Adds counters to {@code staff_cell} (upsert-add, one statement) in key order ({@link
   * #compareKeys}): the one writer of the cells — the staff figures' batches, the missed-report
   * book and the admin repair — so every writer locks shared rows in the same order.
   */
  public void addToCells(Map<List<String>, long[]> cells) {
    if (cells.isEmpty()) {
      return;
    }
    Map<List<String>, long[]> sorted = new TreeMap<>(StaffFigureStore::compareKeys);
    sorted.putAll(cells);
    List<String> b = new ArrayList<>();
    List<String> s = new ArrayList<>();
    List<String> p = new ArrayList<>();
    List<List<Long>> n = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      n.add(new ArrayList<>());
    }
    sorted.forEach(
        (k, v) -> {
          b.add(k.get(0));
          s.add(k.get(1));
          p.add(k.get(2));
          for (int i = 0; i < 8; i++) {
            n.get(i).add(v[i]);
          }
        });
    Object[] params = new Object[11];
    params[0] = Jdbc.texts(b);
    params[1] = Jdbc.texts(s);
    params[2] = Jdbc.texts(p);
    for (int i = 0; i < 8; i++) {
      params[3 + i] = Jdbc.longs(n.get(i));
    }
    Jdbc.update(
        em,
        "INSERT INTO staff_cell (book, subject_id, period, n0, n1, n2, n3, n4, n5, n6, n7)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[],"
            + " ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[]) ON CONFLICT"
            + " (book, subject_id, period) DO UPDATE SET n0 = staff_cell.n0 + EXCLUDED.n0, n1 ="
            + " staff_cell.n1 + EXCLUDED.n1, n2 = staff_cell.n2 + EXCLUDED.n2, n3 ="
            + " staff_cell.n3 + EXCLUDED.n3, n4 = staff_cell.n4 + EXCLUDED.n4, n5 ="
            + " staff_cell.n5 + EXCLUDED.n5, n6 = staff_cell.n6 + EXCLUDED.n6, n7 ="
            + " staff_cell.n7 + EXCLUDED.n7",
        params);
  }

  /** The order of staff_cell keys (book, subject, period) in which every writer locks rows. */
  static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
