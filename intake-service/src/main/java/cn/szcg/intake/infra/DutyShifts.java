package cn.szcg.intake.infra;

import static cn.szcg.platform.sql.SqlValues.instant;

import cn.szcg.intake.domain.DutyShift;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The collectors' duty roster (排班, issue 7) in the database: table {@code duty_shift} and its
 * change history {@code duty_shift_change}, and the row lock on a collector under which a
 * collector's shifts change. The use cases (record, correct, cancel under {@link
 * cn.szcg.intake.domain.DutyRosterRules}, publishing every change) are {@code
 * cn.szcg.intake.application.DutyRoster}'s.
 */
@ApplicationScoped
public class DutyShifts {

  @Inject EntityManager em;

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

  /** Inserts a new shift (revision 1) recorded by {@code by} at {@code now}. */
  public void insert(
      String id,
      String collectorId,
      String unit,
      List<String> grids,
      Instant start,
      Instant end,
      Instant now,
      String by) {
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
  }

  /** Corrects grids and times of a shift (next revision). */
  public void correct(
      String shiftId,
      List<String> grids,
      Instant start,
      Instant end,
      String reason,
      Instant now,
      String by) {
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
  }

  /** Cancels a shift (next revision). */
  public void cancel(String shiftId, String reason, Instant now, String by) {
    em.createNativeQuery(
            "UPDATE duty_shift SET cancelled = true, revision = revision + 1, updated_at = ?2,"
                + " updated_by = ?3, change_reason = ?4 WHERE id = CAST(?1 AS uuid)")
        .setParameter(1, shiftId)
        .setParameter(2, now)
        .setParameter(3, by)
        .setParameter(4, reason)
        .executeUpdate();
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
    return rows.stream().map(DutyShifts::stored).toList();
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

  /** Records a change of a shift in its history ({@code duty_shift_change}). */
  public void recordChange(Stored s, String action, String reason, Instant at, String by) {
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
  }

  /** Locks the collector's row; its collection unit, or null when the collector is unknown. */
  public String lockCollector(String collectorId) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT unit_id FROM collector WHERE id = ?1 FOR UPDATE")
            .setParameter(1, collectorId)
            .getResultList();
    return rows.isEmpty() ? null : (String) rows.get(0);
  }

  private static List<String> split(String s) {
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }
}
