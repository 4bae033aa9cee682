package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.CaseMapQuery;
import cn.szcg.dispatch.domain.CaseState;
import cn.szcg.dispatch.infra.CurrentActor.CaseScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;

/**
 * The map's case layer: positioned cases in a box and states, limited to what the caller may see
 * (the same {@link CaseVisibility} as the case list), newest filing first. Only what the map shows
 * — id, 受理号, state, category, emergency, position — never the reporter.
 */
@ApplicationScoped
public class CasePositions {

  @Inject EntityManager em;

  /** One case on the map. */
  public record Position(
      String caseId,
      String reportNo,
      CaseState state,
      String categoryCode,
      String categoryName,
      boolean emergency,
      double lon,
      double lat) {}

  /** The cases (at most {@code q.limit() + 1}, so the caller sees whether it was cut). */
  public List<Position> find(CaseMapQuery q, CaseScope scope) {
    List<Object> params = new ArrayList<>();
    StringBuilder where =
        new StringBuilder(" WHERE snapshot IS NOT NULL AND lon IS NOT NULL AND lat IS NOT NULL");
    where.append(CaseVisibility.condition("dispatch_case.case_id", scope, params));
    params.add(q.minLon());
    where.append(" AND lon >= ?").append(params.size());
    params.add(q.maxLon());
    where.append(" AND lon <= ?").append(params.size());
    params.add(q.minLat());
    where.append(" AND lat >= ?").append(params.size());
    params.add(q.maxLat());
    where.append(" AND lat <= ?").append(params.size());
    List<String> states = q.states().stream().map(Enum::name).toList();
    where.append(" AND state IN (");
    for (int i = 0; i < states.size(); i++) {
      params.add(states.get(i));
      where.append(i == 0 ? "?" : ", ?").append(params.size());
    }
    where.append(")");
    Query query =
        em.createNativeQuery(
            "SELECT case_id, report_no, state, category_code, category_name, emergency, lon, lat"
                + " FROM dispatch_case"
                + where
                + " ORDER BY filed_at DESC, case_id LIMIT "
                + (q.limit() + 1));
    for (int i = 0; i < params.size(); i++) {
      query.setParameter(i + 1, params.get(i));
    }
    List<Position> out = new ArrayList<>();
    for (Object o : query.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Position(
              (String) r[0],
              (String) r[1],
              CaseState.valueOf((String) r[2]),
              (String) r[3],
              (String) r[4],
              (Boolean) r[5],
              ((Number) r[6]).doubleValue(),
              ((Number) r[7]).doubleValue()));
    }
    return out;
  }
}
