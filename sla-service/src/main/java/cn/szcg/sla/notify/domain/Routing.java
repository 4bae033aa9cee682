package cn.szcg.sla.notify.domain;

import cn.szcg.contracts.events.AccountabilityNotice;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockWarned;
import cn.szcg.contracts.events.EfficiencyWarningIssued;
import cn.szcg.contracts.events.PeriodicReportPublished;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.sla.notify.domain.Audience.CenterRole;
import cn.szcg.sla.notify.domain.Audience.Collector;
import cn.szcg.sla.notify.domain.Audience.Person;
import cn.szcg.sla.notify.domain.Audience.UnitRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who is told what (通知; the routing table of docs/notifications.md), from the suite's events:
 *
 * <ul>
 *   <li>a new order (派遣, R-13) or sub-order (二级派遣) → the unit's receivers on duty (接收员);
 *   <li>a clock's warning (预警, R-22) → the unit's receiver and the leader in charge (分管领导); a
 *       center stage's → the shift leads (值班长);
 *   <li>a breach (超时) → the unit's leader and the center's shift leads, urgent (through quiet
 *       hours);
 *   <li>a verification (核实, R-10) or check (核查, R-15) task → the collector;
 *   <li>a refused report (不予立案) → the collector who reported it; a return asked → the shift leads
 *       (who decide), approved → the dispatchers (who dispatch again), refused → the unit's
 *       receivers (who go on); the same for a sub-order between department and township body;
 *   <li>an Art 33 notice → the person named in it, else the unit's leader; a 效能告诫 → the
 *       person warned; a periodic 通报 → the supervision office, the efficiency office and
 *       each listed unit's leader.
 * </ul>
 *
 * Events not listed give no notification.
 */
public final class Routing {

  public static final String RECEIVER = "unit-receiver";
  public static final String LEADER = "unit-leader";
  public static final String SHIFT_LEAD = "shift-lead";
  public static final String DISPATCHER = "dispatcher";
  public static final String SUPERVISION_OFFICE = "supervision-office";
  public static final String EFFICIENCY_OFFICE = "efficiency-office";

  /** Transitions that hand a unit a new order (the clocks' DISPATCHES and the sub-order). */
  static final Set<String> NEW_ORDERS =
      Set.of(
          "DISPATCH",
          "RECORD_COORDINATION_AGREEMENT",
          "DESIGNATE_UNIT",
          "FAIL_CHECK",
          "REDISPATCH_TO_SUB_UNIT");

  private Routing() {}

  /** The intents of one event (empty for events that tell nobody), cases named by their id. */
  public static List<Intent> route(Record payload) {
    return route(payload, UnaryOperator.identity());
  }

  /**
   * The intents of one event; {@code caseLabel} names a case in the texts as people know it (its
   * 受理号 where the caller knows it, else the id). The intent's {@code caseId} stays the id.
   */
  public static List<Intent> route(Record payload, UnaryOperator<String> caseLabel) {
    List<Intent> out = new ArrayList<>();
    if (payload instanceof CaseTransitioned t) {
      onTransition(t, caseLabel.apply(t.caseId()), out);
    } else if (payload instanceof ClockWarned w) {
      String what = stageName(w.stage());
      if (w.unitId() != null) {
        String zh = "预警：案件 " + caseLabel.apply(w.caseId()) + " " + what + "即将到期";
        String en = "Warning: case " + caseLabel.apply(w.caseId()) + " " + w.stage() + " due soon";
        out.add(
            new Intent(
                new UnitRole(w.unitId(), RECEIVER), Kind.CLOCK_WARNING, false, zh, en, w.caseId()));
        out.add(
            new Intent(
                new UnitRole(w.unitId(), LEADER), Kind.CLOCK_WARNING, false, zh, en, w.caseId()));
      } else {
        out.add(
            new Intent(
                new CenterRole(SHIFT_LEAD),
                Kind.CLOCK_WARNING,
                false,
                "预警：案件 " + caseLabel.apply(w.caseId()) + " " + what + "即将到期",
                "Warning: case " + caseLabel.apply(w.caseId()) + " " + w.stage() + " due soon",
                w.caseId()));
      }
    } else if (payload instanceof ClockBreached b) {
      String zh = "超时：案件 " + caseLabel.apply(b.caseId()) + " " + stageName(b.stage()) + "已超时";
      String en = "Breach: case " + caseLabel.apply(b.caseId()) + " " + b.stage() + " is overdue";
      if (b.unitId() != null) {
        out.add(
            new Intent(
                new UnitRole(b.unitId(), LEADER), Kind.CLOCK_BREACH, true, zh, en, b.caseId()));
      }
      out.add(new Intent(new CenterRole(SHIFT_LEAD), Kind.CLOCK_BREACH, true, zh, en, b.caseId()));
    } else if (payload instanceof VerificationRequested v && v.collectorId() != null) {
      out.add(
          new Intent(
              new Collector(v.collectorId()),
              Kind.TASK,
              false,
              "核实任务：案件 " + caseLabel.apply(v.caseId()),
              "Verification task: case " + caseLabel.apply(v.caseId()),
              v.caseId()));
    } else if (payload instanceof ReportRejected r && r.collectorId() != null) {
      out.add(
          new Intent(
              new Collector(r.collectorId()),
              Kind.REPORT_REFUSED,
              false,
              "不予立案：案件 " + caseLabel.apply(r.caseId()),
              "Report refused: case " + caseLabel.apply(r.caseId()),
              r.caseId()));
    } else if (payload instanceof AccountabilityNotice n) {
      Audience who =
          n.personId() != null && !n.personMissing()
              ? new Person(n.personId())
              : new UnitRole(n.unitId(), LEADER);
      Kind kind =
          "EFFICIENCY_WARNING".equals(n.type())
              ? Kind.EFFICIENCY_WARNING
              : Kind.ACCOUNTABILITY_NOTICE;
      out.add(new Intent(who, kind, false, n.titleZh(), n.titleEn(), n.caseId()));
    } else if (payload instanceof EfficiencyWarningIssued w) {
      out.add(
          new Intent(
              new Person(w.personId()),
              Kind.EFFICIENCY_WARNING,
              false,
              "效能告诫：" + w.reasonZh(),
              "Efficiency warning (案件 " + caseLabel.apply(w.caseId()) + ")",
              w.caseId()));
    } else if (payload instanceof PeriodicReportPublished p) {
      List<Audience> to = new ArrayList<>();
      to.add(new CenterRole(SUPERVISION_OFFICE));
      to.add(new CenterRole(EFFICIENCY_OFFICE));
      for (String unit : p.unitIds() == null ? List.<String>of() : p.unitIds()) {
        to.add(new UnitRole(unit, LEADER));
      }
      for (Audience a : to) {
        out.add(new Intent(a, Kind.PERIODIC_REPORT, false, p.titleZh(), p.titleEn(), null));
      }
    }
    return out;
  }

