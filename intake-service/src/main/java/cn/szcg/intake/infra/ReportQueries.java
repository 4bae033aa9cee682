package cn.szcg.intake.infra;

import cn.szcg.intake.domain.ReportListFilter;
import cn.szcg.platform.sql.SqlValues;
import cn.szcg.platform.web.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The queries on reports that the use cases and the read endpoints ask (the SQL and JPQL of {@code
 * report}, {@code report_transition} and {@code hotline_status}); no rules here.
 */
@ApplicationScoped
public class ReportQueries {

  @Inject DataSource ds;
  @Inject EntityManager em;

  /** A report registered before under an idempotency key or hotline ticket; byKey: by the key. */
  public record PreviousRow(UUID id, boolean byKey) {}

  /**
   * The report this client registered under {@code key} or {@code hotlineTicket}, the key's first.
   * Asked on every registration with a key (or a ticket) and almost always answered "none": one
   * plain indexed JDBC lookup, not a Hibernate query (whose interpretation cost most of this call,
   * profiled); both columns have a unique index per client.
   *
   * @throws ProblemException 503 while the database is unreachable
   */
  public Optional<PreviousRow> previous(String clientId, String key, String hotlineTicket) {
    UUID id = null;
    boolean byKey = false;
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, idempotency_key IS NOT DISTINCT FROM ? FROM report WHERE client_id = ?"
                    + " AND (idempotency_key = ? OR hotline_ticket = ?)")) {
      ps.setString(1, key);
      ps.setString(2, clientId);
      ps.setString(3, key);
      ps.setString(4, hotlineTicket);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean k = key != null && rs.getBoolean(2);
          if (id == null || k) {
            id = rs.getObject(1, UUID.class);
            byKey = k;
          }
        }
      }
    } catch (SQLException e) {
      if (RegistrationWriter.databaseUnreachable(e)) {
        throw ProblemException.unavailable("数据库暂不可用，请稍后以相同幂等键重试 / database unavailable, retry", 1);
      }
      throw new IllegalStateException("idempotency lookup failed", e);
    }
    return id == null ? Optional.empty() : Optional.of(new PreviousRow(id, byKey));
  }

  /** A report without its location context yet: id, point (may be null) and camera. */
  public record Unresolved(UUID id, Double lon, Double lat, String cameraId) {}

  /** Up to {@code batch} reports still waiting for their location context, oldest first. */
  public List<Unresolved> unresolved(int batch, int maxAttempts) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, lon, lat, camera_id FROM report WHERE context_resolved ="
                    + " false AND (lon IS NOT NULL OR camera_id IS NOT NULL)"
                    + " AND context_attempts < ?2"
                    + " ORDER BY registered_at LIMIT ?1")
            .setParameter(1, batch)
            .setParameter(2, maxAttempts)
            .getResultList();
    List<Unresolved> out = new ArrayList<>();
    for (Object[] row : rows) {
      out.add(
          new Unresolved(
              (UUID) row[0],
              row[1] == null ? null : ((Number) row[1]).doubleValue(),
              row[2] == null ? null : ((Number) row[2]).doubleValue(),
              (String) row[3]));
    }
    return out;
  }

  /** The report, locked without waiting (null when another transaction holds it or none). */
  public Report lockNoWait(UUID id) {
    return em.find(
        Report.class,
        id,
        LockModeType.PESSIMISTIC_WRITE,
        java.util.Map.of("jakarta.persistence.lock.timeout", 0));
  }

  /** One more failed attempt to resolve the report's location context. */
  public void bumpContextAttempts(UUID id) {
    em.createNativeQuery("UPDATE report SET context_attempts = context_attempts + 1 WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** The operators' list (受理列表), filtered; newest first. */
  public record Listed(List<Report> items, long total) {}

  /**
   * A page of reports: a collector's own only when {@code onlyCollector} is set, then by status,
   * channel, township, community, category and registration time [from, to).
   */
  public Listed list(
      String onlyCollector,
      String status,
      String channel,
      ReportListFilter area,
      Instant from,
      Instant to,
      int page,
      int size) {
    StringBuilder q = new StringBuilder("1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (onlyCollector != null) {
      q.append(" and collectorId = :me");
      params.put("me", onlyCollector);
    }
    if (status != null) {
      q.append(" and status = :status");
      params.put("status", status);
    }
    if (channel != null) {
      q.append(" and channel = :channel");
      params.put("channel", channel);
    }
    if (area.townshipCode() != null) {
      q.append(" and townshipCode = :township");
      params.put("township", area.townshipCode());
    }
    if (area.communityCode() != null) {
      q.append(" and communityCode = :community");
      params.put("community", area.communityCode());
    }
    if (area.categoryCode() != null) {
      q.append(" and categoryCode = :category");
      params.put("category", area.categoryCode());
    }
    if (from != null) {
      q.append(" and registeredAt >= :from");
      params.put("from", from);
    }
    if (to != null) {
      q.append(" and registeredAt < :to");
      params.put("to", to);
    }
    var query = Report.<Report>find(q.toString(), Sort.descending("registeredAt"), params);
    long total = query.count();
    return new Listed(query.page(Page.of(page, size)).list(), total);
  }

  /** One step of a report's history (办理记录). */
  public record Step(
      String from,
      String to,
      String action,
      String actorId,
      String actorRole,
      Instant at,
      String note) {}

  /** Who did what, when and why, oldest first. */
  public List<Step> history(UUID id) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT from_state, to_state, action, actor_id, actor_role, at, note FROM"
                    + " report_transition WHERE report_id = ?1 ORDER BY id")
            .setParameter(1, id)
            .getResultList();
    List<Step> out = new ArrayList<>();
    for (Object[] o : rows) {
      out.add(
          new Step(
              (String) o[0],
              (String) o[1],
              (String) o[2],
              (String) o[3],
              (String) o[4],
              SqlValues.instant(o[5]),
              (String) o[6]));
    }
    return out;
  }

  /** The latest report of a hotline ticket (its sourceRef), if any. */
  public Report hotlineTicket(String sourceRef) {
    return Report.<Report>find(
            "channel = 'HOTLINE' and sourceRef = ?1 order by registeredAt desc", sourceRef)
        .firstResult();
  }

  /** One entry of the hotline's status feed. */
  public record HotlineStatusRow(
      long id, String sourceRef, String reportNo, String status, Instant at) {}

  /** The hotline status changes with id > {@code after}, oldest first, at most {@code limit}. */
  public List<HotlineStatusRow> hotlineStatusChanges(long after, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT h.id, h.source_ref, r.report_no, h.status, h.at FROM hotline_status h"
                    + " JOIN report r ON r.id = h.report_id WHERE h.id > ?1 ORDER BY h.id LIMIT ?2")
            .setParameter(1, after)
            .setParameter(2, limit)
            .getResultList();
    List<HotlineStatusRow> out = new ArrayList<>();
    for (Object[] o : rows) {
      out.add(
          new HotlineStatusRow(
              ((Number) o[0]).longValue(),
              (String) o[1],
              (String) o[2],
              (String) o[3],
              SqlValues.instant(o[4])));
    }
    return out;
  }
}
