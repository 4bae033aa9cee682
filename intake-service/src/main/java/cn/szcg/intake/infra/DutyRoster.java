package cn.szcg.intake.infra;

import static cn.szcg.platform.sql.SqlValues.instant;

import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.intake.domain.BilingualText;
import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.DutyRosterRules;
import cn.szcg.intake.domain.DutyShift;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The collectors' duty roster (排班, issue 7) in table {@code duty_shift} (+ its change history
 * {@code duty_shift_change}): record, correct and cancel shifts under {@link DutyRosterRules}, and
 * publish every change as {@link CollectorDutyRecorded} through the outbox in the same transaction
 * (key = shift id). A collector's shifts are changed under a row lock on the collector, so two
 * concurrent requests cannot both pass the overlap check.
 */
@ApplicationScoped
public class DutyRoster {

  @Inject EntityManager em;
  @Inject Outbox outbox;

  final DutyRosterRules rules = DutyRosterRules.minqingDefaults();

  /** A stored shift with its bookkeeping. */
  public record Stored(
      DutyShift shift,
      String collectionUnitId,
      long revision,
      Instant recordedAt,
      String recordedBy,
      Instant updatedAt,
      String updatedBy,
      String changeReason) {}

  /** One change of a shift (the history). */
  public record Change(
      long revision,
      String action,
      List<String> gridCodes,
      Instant start,
      Instant end,
      String reason,
      Instant at,
      String by) {}

  @Transactional
  public Stored record(
      String collectorId, List<String> grids, Instant start, Instant end, String by) {
    Instant now = now();
    String unit = lockCollector(collectorId);
    check(unit != null, grids, start, end, now);
    refuseOverlap(collectorId, start, end, null);
    String id = UUID.randomUUID().toString();
    em.createNativeQuery(
            "INSERT INTO duty_shift (id, collector_id, collection_unit_id, grid_codes, starts_at,"
                + " ends_at, cancelled, revision, recorded_at, recorded_by, updated_at, updated_by)"
                + " VALUES (CAST(?1 AS uuid), ?2, ?3, string_to_array(?4, ','), ?5, ?6, false, 1,"
                + " ?7, ?8, ?7, ?8)")
        .setParameter(1, id)
        .setParameter(2, collectorId)
        .setParameter(3, unit)
        .setParameter(4, String.join(",", grids))
        .setParameter(5, start)
        .setParameter(6, end)
        .setParameter(7, now)
        .setParameter(8, by)
        .executeUpdate();
    Stored s = find(id);
    changed(s, "RECORDED", null, now, by);
    return s;
  }

  @Transactional
  public Stored correct(
      String shiftId, List<String> grids, Instant start, Instant end, String reason, String by) {
    Instant now = now();
    Stored before = require(shiftId);
    String unit = lockCollector(before.shift().collectorId());
    before = require(shiftId);
    refuseUnchangeable(before.shift(), now);
    check(unit != null, grids, start, end, now);
    refuseOverlap(before.shift().collectorId(), start, end, shiftId);
    em.createNativeQuery(
            "UPDATE duty_shift SET grid_codes = string_to_array(?2, ','), starts_at = ?3, ends_at ="
                + " ?4, revision = revision + 1, updated_at = ?5, updated_by = ?6, change_reason ="
                + " ?7 WHERE id = CAST(?1 AS uuid)")
        .setParameter(1, shiftId)
        .setParameter(2, String.join(",", grids))
        .setParameter(3, start)
        .setParameter(4, end)
        .setParameter(5, now)
        .setParameter(6, by)
        .setParameter(7, reason)
        .executeUpdate();
    Stored s = find(shiftId);
    changed(s, "CORRECTED", reason, now, by);
    return s;
  }

  @Transactional
  public Stored cancel(String shiftId, String reason, String by) {
    Instant now = now();
    Stored before = require(shiftId);
    lockCollector(before.shift().collectorId());
    before = require(shiftId);
    refuseUnchangeable(before.shift(), now);
    em.createNativeQuery(
            "UPDATE duty_shift SET cancelled = true, revision = revision + 1, updated_at = ?2,"
                + " updated_by = ?3, change_reason = ?4 WHERE id = CAST(?1 AS uuid)")
        .setParameter(1, shiftId)
        .setParameter(2, now)
        .setParameter(3, by)
        .setParameter(4, reason)
        .executeUpdate();
    Stored s = find(shiftId);
    changed(s, "CANCELLED", reason, now, by);
    return s;
  }

