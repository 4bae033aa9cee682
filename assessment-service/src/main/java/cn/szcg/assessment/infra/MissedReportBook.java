package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorFact;
import cn.szcg.assessment.domain.CollectorRef;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.domain.StaffFiguresBook.StoredFact;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Books missed reports (漏报) into the staff figures that {@link StaffFiguresHandler} keeps: a fact
 * row in {@code staff_fact} (unique fact id, so a fact counts once) and ±1 on the missed-reports
 * counter ({@code n3}) of the collector's and the collection unit's month and year cells in {@code
 * staff_cell}, added through {@link StaffFigureStore#addToCells} (the one writer of the cells). The
 * row is {@link StoredFact#of} the fact ({@code MissedReportFound} / {@code MissedReportRevoked}),
 * so that the recompute rebuilds the same ±1 from it.
 */
@ApplicationScoped
public class MissedReportBook {

  static final String COLLECTOR = StaffFiguresBook.Book.COLLECTOR.name();
  static final String COLLECTION_UNIT = StaffFiguresBook.Book.COLLECTION_UNIT.name();

  @Inject EntityManager em;
  @Inject StaffFigureStore figures;

  /** Books a charged miss (+1); false if the fact id was booked before. */
  public boolean charge(CollectorFact.MissedReportFound f) {
    return book(f);
  }

  /** Books a revoked miss (−1) under its own fact id; false if booked before. */
  public boolean revoke(String factId, CollectorRef collector, Instant at) {
    return book(new CollectorFact.MissedReportRevoked(factId, collector, at));
  }

  private boolean book(CollectorFact f) {
    StoredFact row = StoredFact.of(f);
    int inserted =
        em.createNativeQuery(
                "INSERT INTO staff_fact (fact_id, book, subject_id, collection_unit_id, fact_type,"
                    + " at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (fact_id) DO NOTHING")
            .setParameter(1, row.factId())
            .setParameter(2, row.book().name())
            .setParameter(3, row.subjectId())
            .setParameter(4, row.collectionUnitId())
            .setParameter(5, row.factType())
            .setParameter(6, row.at())
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    long delta = f.delta().missedReports();
    addMissed(COLLECTOR, row.subjectId(), row.at(), delta);
    addMissed(COLLECTION_UNIT, row.collectionUnitId(), row.at(), delta);
    return true;
  }

  /**
   * The batch's missed-report deltas per cell (book, subject, period), written at {@link #flush} in
   * key order: the order in which {@link StaffFiguresBatch} writes its cells, so the two consumers
   * lock shared {@code staff_cell} rows in the same order and cannot deadlock (before, each delta
   * was upserted in event order and a deadlocked poll was retried event by event). One consumer
   * thread uses this book.
   */
  private final Map<List<String>, long[]> pending = new TreeMap<>(StaffFigureStore::compareKeys);

  /** Drops what a batch that was rolled back left. */
  public void begin() {
    pending.clear();
  }

  private void addMissed(String book, String subject, Instant at, long delta) {
    for (Period p : List.of(Period.monthOf(at), Period.yearOf(at))) {
      pending.computeIfAbsent(List.of(book, subject, p.toString()), k -> new long[8])[3] += delta;
    }
  }

  /** Adds the batch's deltas to {@code staff_cell} in one statement, in key order. */
  public void flush() {
    figures.addToCells(pending); // n3: the missed-reports counter
    pending.clear();
  }
}
