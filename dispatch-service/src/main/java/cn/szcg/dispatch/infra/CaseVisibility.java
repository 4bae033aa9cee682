package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.infra.CurrentActor.CaseScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Which cases a scoped caller may see (docs/security.md). A unit user sees the cases where its unit
 * holds or held an order or sub-order (a township body's own order covers the sub-orders it
 * re-dispatched; a department sees the case of its sub-order); a collector the cases it was ordered
 * to check; the 12345 hotline platform the cases that came by the hotline (its own tickets, R-25).
 * Another unit's case does not exist for them: 404, on reads and on commands alike.
 */
@ApplicationScoped
public class CaseVisibility {

  @Inject EntityManager em;

  /**
   * The SQL condition limiting {@code caseIdColumn} to {@code scope}; parameters are appended to
   * {@code params} and numbered from its size ({@code ?n}). Empty for a scope that sees all.
   */
  public static String condition(String caseIdColumn, CaseScope scope, List<Object> params) {
    if (scope.all()) {
      return "";
    }
    if (scope.none()) {
      return " AND FALSE";
    }
    StringBuilder or = new StringBuilder();
    if (scope.unitId() != null) {
      params.add(scope.unitId());
      or.append("EXISTS (SELECT 1 FROM case_order vo WHERE vo.case_id = ")
          .append(caseIdColumn)
          .append(" AND vo.unit_id = ?")
          .append(params.size())
          .append(")");
    }
    if (scope.collectorId() != null) {
      params.add(scope.collectorId());
      if (!or.isEmpty()) {
        or.append(" OR ");
      }
      or.append("EXISTS (SELECT 1 FROM case_step vs WHERE vs.case_id = ")
          .append(caseIdColumn)
          .append(" AND vs.transition = 'ORDER_CHECK' AND vs.data ->> 'collectorId' = ?")
          .append(params.size())
          .append(")");
    }
    if (scope.channel() != null) {
      params.add(scope.channel());
      if (!or.isEmpty()) {
        or.append(" OR ");
      }
      or.append("EXISTS (SELECT 1 FROM dispatch_case vc WHERE vc.case_id = ")
          .append(caseIdColumn)
          .append(" AND vc.channel = ?")
          .append(params.size())
          .append(")");
    }
    return " AND (" + or + ")";
  }

  /** Whether the caller with {@code scope} may see case {@code caseId} (which exists). */
  public boolean visible(String caseId, CaseScope scope) {
    if (scope.all()) {
      return true;
    }
    if (scope.none()) {
      return false;
    }
    List<Object> params = new java.util.ArrayList<>();
    params.add(caseId);
    String sql =
        "SELECT count(*) FROM dispatch_case c WHERE c.case_id = ?1"
            + condition("c.case_id", scope, params);
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
    return ((Number) q.getSingleResult()).longValue() > 0;
  }
}
