package cn.szcg.intake.infra;

import cn.szcg.intake.domain.Actor;
import cn.szcg.intake.domain.IntakeReport;
import cn.szcg.intake.domain.IntakeTransition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What every state change writes beside the report row, in the same transaction: the audit trail
 * (who, when, why) and the status owed to the hotline platform — for the report itself if it came
 * from the hotline, and for every hotline report merged into it (its reporter gets the outcome of
 * the primary).
 */
@ApplicationScoped
public class IntakeLedger {

  @Inject EntityManager em;

  /** Records the last transition of {@code after} and the hotline status of the report. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recorded(Report r, IntakeReport after, Actor actor, Instant now) {
    recorded(r, after, actor, now, r.status);
  }

  /**
   * As {@link #recorded(Report, IntakeReport, Actor, Instant)}, telling the hotline {@code status}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recorded(
      Report r, IntakeReport after, Actor actor, Instant now, String hotlineStatus) {
    List<IntakeTransition> h = after.history();
    IntakeTransition t = h.get(h.size() - 1);
    em.createNativeQuery(
            "INSERT INTO report_transition (report_id, from_state, to_state, action, actor_id,"
                + " actor_role, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, r.id)
        .setParameter(2, t.from().name())
        .setParameter(3, t.to().name())
        .setParameter(4, t.action().name())
        .setParameter(5, actor.id())
        .setParameter(6, actor.role().name())
        .setParameter(7, Timestamp.from(now))
        .setParameter(8, t.note())
        .executeUpdate();
    r.updatedAt = now;
    r.updatedBy = actor.id();
    hotlineStatus(r, hotlineStatus, now);
  }

  /** Queues the status of a report just registered (nothing can be merged into it yet). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void hotlineRegistered(Report r, Instant now) {
    if ("HOTLINE".equals(r.channel) && r.sourceRef != null) {
      queue(r.id, r.sourceRef, r.status, now);
    }
  }

  /** {@link #hotlineRegistered} for a batch of new reports, as one JDBC batch. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void hotlineRegisteredAll(List<Report> reports) {
    List<Report> hotline =
        reports.stream().filter(r -> "HOTLINE".equals(r.channel) && r.sourceRef != null).toList();
    if (hotline.isEmpty()) {
      return;
    }
    em.unwrap(org.hibernate.Session.class)
        .doWork(
            conn -> {
              try (java.sql.PreparedStatement ps =
                  conn.prepareStatement(
                      "INSERT INTO hotline_status (report_id, source_ref, status, at,"
                          + " next_attempt_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Report r : hotline) {
                  Timestamp at = Timestamp.from(r.registeredAt);
                  ps.setObject(1, r.id);
                  ps.setString(2, r.sourceRef);
                  ps.setString(3, r.status);
                  ps.setTimestamp(4, at);
                  ps.setTimestamp(5, at);
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }

  /** Queues the status for the hotline platform (the report and hotline reports merged into it). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void hotlineStatus(Report r, String status, Instant now) {
    if ("HOTLINE".equals(r.channel) && r.sourceRef != null) {
      queue(r.id, r.sourceRef, status, now);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> merged =
        em.createNativeQuery(
                "SELECT id, source_ref FROM report WHERE merged_into = ?1 AND channel = 'HOTLINE'"
                    + " AND source_ref IS NOT NULL")
            .setParameter(1, r.id)
            .getResultList();
    for (Object[] m : merged) {
      queue((UUID) m[0], (String) m[1], status, now);
    }
  }

  private void queue(UUID reportId, String sourceRef, String status, Instant now) {
    em.createNativeQuery(
            "INSERT INTO hotline_status (report_id, source_ref, status, at, next_attempt_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?4)")
        .setParameter(1, reportId)
        .setParameter(2, sourceRef)
        .setParameter(3, status)
        .setParameter(4, Timestamp.from(now))
        .executeUpdate();
  }
}
