package cn.szcg.assessment.infra;

import cn.szcg.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/**
 * 效能告诫 issued by the efficiency office from an Art 33 notice ({@code efficiency_warning},
 * one per notice per person) and their acknowledgements ({@code efficiency_warning_ack}, once per
 * warning); both tables append-only.
 */
@ApplicationScoped
public class EfficiencyWarningStore {

  @Inject EntityManager em;

  /** A warning, with its acknowledgement time (null while not acknowledged). */
  public record Warning(
      String warningId,
      String noticeActionId,
      String unitId,
      String caseId,
      String personId,
      String personName,
      String reasonZh,
      String issuedBy,
      Instant issuedAt,
      Instant acknowledgedAt) {}

  /** Inserts; false when this notice already has a warning for this person. */
  public boolean insert(Warning w) {
    return em.createNativeQuery(
                "INSERT INTO efficiency_warning (warning_id, notice_action_id, unit_id, case_id,"
                    + " person_id, person_name, reason_zh, issued_by, issued_at) VALUES (?1, ?2,"
                    + " ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (notice_action_id, person_id) DO"
                    + " NOTHING")
            .setParameter(1, w.warningId())
            .setParameter(2, w.noticeActionId())
            .setParameter(3, w.unitId())
            .setParameter(4, w.caseId())
            .setParameter(5, w.personId())
            .setParameter(6, w.personName())
            .setParameter(7, w.reasonZh())
            .setParameter(8, w.issuedBy())
            .setParameter(9, w.issuedAt())
            .executeUpdate()
        == 1;
  }

  /** Records the acknowledgement; false when it was acknowledged before. */
  public boolean acknowledge(String warningId, String personId, Instant at) {
    return em.createNativeQuery(
                "INSERT INTO efficiency_warning_ack (warning_id, person_id, acknowledged_at)"
                    + " VALUES (?1, ?2, ?3) ON CONFLICT (warning_id) DO NOTHING")
            .setParameter(1, warningId)
            .setParameter(2, personId)
            .setParameter(3, at)
            .executeUpdate()
        == 1;
  }

  private static final String SELECT =
      "SELECT w.warning_id, w.notice_action_id, w.unit_id, w.case_id, w.person_id,"
          + " w.person_name, w.reason_zh, w.issued_by, w.issued_at, a.acknowledged_at FROM"
          + " efficiency_warning w LEFT JOIN efficiency_warning_ack a ON a.warning_id ="
          + " w.warning_id";

  public Warning find(String warningId) {
    List<Warning> l = query(SELECT + " WHERE w.warning_id = ?1", warningId);
    return l.isEmpty() ? null : l.get(0);
  }

  /** The warning of a notice for a person, or null. */
  public Warning of(String noticeActionId, String personId) {
    List<Warning> l =
        query(
            SELECT + " WHERE w.notice_action_id = ?1 AND w.person_id = ?2",
            noticeActionId,
            personId);
    return l.isEmpty() ? null : l.get(0);
  }

  /** Newest first; person null = everyone's. */
  public List<Warning> list(String personId, int limit) {
    return query(
        SELECT
            + " WHERE CAST(?1 AS text) IS NULL OR w.person_id = ?1 ORDER BY w.issued_at DESC,"
            + " w.warning_id LIMIT ?2",
        personId,
        limit);
  }

  /**
   * The warnings issued from the notices of the given months (yyyy-MM), oldest first (the 通报: a
   * warning belongs to the period of the incident it answers, wherever it was issued).
   */
  public List<Warning> ofNoticeMonths(List<String> months) {
    return query(
        SELECT
            + " JOIN accountability_notice n ON n.action_id = w.notice_action_id WHERE n.month ="
            + " ANY(string_to_array(?1, ',')) ORDER BY w.issued_at, w.warning_id",
        String.join(",", months));
  }

  private List<Warning> query(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = q.getResultList();
    return rows.stream()
        .map(
            r ->
                new Warning(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    SqlValues.instant(r[8]),
                    r[9] == null ? null : SqlValues.instant(r[9])))
        .toList();
  }
}
