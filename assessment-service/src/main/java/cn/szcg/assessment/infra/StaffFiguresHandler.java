package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorFact;
import cn.szcg.assessment.domain.CollectorFigures;
import cn.szcg.assessment.domain.CollectorRef;
import cn.szcg.assessment.domain.OperatorFact;
import cn.szcg.assessment.domain.OperatorFigures;
import cn.szcg.assessment.domain.Period;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Collector, collection-unit and operator figures from intake, cases and clocks
 * events; booked exactly once (inbox + unique fact id) into precomputed month and year cells.
 *
 * <ul>
 *   <li>Collector report judged: CaseFiled with a collector → 有效上报 (VALID); ReportRejected with a
 *       collector → 虚报 (FALSE) when unfounded, otherwise 不予立案 (NOT_FILED); counted at the rejection
 *       / filing report's registration time.
 *   <li>Verification (核实): VerificationCompleted; on time = within {@code
 *       szcg.assessment.verification-limit} (natural minutes, default 60) of VerificationRequested
 *       — no clock of its own is published yet (approximation, see docs/assessment.md).
 *   <li>Check (核查): PASS_CHECK / FAIL_CHECK by the collector (actor) paired with the
 *       FEEDBACK_TO_CHECK ClockStopped of the same order (on time), whichever arrives second.
 *   <li>Operator: filed (CaseFiled.filedBy) paired with the REGISTRATION_TO_DISPATCH ClockStopped
 *       of the case (on time, R-12); dispatched (DISPATCH actor); returned (APPROVE_RETURN of an
 *       order, charged to its dispatcher in the dispatch's period); closed (CLOSE actor), on time =
 *       within {@code szcg.assessment.close-limit} natural minutes (default 60) of the passed
 *       check.
 * </ul>
 *
 * The collection unit of a collector is not carried by any event (the collector register lives in
 * intake-service): collectors are booked under {@link #UNREGISTERED} until it is.
 */
@ApplicationScoped
public class StaffFiguresHandler implements EventHandler {

  public static final String UNREGISTERED = "UNREGISTERED";
  static final String COLLECTOR = "COLLECTOR";
  static final String COLLECTION_UNIT = "COLLECTION_UNIT";
  static final String OPERATOR = "OPERATOR";

  @Inject EntityManager em;

  @ConfigProperty(name = "szcg.assessment.verification-limit", defaultValue = "PT60M")
  Duration verificationLimit;

  @ConfigProperty(name = "szcg.assessment.close-limit", defaultValue = "PT60M")
  Duration closeLimit;

  @Override
  public String name() {
    return "staff-figures";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE, Topics.CASES, Topics.CLOCKS);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.CASE_FILED,
        EventType.REPORT_REJECTED,
        EventType.VERIFICATION_REQUESTED,
        EventType.VERIFICATION_COMPLETED,
        EventType.CASE_TRANSITIONED,
        EventType.CLOCK_STOPPED);
  }

  @Override
  public void handle(CloudEvent event, Record payload) {
    String id = event.id();
    if (payload instanceof CaseFiled f) {
      if (f.collectorId() != null) {
        collector(
            new CollectorFact.ReportJudged(
                f.caseId() + ":VERDICT",
                ref(f.collectorId()),
                f.registeredAt(),
                CollectorFact.Verdict.VALID));
      }
      if (f.filedBy() != null) {
        pair("FILE:" + f.caseId(), f.filedBy(), f.filedAt(), id + ":filed", null);
      }
    } else if (payload instanceof ReportRejected r) {
      if (r.collectorId() != null) {
        collector(
            new CollectorFact.ReportJudged(
                r.caseId() + ":VERDICT",
                ref(r.collectorId()),
                r.rejectedAt(),
                r.unfounded() ? CollectorFact.Verdict.FALSE : CollectorFact.Verdict.NOT_FILED));
      }
    } else if (payload instanceof VerificationRequested v) {
      note("VERIFY:" + v.taskId(), v.collectorId(), v.requestedAt());
    } else if (payload instanceof VerificationCompleted v) {
      Instant requested = noteAt("VERIFY:" + v.taskId());
      boolean onTime =
          requested == null || !v.completedAt().isAfter(requested.plus(verificationLimit));
      collector(
          new CollectorFact.TaskDone(
              v.taskId() + ":VERIFIED",
              ref(v.collectorId()),
              v.completedAt(),
              CollectorFact.Task.VERIFICATION,
              onTime));
    } else if (payload instanceof CaseTransitioned t) {
      transitioned(id, t);
    } else if (payload instanceof ClockStopped s) {
      if ("FEEDBACK_TO_CHECK".equals(s.stage()) && s.orderId() != null) {
        pair("CHECK:" + s.orderId(), null, null, null, s.onTime());
      } else if ("REGISTRATION_TO_DISPATCH".equals(s.stage())) {
        pair("FILE:" + s.caseId(), null, null, null, s.onTime());
      }
    }
  }

  private void transitioned(String id, CaseTransitioned t) {
    switch (t.transition()) {
      case "DISPATCH" -> {
        if (t.actorUserId() != null && t.orderId() != null) {
          note("DISPATCHER:" + t.orderId(), t.actorUserId(), t.at());
          operator(new OperatorFact.OrderDispatched(id + ":dispatched", t.actorUserId(), t.at()));
        }
      }
      case "APPROVE_RETURN" -> {
        String[] who = noteOf("DISPATCHER:" + t.orderId());
        if (who != null && who[0] != null) {
          operator(
              new OperatorFact.DispatchReturned(id + ":returned", who[0], Instant.parse(who[1])));
        }
      }
      case "PASS_CHECK", "FAIL_CHECK" -> {
        String checked =
            "FAIL_CHECK".equals(t.transition())
                    && t.data() != null
                    && t.data().get("failedOrderId") != null
                ? t.data().get("failedOrderId")
                : t.orderId();
        if (checked != null && t.actorUserId() != null) {
          pair("CHECK:" + checked, t.actorUserId(), t.at(), id + ":checked", null);
        }
        if ("PASS_CHECK".equals(t.transition())) {
          note("PASSED:" + t.caseId(), t.actorUserId(), t.at());
        }
      }
      case "CLOSE" -> {
        if (t.actorUserId() != null) {
          Instant passed = noteAt("PASSED:" + t.caseId());
          boolean onTime = passed == null || !t.at().isAfter(passed.plus(closeLimit));
          operator(new OperatorFact.CaseClosed(id + ":closed", t.actorUserId(), t.at(), onTime));
        }
      }
      default -> {
        // nothing for staff figures
      }
    }
  }

  /** The two halves of a fact: who and when (from one topic), on time (from the clocks). */
  private void pair(String key, String subject, Instant at, String factId, Boolean onTime) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "INSERT INTO staff_pairing (pair_key, subject_id, at, fact_id, on_time) VALUES (?1,"
                    + " ?2, ?3, ?4, ?5) ON CONFLICT (pair_key) DO UPDATE SET subject_id ="
                    + " COALESCE(staff_pairing.subject_id, EXCLUDED.subject_id), at ="
                    + " COALESCE(staff_pairing.at, EXCLUDED.at), fact_id ="
                    + " COALESCE(staff_pairing.fact_id, EXCLUDED.fact_id), on_time ="
                    + " COALESCE(staff_pairing.on_time, EXCLUDED.on_time) RETURNING subject_id,"
                    + " at, fact_id, on_time, booked")
            .setParameter(1, key)
            .setParameter(2, subject)
            .setParameter(3, at)
            .setParameter(4, factId)
            .setParameter(5, onTime)
            .getResultList();
    Object[] r = rows.get(0);
    if (r[0] == null || r[3] == null || Boolean.TRUE.equals(r[4])) {
      return;
    }
    em.createNativeQuery("UPDATE staff_pairing SET booked = true WHERE pair_key = ?1")
        .setParameter(1, key)
        .executeUpdate();
    String who = (String) r[0];
    Instant when = Times.instant(r[1]);
    String fid = (String) r[2];
    boolean ok = (Boolean) r[3];
    if (key.startsWith("CHECK:")) {
      collector(new CollectorFact.TaskDone(fid, ref(who), when, CollectorFact.Task.CHECK, ok));
    } else {
      operator(new OperatorFact.CaseFiled(fid, who, when, ok));
    }
  }

  private void note(String key, String subject, Instant at) {
    em.createNativeQuery(
            "INSERT INTO staff_note (note_key, subject_id, at) VALUES (?1, ?2, ?3) ON CONFLICT"
                + " (note_key) DO NOTHING")
        .setParameter(1, key)
        .setParameter(2, subject)
        .setParameter(3, at)
        .executeUpdate();
  }

  private String[] noteOf(String key) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT subject_id, at FROM staff_note WHERE note_key = ?1")
            .setParameter(1, key)
            .getResultList();
    return rows.isEmpty()
        ? null
        : new String[] {(String) rows.get(0)[0], Times.instant(rows.get(0)[1]).toString()};
  }

  private Instant noteAt(String key) {
    String[] n = noteOf(key);
    return n == null ? null : Instant.parse(n[1]);
  }

  private static CollectorRef ref(String collectorId) {
    return new CollectorRef(collectorId, UNREGISTERED);
  }

  private void collector(CollectorFact f) {
    String verdict = f instanceof CollectorFact.ReportJudged j ? j.verdict().name() : null;
    String task = f instanceof CollectorFact.TaskDone d ? d.task().name() : null;
    Boolean onTime = f instanceof CollectorFact.TaskDone d ? d.onTime() : null;
    if (!insertFact(
        f.factId(),
        COLLECTOR,
        f.collector().collectorId(),
        f.collector().collectionUnitId(),
        f.getClass().getSimpleName(),
        f.at(),
        verdict,
        task,
        onTime)) {
      return;
    }
    long[] d = counters(f.delta());
    addCells(COLLECTOR, f.collector().collectorId(), f.at(), d);
    addCells(COLLECTION_UNIT, f.collector().collectionUnitId(), f.at(), d);
  }

  private void operator(OperatorFact f) {
    Boolean onTime =
        f instanceof OperatorFact.CaseFiled c
            ? (Boolean) c.onTime()
            : f instanceof OperatorFact.CaseClosed c ? (Boolean) c.onTime() : null;
    if (!insertFact(
        f.factId(),
        OPERATOR,
        f.operatorId(),
        null,
        f.getClass().getSimpleName(),
        f.at(),
        null,
        null,
        onTime)) {
      return;
    }
    addCells(OPERATOR, f.operatorId(), f.at(), counters(f.delta()));
  }

  private boolean insertFact(
      String factId,
      String book,
      String subject,
      String collectionUnit,
      String type,
      Instant at,
      String verdict,
      String task,
      Boolean onTime) {
    return em.createNativeQuery(
                "INSERT INTO staff_fact (fact_id, book, subject_id, collection_unit_id, fact_type,"
                    + " at, verdict, task, on_time) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON"
                    + " CONFLICT (fact_id) DO NOTHING")
            .setParameter(1, factId)
            .setParameter(2, book)
            .setParameter(3, subject)
            .setParameter(4, collectionUnit)
            .setParameter(5, type)
            .setParameter(6, at)
            .setParameter(7, verdict)
            .setParameter(8, task)
            .setParameter(9, onTime)
            .executeUpdate()
        == 1;
  }

  static long[] counters(CollectorFigures f) {
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

  static long[] counters(OperatorFigures f) {
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

  private void addCells(String book, String subject, Instant at, long[] d) {
    for (Period p : List.of(Period.monthOf(at), Period.yearOf(at))) {
      em.createNativeQuery(
              "INSERT INTO staff_cell (book, subject_id, period, n0, n1, n2, n3, n4, n5, n6, n7)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (book,"
                  + " subject_id, period) DO UPDATE SET n0 = staff_cell.n0 + EXCLUDED.n0, n1 ="
                  + " staff_cell.n1 + EXCLUDED.n1, n2 = staff_cell.n2 + EXCLUDED.n2, n3 ="
                  + " staff_cell.n3 + EXCLUDED.n3, n4 = staff_cell.n4 + EXCLUDED.n4, n5 ="
                  + " staff_cell.n5 + EXCLUDED.n5, n6 = staff_cell.n6 + EXCLUDED.n6, n7 ="
                  + " staff_cell.n7 + EXCLUDED.n7")
          .setParameter(1, book)
          .setParameter(2, subject)
          .setParameter(3, p.toString())
          .setParameter(4, d[0])
          .setParameter(5, d[1])
          .setParameter(6, d[2])
          .setParameter(7, d[3])
          .setParameter(8, d[4])
          .setParameter(9, d[5])
          .setParameter(10, d[6])
          .setParameter(11, d[7])
          .executeUpdate();
    }
  }

  /** Every subject's counters of a book in a period. */
  public static Map<String, long[]> cells(EntityManager em, String book, Period period) {
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
}
