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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The staff facts and cells ({@code staff_fact}, {@code staff_cell}, V3) as the recompute reads and
 * repairs them. The incremental path writes them in {@link StaffFiguresHandler} and {@link
 * MissedReportBook}; {@link StaffFiguresBook} rebuilds the cells from the facts.
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
        case COLLECTOR -> collectors.put(k, StaffFiguresHandler.collectorFigures(v));
        case COLLECTION_UNIT -> units.put(k, StaffFiguresHandler.collectorFigures(v));
        case OPERATOR -> operators.put(k, StaffFiguresHandler.operatorFigures(v));
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
        .forEach(
            (k, v) ->
                add.accept(Book.COLLECTOR.name(), Map.entry(k, StaffFiguresHandler.counters(v))));
    cells
        .collectionUnits()
        .forEach(
            (k, v) ->
                add.accept(
                    Book.COLLECTION_UNIT.name(), Map.entry(k, StaffFiguresHandler.counters(v))));
    cells
        .operators()
        .forEach(
            (k, v) ->
                add.accept(Book.OPERATOR.name(), Map.entry(k, StaffFiguresHandler.counters(v))));
    // the period's cells were just deleted: adding to nothing writes them as they are
    StaffFiguresHandler.addToCells(em, rows);
  }
}
