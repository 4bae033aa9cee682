package cn.szcg.sla.infra;

import cn.szcg.platform.sql.SqlValues;
import cn.szcg.sla.domain.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The supervision list (督办, R-22): every running clock in warning (预警, yellow) or breached (超时,
 * red), oldest first by the moment its light turned (the warning moment for yellow, the deadline
 * for red), with the counts by unit and stage — one query for the page, one for the counts.
 *
 * <p>Supervised: running, not paused clocks ({@code state = 'RUNNING'}: a paused clock can neither
 * warn nor breach, §1a) except the return window RETURN_WINDOW (R-16: a right of the unit, it never
 * warns nor breaches). Yellow: {@code warning_at <= now <= deadline}; red: {@code deadline < now}
 * (the domain's {@code StageClock.state}). A unit sees the clocks of its own orders and of the
 * sub-orders it re-dispatched, as in the clocks of a case.
 */
@ApplicationScoped
public class ClockSupervision {

  /** The two lights of the list. */
  public enum Light {
    WARNING,
    BREACHED
  }

  /**
   * @param lights the lights wanted (not empty)
   * @param stage a stage, or null for all
   * @param unitId a unit, or null for all ({@code ""}: the clocks without a unit, the center's own)
   * @param scopeUnit the caller's unit when unit-scoped, else null
   */
  public record Query(
      Set<Light> lights, String stage, String unitId, String scopeUnit, int page, int size) {}

  /** One line: the clock, its light, when it turned, and the case's number and category. */
  public record Row(
      ClockRecord clock,
      Light light,
      Instant since,
      Duration remaining,
      String reportNo,
      String categoryCode,
      String categoryName) {}

  /** How many clocks of a unit and stage are yellow and red (the whole filter, not the page). */
  public record Count(String unitId, String stage, long warning, long breached) {}

  public record Result(
      Instant now, long total, int page, int size, List<Row> rows, List<Count> counts) {}

  @Inject EntityManager em;
  @Inject ClockStore clocks;

  /**
   * The page of the list at {@code now}. The counts cover the lights and the caller's scope but not
   * the stage and unit filters, so a screen can show every unit's and stage's count and filter by a
   * click.
   */
  @SuppressWarnings("unchecked")
  @Transactional
  public Result list(Query q, Instant now) {
    StringBuilder base =
        new StringBuilder(
            " FROM stage_clock c LEFT JOIN case_clock_info i ON i.case_id = c.case_id"
                + " WHERE c.stopped_at IS NULL AND c.state = 'RUNNING' AND c.stage <> '"
                + Stage.RETURN_WINDOW.name()
                + "' AND c.warning_at <= :now");
    Map<String, Object> params = new HashMap<>();
    params.put("now", now);
    if (q.lights().size() == 1) {
      base.append(
          q.lights().contains(Light.BREACHED)
              ? " AND c.deadline < :now"
              : " AND c.deadline >= :now");
    }
    if (q.scopeUnit() != null) {
      base.append(" AND (c.unit_id = :scope OR c.parent_unit_id = :scope)");
      params.put("scope", q.scopeUnit());
    }
    String scoped = base.toString();
    Map<String, Object> scopedParams = new HashMap<>(params);
    if (q.stage() != null) {
      base.append(" AND c.stage = :stage");
      params.put("stage", q.stage());
    }
    if (q.unitId() != null) {
      base.append(q.unitId().isEmpty() ? " AND c.unit_id IS NULL" : " AND c.unit_id = :unit");
      if (!q.unitId().isEmpty()) {
        params.put("unit", q.unitId());
      }
    }
    String since = "CASE WHEN c.deadline < :now THEN c.deadline ELSE c.warning_at END";
    var page =
        em.createNativeQuery(
            "SELECT c.id, "
                + since
                + ", i.report_no, i.category_code, i.category_name"
                + base
                + " ORDER BY "
                + since
                + ", c.id LIMIT :size OFFSET :offset");
    params.forEach(page::setParameter);
    page.setParameter("size", q.size());
    page.setParameter("offset", (long) q.page() * q.size());
    List<Object[]> lines = page.getResultList();

    List<UUID> ids =
        lines.stream().map(l -> l[0] instanceof UUID u ? u : UUID.fromString(l[0] + "")).toList();
    Map<UUID, ClockRecord> byId = new HashMap<>();
    if (!ids.isEmpty()) {
      ClockRecord.<ClockRecord>list("id in ?1", ids).forEach(c -> byId.put(c.id, c));
    }
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      Object[] l = lines.get(n);
      ClockRecord c = byId.get(ids.get(n));
      Instant turned = SqlValues.instant(l[1]);
      rows.add(
          new Row(
              c,
              c.deadline.isBefore(now) ? Light.BREACHED : Light.WARNING,
              turned,
              clocks.domain(c).remaining(now),
              (String) l[2],
              (String) l[3],
              (String) l[4]));
    }

    var byUnitStage =
        em.createNativeQuery(
            "SELECT c.unit_id, c.stage,"
                + " count(*) FILTER (WHERE c.deadline >= :now),"
                + " count(*) FILTER (WHERE c.deadline < :now)"
                + scoped
                + " GROUP BY c.unit_id, c.stage");
    scopedParams.forEach(byUnitStage::setParameter);
    Map<String, Count> counts = new LinkedHashMap<>();
    for (Object[] l : (List<Object[]>) byUnitStage.getResultList()) {
      String unit = l[0] == null ? "" : (String) l[0];
      counts.put(
          unit + "\u0000" + l[1],
          new Count(unit, (String) l[1], ((Number) l[2]).longValue(), ((Number) l[3]).longValue()));
    }
    // the total of the filtered list is the sum of the counts its stage and unit filters select
    long total =
        counts.values().stream()
            .filter(c -> q.stage() == null || q.stage().equals(c.stage()))
            .filter(c -> q.unitId() == null || q.unitId().equals(c.unitId()))
            .mapToLong(c -> c.warning() + c.breached())
            .sum();
    List<Count> sorted =
        counts.values().stream()
            .sorted(
                java.util.Comparator.comparingLong(Count::breached)
                    .reversed()
                    .thenComparing(java.util.Comparator.comparingLong(Count::warning).reversed())
                    .thenComparing(Count::unitId)
                    .thenComparing(Count::stage))
            .toList();
    return new Result(now, total, q.page(), q.size(), rows, sorted);
  }
}