  private static void onTransition(CaseTransitioned t, String label, List<Intent> out) {
    String c = t.caseId();
    Map<String, String> data = t.data() == null ? Map.of() : t.data();
    String tr = t.transition();
    if (NEW_ORDERS.contains(tr) && t.unitId() != null) {
      boolean sub = tr.equals("REDISPATCH_TO_SUB_UNIT");
      out.add(
          new Intent(
              new UnitRole(t.unitId(), RECEIVER),
              Kind.NEW_ORDER,
              t.emergency(),
              (t.emergency() ? "紧急" : "") + (sub ? "新二级派遣指令：案件 " : "新派遣指令：案件 ") + label,
              (t.emergency() ? "Emergency " : "New ")
                  + (sub ? "sub-order: case " : "order: case ")
                  + label,
              c));
      return;
    }
    switch (tr) {
      case "ORDER_CHECK" -> {
        String collector = data.get("collectorId");
        if (collector != null) {
          out.add(
              new Intent(
                  new Collector(collector),
                  Kind.TASK,
                  false,
                  "核查任务：案件 " + label,
                  "Check task: case " + label,
                  c));
        }
      }
      case "REQUEST_RETURN" ->
          out.add(
              new Intent(
                  new CenterRole(SHIFT_LEAD),
                  Kind.REPORT_RETURNED,
                  false,
                  "回退申请待审核：案件 " + label,
                  "Return requested, to decide: case " + label,
                  c));
      case "APPROVE_RETURN" ->
          out.add(
              new Intent(
                  new CenterRole(DISPATCHER),
                  Kind.REPORT_RETURNED,
                  false,
                  "案件已回退，请重新派遣：" + label,
                  "Case returned, dispatch again: " + label,
                  c));
      case "REFUSE_RETURN", "REFUSE_SUB_ORDER_RETURN" -> {
        if (t.unitId() != null) {
          out.add(
              new Intent(
                  new UnitRole(t.unitId(), RECEIVER),
                  Kind.REPORT_RETURNED,
                  false,
                  "回退被驳回，请继续处置：案件 " + label,
                  "Return refused, go on: case " + label,
                  c));
        }
      }
      case "REQUEST_SUB_ORDER_RETURN" -> {
        String parent = data.get("parentUnitId");
        if (parent != null) {
          out.add(
              new Intent(
                  new UnitRole(parent, RECEIVER),
                  Kind.REPORT_RETURNED,
                  false,
                  "二级回退申请待审核：案件 " + label,
                  "Sub-order return requested, to decide: case " + label,
                  c));
        }
      }
      default -> {
        // no one is told of the other steps
      }
    }
  }

  private static String stageName(String stage) {
    return switch (stage == null ? "" : stage) {
      case "REGISTRATION_TO_DISPATCH" -> "立案派遣";
      case "DISPATCH_TO_SIGN_FOR", "SUB_DISPATCH_TO_SIGN_FOR" -> "签收";
      case "HANDLING", "SUB_HANDLING" -> "处置";
      case "FEEDBACK_TO_CHECK" -> "核查";
      case "RETURN_WINDOW" -> "回退申请";
      default -> stage + " ";
    };
  }
}
