package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorFact;
import cn.szcg.assessment.domain.CollectorRef;
import cn.szcg.assessment.domain.DutyShift;
import cn.szcg.assessment.domain.MissedReport;
import cn.szcg.assessment.domain.MissedReportRule;
import cn.szcg.assessment.domain.RegisteredProblem;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.ReportMerged;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.platform.inbox.BatchingEventHandler;
import cn.szcg.platform.sql.SqlValues;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Missed reports (漏报, R-08, issue 7): applies {@link MissedReportRule} to the collectors' duty
 * shifts (intake's {@code collector-duty-recorded}) and the problems' first registrations (intake's
 * {@code report-registered}, {@code location-resolved}, {@code case-filed}, {@code report-merged}),
 * whichever side arrives last.
 *
 * <ul>
 *   <li>A <em>problem</em> is a filed case together with the reports merged into it; its first
 *       registration is the earliest of them (channel, collector of a patrol report, time); its
 *       grid is the filed case's grid ({@code context.gridCode}, possibly known only from a later
 *       {@code location-resolved}).
 *   <li>Every change on either side re-evaluates the problems concerned: a shift change the filed
 *       problems in its grids and time (old and new), and the problems it was charged with; a
 *       registration, location, filing or merge the problem it belongs to.
 *   <li>The result is kept per problem and collector ({@code missed_report}, unique): a new miss is
 *       booked as {@link CollectorFact.MissedReportFound} (fact id {@code
 *       "{problemId}:{collectorId}:MISSED"}) for the month of the first registration; a miss no
 *       longer supported (an earlier own report merged in, the shift corrected or cancelled) is
 *       booked back. Replays change nothing (inbox, unique keys, deterministic evaluation).
 * </ul>
 *
 * Grace after the start of a shift: {@code szcg.assessment.missed-report.grace} (ISO-8601 duration,
 * default PT0S). A miss is booked under the collector's collection unit at booking time ({@link
 * CollectorRegister}, {@link CollectorRegister#UNREGISTERED} while unknown) and booked back from
 * the unit it was booked under ({@code missed_report.collection_unit_id}).
 */
@ApplicationScoped
public class MissedReportHandler extends BatchingEventHandler<BatchingEventHandler.Batch> {

  @Inject EntityManager em;
  @Inject MissedReportBook book;
  @Inject CollectorRegister register;

  @ConfigProperty(name = "szcg.assessment.missed-report.grace", defaultValue = "PT0S")
  Duration grace;

  MissedReportRule rule;

  @PostConstruct
  void init() {
    rule = new MissedReportRule(grace);
  }

  @Override
  public String name() {
    return "missed-reports";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.COLLECTOR_DUTY_RECORDED,
        EventType.REPORT_REGISTERED,
        EventType.LOCATION_RESOLVED,
        EventType.CASE_FILED,
        EventType.REPORT_MERGED);
  }

  /**
   * The batch is the book's: its staff_cell deltas, written at the end in the cells' key order (see
   * {@link MissedReportBook}).
   */
  @Override
  protected Batch openBatch(List<Delivery> deliveries) {
    book.begin();
    return book::flush;
  }

  @Override
  protected void apply(Batch batch, CloudEvent event, Record payload) {
    if (payload instanceof CollectorDutyRecorded d) {
      shift(d);
    } else if (payload instanceof ReportRegistered r) {
      registration(
          r.caseId(), r.channel(), r.collectorId(), grid(r.context()), r.registeredAt(), false);
    } else if (payload instanceof CaseFiled f) {
      registration(
          f.caseId(), f.channel(), f.collectorId(), grid(f.context()), f.registeredAt(), true);
    } else if (payload instanceof LocationResolved l) {
      registration(l.caseId(), null, null, grid(l.context()), null, false);
    } else if (payload instanceof ReportMerged m) {
      em.createNativeQuery(
              "INSERT INTO missed_registration (case_id, merged_into) VALUES (?1, ?2) ON CONFLICT"
                  + " (case_id) DO UPDATE SET merged_into = EXCLUDED.merged_into")
          .setParameter(1, m.caseId())
          .setParameter(2, m.intoCaseId())
          .executeUpdate();
      evaluate(m.intoCaseId());
    }
  }

  private static String grid(LocationContext c) {
    return c == null ? null : c.gridCode();
  }

  /** Stores what is known of a registration and re-evaluates the problem it belongs to. */
  private void registration(
      String caseId,
      Channel channel,
      String collectorId,
      String gridCode,
      Instant registeredAt,
      boolean filed) {
    @SuppressWarnings("unchecked")
    List<Object> primary =
        em.createNativeQuery(
                "INSERT INTO missed_registration (case_id, channel, collector_id, grid_code,"
                    + " registered_at, filed) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (case_id)"
                    + " DO UPDATE SET channel = COALESCE(missed_registration.channel,"
                    + " EXCLUDED.channel), collector_id = COALESCE(missed_registration.collector_id,"
                    + " EXCLUDED.collector_id), grid_code = COALESCE(missed_registration.grid_code,"
                    + " EXCLUDED.grid_code), registered_at ="
                    + " COALESCE(missed_registration.registered_at, EXCLUDED.registered_at), filed"
                    + " = missed_registration.filed OR EXCLUDED.filed RETURNING"
                    + " COALESCE(merged_into, case_id)")
            .setParameter(1, caseId)
            .setParameter(2, channel == null ? null : channel.name())
            .setParameter(3, collectorId)
            .setParameter(4, gridCode)
            .setParameter(5, registeredAt)
            .setParameter(6, filed)
            .getResultList();
    evaluate((String) primary.get(0));
  }

  /** Stores the newest revision of a shift and re-evaluates the problems it may concern. */
  private void shift(CollectorDutyRecorded d) {
    @SuppressWarnings("unchecked")
    List<Object[]> before =
        em.createNativeQuery(
                "SELECT revision, array_to_string(grid_codes, ','), starts_at, ends_at FROM"
                    + " missed_duty_shift WHERE shift_id = ?1 FOR UPDATE")
            .setParameter(1, d.shiftId())
            .getResultList();
    Set<String> grids = new LinkedHashSet<>(d.gridCodes());
    Instant from = d.start();
    Instant to = d.end();
    if (!before.isEmpty()) {
      Object[] b = before.get(0);
      if (((Number) b[0]).longValue() >= d.revision()) {
        return; // an older (or the same) revision: nothing new
      }
      grids.addAll(split((String) b[1]));
      from = min(from, SqlValues.instant(b[2]));
      to = max(to, SqlValues.instant(b[3]));
    }
    em.createNativeQuery(
            "INSERT INTO missed_duty_shift (shift_id, revision, collector_id, collection_unit_id,"
                + " grid_codes, starts_at, ends_at, cancelled) VALUES (?1, ?2, ?3, ?4,"
                + " string_to_array(?5, ','), ?6, ?7, ?8) ON CONFLICT (shift_id) DO UPDATE SET"
                + " revision = EXCLUDED.revision, collector_id = EXCLUDED.collector_id,"
                + " collection_unit_id = EXCLUDED.collection_unit_id, grid_codes ="
                + " EXCLUDED.grid_codes, starts_at = EXCLUDED.starts_at, ends_at ="
                + " EXCLUDED.ends_at, cancelled = EXCLUDED.cancelled")
        .setParameter(1, d.shiftId())
        .setParameter(2, d.revision())
        .setParameter(3, d.collectorId())
        .setParameter(4, d.collectionUnitId())
        .setParameter(5, String.join(",", d.gridCodes()))
        .setParameter(6, d.start())
        .setParameter(7, d.end())
        .setParameter(8, d.cancelled())
        .executeUpdate();
    @SuppressWarnings("unchecked")
    List<Object> problems =
        em.createNativeQuery(
                "SELECT DISTINCT p.case_id FROM missed_registration m JOIN missed_registration p"
                    + " ON p.case_id = COALESCE(m.merged_into, m.case_id) WHERE m.registered_at"
                    + " >= ?1 AND m.registered_at < ?2 AND p.filed AND p.grid_code ="
                    + " ANY(string_to_array(?3, ',')) UNION SELECT problem_id FROM missed_report"
                    + " WHERE shift_id = ?4")
            .setParameter(1, from)
            .setParameter(2, to)
            .setParameter(3, String.join(",", grids))
            .setParameter(4, d.shiftId())
            .getResultList();
    for (Object p : problems) {
      evaluate((String) p);
    }
  }

  /**
   * Applies the rule to one problem (a filed case with the reports merged into it) and books the
   * difference to what was charged before.
   */
  void evaluate(String problemId) {
    List<MissedReport> now = List.of();
    RegisteredProblem problem = problem(problemId);
    if (problem != null) {
      now = rule.missedBy(problem, shiftsAt(problem.gridId(), problem.registeredAt()));
    }
    Map<String, Object[]> before = charged(problemId);
    Set<String> still = new HashSet<>();
    for (MissedReport m : now) {
      String collector = m.collector().collectorId();
      still.add(collector);
      Object[] b = before.get(collector);
      if (b == null) {
        em.createNativeQuery(
                "INSERT INTO missed_report (problem_id, collector_id, shift_id, registered_at,"
                    + " charged, collection_unit_id) VALUES (?1, ?2, ?3, ?4, true, ?5)")
            .setParameter(1, problemId)
            .setParameter(2, collector)
            .setParameter(3, m.shiftId())
            .setParameter(4, m.registeredAt())
            .setParameter(5, m.collector().collectionUnitId())
            .executeUpdate();
        book.charge(CollectorFact.MissedReportFound.of(m));
      } else if (!(Boolean) b[0]) {
        int toggles = ((Number) b[1]).intValue() + 1;
        update(
            problemId,
            collector,
            m.shiftId(),
            m.registeredAt(),
            true,
            toggles,
            m.collector().collectionUnitId());
        CollectorFact.MissedReportFound f = CollectorFact.MissedReportFound.of(m);
        book.charge(
            new CollectorFact.MissedReportFound(
                f.factId() + ":" + toggles, f.collector(), f.at(), f.problemId()));
      } else if (!m.shiftId().equals(b[2])) {
        update(
            problemId,
            collector,
            m.shiftId(),
            (Instant) b[3],
            true,
            ((Number) b[1]).intValue(),
            (String) b[4]);
      }
    }
    for (Map.Entry<String, Object[]> e : before.entrySet()) {
      Object[] b = e.getValue();
      if (still.contains(e.getKey()) || !(Boolean) b[0]) {
        continue;
      }
      int toggles = ((Number) b[1]).intValue() + 1;
      Instant at = (Instant) b[3];
      // booked back from the unit it was booked under (the collector may have moved since)
      CollectorRef from =
          b[4] == null ? register.ref(e.getKey()) : new CollectorRef(e.getKey(), (String) b[4]);
      update(problemId, e.getKey(), (String) b[2], at, false, toggles, from.collectionUnitId());
      book.revoke(problemId + ":" + e.getKey() + ":MISSED:REVOKED:" + toggles, from, at);
    }
  }

  /** The problem as the rule needs it, or null while it is not filed or its grid is unknown. */
  private RegisteredProblem problem(String problemId) {
    @SuppressWarnings("unchecked")
    List<Object> head =
        em.createNativeQuery(
                "SELECT grid_code FROM missed_registration WHERE case_id = ?1 AND filed AND"
                    + " merged_into IS NULL")
            .setParameter(1, problemId)
            .getResultList();
    if (head.isEmpty() || head.get(0) == null) {
      return null;
    }
    String grid = (String) head.get(0);
    @SuppressWarnings("unchecked")
    List<Object[]> first =
        em.createNativeQuery(
                "SELECT channel, collector_id, registered_at FROM missed_registration WHERE"
                    + " (case_id = ?1 OR merged_into = ?1) AND registered_at IS NOT NULL AND"
                    + " channel IS NOT NULL ORDER BY registered_at, case_id LIMIT 1")
            .setParameter(1, problemId)
            .getResultList();
    if (first.isEmpty()) {
      return null;
    }
    Object[] f = first.get(0);
    Channel channel = Channel.valueOf((String) f[0]);
    return new RegisteredProblem(
        problemId,
        grid,
        SqlValues.instant(f[2]),
        channel,
        channel == Channel.PATROL ? (String) f[1] : null,
        true);
  }

  /** Shifts (not cancelled) over {@code grid} running at {@code t}. */
  private List<DutyShift> shiftsAt(String grid, Instant t) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT shift_id, collector_id, array_to_string(grid_codes, ','), starts_at,"
                    + " ends_at, collection_unit_id FROM missed_duty_shift WHERE NOT cancelled AND grid_codes @>"
                    + " ARRAY[CAST(?1 AS text)] AND starts_at <= ?2 AND ends_at > ?2")
            .setParameter(1, grid)
            .setParameter(2, t)
            .getResultList();
    List<DutyShift> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new DutyShift(
              (String) r[0],
              ref((String) r[1], (String) r[5]),
              new HashSet<>(split((String) r[2])),
              SqlValues.instant(r[3]),
              SqlValues.instant(r[4])));
    }
    return out;
  }

  /**
   * The collector with their unit now from the register; while the register does not know them (its
   * consumer lags behind), the unit the shift carries; UNREGISTERED if neither.
   */
  private CollectorRef ref(String collectorId, String shiftUnit) {
    CollectorRef r = register.ref(collectorId);
    return shiftUnit != null && CollectorRegister.UNREGISTERED.equals(r.collectionUnitId())
        ? new CollectorRef(collectorId, shiftUnit)
        : r;
  }

  /**
   * collector → {charged, toggles, shift id, registered at, collection unit booked under} of the
   * misses stored for a problem.
   */
  private Map<String, Object[]> charged(String problemId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT collector_id, charged, toggles, shift_id, registered_at,"
                    + " collection_unit_id FROM missed_report WHERE problem_id = ?1 FOR UPDATE")
            .setParameter(1, problemId)
            .getResultList();
    Map<String, Object[]> out = new TreeMap<>();
    for (Object[] r : rows) {
      out.put((String) r[0], new Object[] {r[1], r[2], r[3], SqlValues.instant(r[4]), r[5]});
    }
    return out;
  }

  private void update(
      String problemId,
      String collector,
      String shiftId,
      Instant at,
      boolean charged,
      int toggles,
      String collectionUnitId) {
    em.createNativeQuery(
            "UPDATE missed_report SET shift_id = ?3, registered_at = ?4, charged = ?5, toggles ="
                + " ?6, collection_unit_id = ?7 WHERE problem_id = ?1 AND collector_id = ?2")
        .setParameter(1, problemId)
        .setParameter(2, collector)
        .setParameter(3, shiftId)
        .setParameter(4, at)
        .setParameter(5, charged)
        .setParameter(6, toggles)
        .setParameter(7, collectionUnitId)
        .executeUpdate();
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