  /** The shift, or null. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Stored find(String shiftId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(SELECT + " WHERE id = CAST(?1 AS uuid)")
            .setParameter(1, shiftId)
            .getResultList();
    return rows.isEmpty() ? null : stored(rows.get(0));
  }

  /** Shifts (newest start first), optionally of one collector and overlapping [from, to). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Stored> list(String collectorId, Instant from, Instant to, int page, int size) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                SELECT
                    + WHERE
                    + " ORDER BY starts_at DESC, id LIMIT "
                    + size
                    + " OFFSET "
                    + ((long) page * size))
            .setParameter(1, collectorId)
            .setParameter(2, from)
            .setParameter(3, to)
            .getResultList();
    return rows.stream().map(DutyRoster::stored).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(String collectorId, Instant from, Instant to) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM duty_shift" + WHERE)
                .setParameter(1, collectorId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getSingleResult())
        .longValue();
  }

  /** The changes of a shift, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Change> history(String shiftId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT revision, action, array_to_string(grid_codes, ','), starts_at, ends_at,"
                    + " reason, at, by_user FROM duty_shift_change WHERE shift_id = CAST(?1 AS"
                    + " uuid) ORDER BY revision")
            .setParameter(1, shiftId)
            .getResultList();
    List<Change> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Change(
              ((Number) r[0]).longValue(),
              (String) r[1],
              split((String) r[2]),
              instant(r[3]),
              instant(r[4]),
              (String) r[5],
              instant(r[6]),
              (String) r[7]));
    }
    return out;
  }

  private static final String SELECT =
      "SELECT CAST(id AS text), collector_id, array_to_string(grid_codes, ','), starts_at,"
          + " ends_at, cancelled, collection_unit_id, revision, recorded_at, recorded_by,"
          + " updated_at, updated_by, change_reason FROM duty_shift";

  private static final String WHERE =
      " WHERE (CAST(?1 AS text) IS NULL OR collector_id = ?1) AND (CAST(?2 AS timestamptz) IS"
          + " NULL OR ends_at > ?2) AND (CAST(?3 AS timestamptz) IS NULL OR starts_at < ?3)";

  private static Stored stored(Object[] r) {
    DutyShift s =
        new DutyShift(
            (String) r[0],
            (String) r[1],
            split((String) r[2]),
            instant(r[3]),
            instant(r[4]),
            (Boolean) r[5]);
    return new Stored(
        s,
        (String) r[6],
        ((Number) r[7]).longValue(),
        instant(r[8]),
        (String) r[9],
        instant(r[10]),
        (String) r[11],
        (String) r[12]);
  }

  private void changed(Stored s, String action, String reason, Instant at, String by) {
    em.createNativeQuery(
            "INSERT INTO duty_shift_change (shift_id, revision, action, grid_codes, starts_at,"
                + " ends_at, reason, at, by_user) VALUES (CAST(?1 AS uuid), ?2, ?3,"
                + " string_to_array(?4, ','), ?5, ?6, ?7, ?8, ?9)")
        .setParameter(1, s.shift().shiftId())
        .setParameter(2, s.revision())
        .setParameter(3, action)
        .setParameter(4, String.join(",", s.shift().gridCodes()))
        .setParameter(5, s.shift().start())
        .setParameter(6, s.shift().end())
        .setParameter(7, reason)
        .setParameter(8, at)
        .setParameter(9, by)
        .executeUpdate();
    outbox.publish(
        s.shift().shiftId(),
        new CollectorDutyRecorded(
            s.shift().shiftId(),
            s.revision(),
            s.shift().collectorId(),
            s.collectionUnitId(),
            s.shift().gridCodes(),
            s.shift().start(),
            s.shift().end(),
            s.shift().cancelled(),
            reason,
            at,
            by),
        at);
  }

  /** Locks the collector's row; its collection unit, or null when the collector is unknown. */
  private String lockCollector(String collectorId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT unit_id FROM collector WHERE id = ?1 FOR UPDATE")
            .setParameter(1, collectorId)
            .getResultList();
    return rows.isEmpty() ? null : (String) rows.get(0);
  }

  private void check(boolean known, List<String> grids, Instant start, Instant end, Instant now) {
    List<FieldViolation> v = rules.validate(known, grids, start, end, now);
    if (!v.isEmpty()) {
      throw new DomainValidationException("班次无效", "invalid shift", v);
    }
  }

  private void refuseOverlap(String collectorId, Instant start, Instant end, String except) {
    List<DutyShift> mine =
        list(collectorId, start, end, 0, 1000).stream().map(Stored::shift).toList();
    List<DutyShift> clash = rules.overlapping(mine, start, end, except);
    if (!clash.isEmpty()) {
      DutyShift c = clash.get(0);
      String msg =
          "与该采集员的班次 "
              + c.shiftId()
              + "（"
              + c.start()
              + " – "
              + c.end()
              + "）重叠 / overlaps the collector's shift "
              + c.shiftId();
      throw new ProblemException(
          409,
          "conflict",
          Problems.TITLE_CONFLICT,
          msg,
          List.of(new Problem.FieldError("start", "overlaps", msg)));
    }
  }

  private void refuseUnchangeable(DutyShift s, Instant now) {
    BilingualText why = rules.changeable(s, now);
    if (why != null) {
      throw ProblemException.conflict(why + " (" + s.shiftId() + ")");
    }
  }

  private Stored require(String shiftId) {
    Stored s = find(shiftId);
    if (s == null) {
      throw ProblemException.notFound("duty shift", shiftId);
    }
    return s;
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
