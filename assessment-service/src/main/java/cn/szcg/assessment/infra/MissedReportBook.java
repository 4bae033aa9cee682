package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorFact;
import cn.szcg.assessment.domain.CollectorRef;
import cn.szcg.assessment.domain.Period;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * Books missed reports (漏报) into the staff figures that {@code StaffFiguresHandler} keeps: a fact
 * row in {@code staff_fact} (unique fact id, so a fact counts once) and ±1 on the missed-reports
 * counter ({@code n3}) of the collector's and the collection unit's month and year cells in {@code
 * staff_cell}. The same tables and counter layout as {@code StaffFiguresHandler}, written here so
 * that the missed-report wiring needs no change in that class.
 */
@ApplicationScoped
public class MissedReportBook {

  static final String COLLECTOR = "COLLECTOR";
  static final String COLLECTION_UNIT = "COLLECTION_UNIT";

  @Inject EntityManager em;

  /** Books a charged miss (+1); false if the fact id was booked before. */
  public boolean charge(CollectorFact.MissedReportFound f) {
    return book(f.factId(), f.collector(), f.at(), "MissedReportFound", +1);
  }

  /** Books a revoked miss (−1) under its own fact id; false if booked before. */
  public boolean revoke(String factId, CollectorRef collector, Instant at) {
    return book(factId, collector, at, "MissedReportRevoked", -1);
  }

  private boolean book(String factId, CollectorRef c, Instant at, String type, int delta) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO staff_fact (fact_id, book, subject_id, collection_unit_id, fact_type,"
                    + " at) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (fact_id) DO NOTHING")
            .setParameter(1, factId)
            .setParameter(2, COLLECTOR)
            .setParameter(3, c.collectorId())
            .setParameter(4, c.collectionUnitId())
            .setParameter(5, type)
            .setParameter(6, at)
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    addMissed(COLLECTOR, c.collectorId(), at, delta);
    addMissed(COLLECTION_UNIT, c.collectionUnitId(), at, delta);
    return true;
  }

  private void addMissed(String book, String subject, Instant at, int delta) {
    for (Period p : List.of(Period.monthOf(at), Period.yearOf(at))) {
      em.createNativeQuery(
              "INSERT INTO staff_cell (book, subject_id, period, n3) VALUES (?1, ?2, ?3, ?4) ON"
                  + " CONFLICT (book, subject_id, period) DO UPDATE SET n3 = staff_cell.n3 +"
                  + " EXCLUDED.n3")
          .setParameter(1, book)
          .setParameter(2, subject)
          .setParameter(3, p.toString())
          .setParameter(4, delta)
          .executeUpdate();
    }
  }
}
