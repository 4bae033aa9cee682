package cn.szcg.dispatch.infra;

import static cn.szcg.platform.sql.SqlValues.instant;

import cn.szcg.dispatch.domain.CaseState;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.infra.CurrentActor.CaseScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Read models over the case tables (lists, history, clocks, a unit's orders): the SQL of the case
 * API's queries, with the records it answers (the API returns them as they are).
 */
@ApplicationScoped
public class CaseQueries {

  /** Rows of one page and the total count over all pages. */
  public record Slice<T>(List<T> items, long total) {}

  /** One line of the case list. */
  public record CaseSummary(
      String caseId,
      String reportNo,
      String channel,
      String categoryCode,
      String categoryName,
      String townshipCode,
      String gridCode,
      boolean emergency,
      String state,
      String stateLabel,
      String responsibleUnitId,
      boolean overdueHandling,
      Instant filedAt,
      Instant updatedAt) {}

  /** One step of the history. */
  public record StepView(
      long sequence,
      String transition,
      String label,
      String fromState,
      String toState,
      String actorUserId,
      String actorRole,
      String actorUnitId,
      Instant at,
      String reason,
      String orderId,
      String unitId,
      Map<String, Object> data) {}

  /**
   * A case as shared with a county system (县级其他系统; R-07, Art 39 sharing): where it stands and how
   * it ended, nothing about the reporter (dispatch never receives name or phone), no staff names,
   * no comments or reasons.
   *
   * @param responsibleUnitId the unit the current (or last) order is addressed to
   * @param dispatchedAt the first dispatch (派遣)
   * @param handledAt the last handling feedback (处理反馈) of a unit
   * @param closedAt when the case reached a terminal state (结案, 移交执法, 作废)
   * @param outcome null while the case is open; else CLOSED (结案: check passed, handled to
   *     standard), TRANSFERRED_TO_LAW_ENFORCEMENT or CANCELLED
   * @param failedChecks checks that found the handling not to standard (核查不合格)
   * @param approvedReturns returns of the case approved (回退)
   * @param overdueHandling 过期未处置: sla-service reported the current handling clock breached
   */
  public record SharedCase(
      String caseId,
      String reportNo,
      String channel,
      String categoryCode,
      String categoryName,
      String townshipCode,
      String communityCode,
      String gridCode,
      boolean emergency,
      String state,
      String stateLabel,
      String responsibleUnitId,
      String responsibleUnitName,
      Instant filedAt,
      Instant dispatchedAt,
      Instant handledAt,
      Instant closedAt,
      String outcome,
      String outcomeLabel,
      int failedChecks,
      int approvedReturns,
      boolean overdueHandling,
      Instant updatedAt) {}

  /** Clock facts of one order, from szcg.clocks. */
  public record OrderClocks(Instant returnDeadline, Instant handlingDeadline, boolean breached) {}

  /** A unit's own order (for the unit's work list). */
  public record UnitOrder(
      String orderId,
      String caseId,
      String parentOrderId,
      int round,
      String origin,
      String status,
      Instant dispatchedAt,
      Instant returnDeadline,
      Instant handlingDeadline,
      boolean handlingExpired,
      String categoryCode,
      String categoryName,
      String gridCode,
      boolean emergency,
      String caseState) {}

  @Inject EntityManager em;
  @Inject Snapshots snapshots;
  @Inject UnitStore units;

  /** Filter of the case list; null parts mean "any". {@code category} is a code prefix. */
  public record CaseFilter(
      String state, String unitId, String township, String category, Instant from, Instant to) {}

  /** A page of cases matching {@code f}, limited to what {@code scope} may see. */
  public Slice<CaseSummary> cases(CaseFilter f, CaseScope scope, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE snapshot IS NOT NULL");
    List<Object> params = new ArrayList<>();
    where.append(CaseVisibility.condition("dispatch_case.case_id", scope, params));
    if (f.state() != null) {
      params.add(f.state());
      where.append(" AND state = ?").append(params.size());
    }
    if (f.unitId() != null) {
      params.add(f.unitId());
      where.append(" AND responsible_unit_id = ?").append(params.size());
    }
    if (f.township() != null) {
      params.add(f.township());
      where.append(" AND township_code = ?").append(params.size());
    }
    if (f.category() != null) {
      params.add(f.category().replace("*", "") + "%");
      where.append(" AND category_code LIKE ?").append(params.size());
    }
    if (f.from() != null) {
      params.add(Timestamp.from(f.from()));
      where.append(" AND filed_at >= ?").append(params.size());
    }
    if (f.to() != null) {
      params.add(Timestamp.from(f.to()));
      where.append(" AND filed_at < ?").append(params.size());
    }
    Query count = em.createNativeQuery("SELECT count(*) FROM dispatch_case" + where);
    Query q =
        em.createNativeQuery(
            "SELECT case_id, report_no, channel, category_code, category_name, township_code,"
                + " grid_code, emergency, state, responsible_unit_id, overdue_handling, filed_at,"
                + " updated_at FROM dispatch_case"
                + where
                + " ORDER BY filed_at DESC, case_id LIMIT "
                + size
                + " OFFSET "
                + ((long) page * size));
    for (int i = 0; i < params.size(); i++) {
      count.setParameter(i + 1, params.get(i));
      q.setParameter(i + 1, params.get(i));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    List<CaseSummary> items = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      String state = (String) r[8];
      items.add(
          new CaseSummary(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              (Boolean) r[7],
              state,
              CaseState.valueOf(state).labelZh(),
              (String) r[9],
              (Boolean) r[10],
              instant(r[11]),
              instant(r[12])));
    }
    return new Slice<>(items, total);
  }

  public List<StepView> history(String caseId) {
    List<StepView> out = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT sequence, transition, from_state, to_state, actor_user_id, actor_role,"
                    + " actor_unit_id, at, reason, order_id, unit_id, CAST(data AS text) FROM"
                    + " case_step WHERE case_id = ?1 ORDER BY sequence")
            .setParameter(1, caseId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      String t = (String) r[1];
      out.add(
          new StepView(
              ((Number) r[0]).longValue(),
              t,
              CaseTransition.valueOf(t).labelZh(),
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (String) r[6],
              instant(r[7]),
              (String) r[8],
              (String) r[9],
              (String) r[10],
              snapshots.readMap((String) r[11])));
    }
    return out;
  }

  /**
   * The shared view of one case, by case id or 受理号 (report number); empty when none exists or it
   * has no snapshot yet.
   */
  public java.util.Optional<SharedCase> shared(String caseIdOrReportNo) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT c.case_id, c.report_no, c.channel, c.category_code, c.category_name,"
                    + " c.township_code, c.community_code, c.grid_code, c.emergency, c.state,"
                    + " c.responsible_unit_id, c.filed_at, c.overdue_handling, c.updated_at,"
                    + " (SELECT min(s.at) FROM case_step s WHERE s.case_id = c.case_id AND"
                    + " s.transition = 'DISPATCH'), (SELECT max(s.at) FROM case_step s WHERE"
                    + " s.case_id = c.case_id AND s.transition = 'SUBMIT_FEEDBACK'), (SELECT"
                    + " max(s.at) FROM case_step s WHERE s.case_id = c.case_id AND s.to_state IN"
                    + " ('CLOSED', 'TRANSFERRED_TO_LAW_ENFORCEMENT', 'CANCELLED')), (SELECT"
                    + " count(*) FROM case_step s WHERE s.case_id = c.case_id AND s.transition ="
                    + " 'FAIL_CHECK'), (SELECT count(*) FROM case_step s WHERE s.case_id ="
                    + " c.case_id AND s.transition = 'APPROVE_RETURN') FROM dispatch_case c WHERE"
                    + " c.snapshot IS NOT NULL AND (c.case_id = ?1 OR c.report_no = ?1) ORDER BY"
                    + " (c.case_id = ?1) DESC LIMIT 1")
            .setParameter(1, caseIdOrReportNo)
            .getResultList();
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    CaseState state = CaseState.valueOf((String) r[9]);
    boolean ended =
        state == CaseState.CLOSED
            || state == CaseState.TRANSFERRED_TO_LAW_ENFORCEMENT
            || state == CaseState.CANCELLED;
    String unit = (String) r[10];
    return java.util.Optional.of(
        new SharedCase(
            (String) r[0],
            (String) r[1],
            (String) r[2],
            (String) r[3],
            (String) r[4],
            (String) r[5],
            (String) r[6],
            (String) r[7],
            (Boolean) r[8],
            state.name(),
            state.labelZh(),
            unit,
            unit == null ? null : units.nameOf(unit).orElse(unit),
            instant(r[11]),
            instant(r[14]),
            instant(r[15]),
            ended ? instant(r[16]) : null,
            ended ? state.name() : null,
            ended ? state.labelZh() : null,
            ((Number) r[17]).intValue(),
            ((Number) r[18]).intValue(),
            (Boolean) r[12],
            instant(r[13])));
  }

  /** Clock facts per order of a case. */
  public Map<String, OrderClocks> clocks(String caseId) {
    Map<String, Instant> ret = new HashMap<>();
    Map<String, Instant> handling = new HashMap<>();
    Map<String, Boolean> breached = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT order_id, stage, deadline, breached_at FROM order_clock WHERE case_id = ?1"
                    + " AND order_id IS NOT NULL ORDER BY updated_at")
            .setParameter(1, caseId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      String order = (String) r[0];
      if ("RETURN_WINDOW".equals(r[1])) {
        ret.put(order, instant(r[2]));
      } else {
        handling.put(order, instant(r[2]));
        if (r[3] != null) {
          breached.put(order, true);
        }
      }
    }
    Map<String, OrderClocks> out = new HashMap<>();
    for (String id : union(ret.keySet(), handling.keySet())) {
      out.put(id, new OrderClocks(ret.get(id), handling.get(id), breached.getOrDefault(id, false)));
    }
    return out;
  }

  /** A unit's orders (and sub-orders), newest first; {@code openOnly} limits to open ones. */
  public Slice<UnitOrder> unitOrders(String unitId, boolean openOnly, int page, int size) {
    String where =
        " WHERE o.unit_id = ?1"
            + (openOnly ? " AND o.status IN ('DISPATCHED', 'SIGNED_FOR', 'IN_HANDLING')" : "");
    long total =
        ((Number)
                em.createNativeQuery("SELECT count(*) FROM case_order o" + where)
                    .setParameter(1, unitId)
                    .getSingleResult())
            .longValue();
    List<UnitOrder> items = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "SELECT o.order_id, o.case_id, o.parent_order_id, o.round, o.origin, o.status,"
                    + " o.dispatched_at, o.return_deadline, (SELECT max(k.deadline) FROM"
                    + " order_clock k WHERE k.order_id = o.order_id AND k.stage = 'HANDLING'),"
                    + " EXISTS (SELECT 1 FROM order_clock k WHERE k.order_id = o.order_id AND"
                    + " k.stage = 'HANDLING' AND k.breached_at IS NOT NULL), c.category_code,"
                    + " c.category_name, c.grid_code, c.emergency, c.state FROM case_order o JOIN"
                    + " dispatch_case c ON c.case_id = o.case_id"
                    + where
                    + " ORDER BY o.dispatched_at DESC, o.order_id LIMIT "
                    + size
                    + " OFFSET "
                    + ((long) page * size))
            .setParameter(1, unitId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      items.add(
          new UnitOrder(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              ((Number) r[3]).intValue(),
              (String) r[4],
              (String) r[5],
              instant(r[6]),
              instant(r[7]),
              instant(r[8]),
              (Boolean) r[9],
              (String) r[10],
              (String) r[11],
              (String) r[12],
              (Boolean) r[13],
              (String) r[14]));
    }
    return new Slice<>(items, total);
  }

  private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> s = new java.util.LinkedHashSet<>(a);
    s.addAll(b);
    return new ArrayList<>(s);
  }
}
