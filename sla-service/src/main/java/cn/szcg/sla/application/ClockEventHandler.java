package cn.szcg.sla.application;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ConsultationAnswered;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportMerged;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.BatchingEventHandler;
import cn.szcg.sla.domain.Stage;
import cn.szcg.sla.infra.CaseClockInfo;
import cn.szcg.sla.infra.ClockRecord;
import cn.szcg.sla.infra.ClockStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Drives the stage clocks from the events of intake-service and dispatch-service. One consumer for
 * both topics, so the events of a case are applied one at a time. The rules (docs/sla-clocks.md):
 *
 * <ul>
 *   <li>intake: ReportRegistered starts REGISTRATION_TO_DISPATCH (R-12; consultations get none);
 *       LocationResolved/CaseFiled with zone FRINGE double it and an emergency at filing switches
 *       it to natural time from acceptance — ClockDeadlineChanged; ReportRejected,
 *       ReportMerged and ConsultationAnswered stop it.
 *   <li>cases (CaseTransitioned, by dispatch-service's transition names): a dispatch (DISPATCH,
 *       RECORD_COORDINATION_AGREEMENT, DESIGNATE_UNIT, FAIL_CHECK) stops every running clock and
 *       starts DISPATCH_TO_SIGN_FOR, HANDLING with the category's limit and, for
 *       DISPATCH, RETURN_WINDOW; SIGN_FOR stops R-13; REQUEST_RETURN stops;
 *       APPROVE_RETURN stops the old unit's clocks; GRANT_EXTENSION moves the HANDLING deadline;
 *       SUBMIT_FEEDBACK stops HANDLING and starts FEEDBACK_TO_CHECK; PASS_CHECK stops it;
 *       SUSPEND (挂起/缓办) pauses every running clock but the return window, RESUME (恢复) resumes them
 *       (the deadline moves by the paused time: ClockDeadlineChanged); CLOSE,
 *       TRANSFER_TO_LAW_ENFORCEMENT and CANCEL stop everything. Other transitions are ignored
 *       (never dead-lettered).
 * </ul>
 *
 * Deterministic: clock ids derive from the starting event's id, every instant comes from the
 * events, so replaying the history rebuilds the same clocks.
 *
 * <p>Why one class over 400 lines: it is the one table from event to clock change for every
 * transition of intake and dispatch (the list above), kept in one place so that a reader checks a
 * transition against docs/sla-clocks.md in one file and replay stays deterministic; each case is a
 * short method, the clock arithmetic is {@link cn.szcg.sla.domain.StageClock}'s and the storage
 * {@link ClockService}'s.
 */
@ApplicationScoped
public class ClockEventHandler extends BatchingEventHandler<ClockStore.Batch> {

  private static final Logger LOG = Logger.getLogger(ClockEventHandler.class);

  static final Set<String> DISPATCHES =
      Set.of("DISPATCH", "RECORD_COORDINATION_AGREEMENT", "DESIGNATE_UNIT", "FAIL_CHECK");

  @Inject ClockService clocks;
  @Inject ClockStore rows;

  @Override
  public String name() {
    return "clocks";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE, Topics.CASES);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.REPORT_REGISTERED,
        EventType.LOCATION_RESOLVED,
        EventType.CASE_FILED,
        EventType.REPORT_REJECTED,
        EventType.REPORT_MERGED,
        EventType.CONSULTATION_ANSWERED,
        EventType.CASE_TRANSITIONED);
  }

  /**
   * A poll's batch (issue 23): the clocks and facts of all its cases read ahead in two statements,
   * changed in memory by {@link #apply}, written back in JDBC batches with the poll's outbox events
   * at the end ({@link ClockStore.Batch}) — a handful of round trips per poll, not ~30 per case.
   */
  @Override
  protected ClockStore.Batch openBatch(List<Delivery> deliveries) {
    java.util.Set<String> cases = new java.util.LinkedHashSet<>();
    for (Delivery d : deliveries) {
      String c = caseIdOf(d.payload());
      if (c != null) {
        cases.add(c);
      }
    }
    return rows.openBatch(cases);
  }

  private static String caseIdOf(Record payload) {
    if (payload instanceof ReportRegistered r) {
      return r.caseId();
    } else if (payload instanceof LocationResolved l) {
      return l.caseId();
    } else if (payload instanceof CaseFiled f) {
      return f.caseId();
    } else if (payload instanceof ReportRejected x) {
      return x.caseId();
    } else if (payload instanceof ReportMerged m) {
      return m.caseId();
    } else if (payload instanceof ConsultationAnswered a) {
      return a.caseId();
    } else if (payload instanceof CaseTransitioned t) {
      return t.caseId();
    }
    return null;
  }

  @Override
  protected void apply(ClockStore.Batch batch, CloudEvent event, Record payload) {
    clocks.noteEventTime(event.time());
    try {
      apply(event.id(), payload);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A step the clock rules refuse (e.g. an extension after the deadline): recorded, not fatal.
      LOG.warnf("clock rule refused %s %s: %s", event.type(), event.subject(), e.getMessage());
    }
  }

  /** Applies one event (also used by the replay). */
  public void apply(String eventId, Record payload) {
    if (payload instanceof ReportRegistered r) {
      onRegistered(eventId, r);
    } else if (payload instanceof LocationResolved l) {
      onLocation(l);
    } else if (payload instanceof CaseFiled f) {
      onFiled(f);
    } else if (payload instanceof ReportRejected x) {
      stopIntake(x.caseId(), x.rejectedAt(), "REJECTED 不予立案");
    } else if (payload instanceof ReportMerged m) {
      stopIntake(m.caseId(), m.mergedAt(), "MERGED 合并");
    } else if (payload instanceof ConsultationAnswered a) {
      stopIntake(a.caseId(), a.answeredAt(), "ANSWERED 咨询已答复");
    } else if (payload instanceof CaseTransitioned t) {
      onTransition(eventId, t);
    }
  }

  private void onRegistered(String eventId, ReportRegistered r) {
    CaseClockInfo info = rows.info(r.caseId());
    Zone zone = r.context() == null || r.context().zone() == null ? Zone.URBAN : r.context().zone();
    info.zone = zone.name();
    info.acceptedAt = r.registeredAt();
    info.reportNo = r.reportNo();
    info.updatedAt = Instant.now();
    if (r.kind() == ReportKind.CONSULTATION) {
      return;
    }
    if (info.emergency) {
      // an emergency dispatched before its registration was seen (topics interleave): its
      // handling clock started at the dispatch and now counts from acceptance
      fromAcceptance(info, r.registeredAt(), "REPORT_REGISTERED 受理");
    }
    boolean exists = rows.hasStage(r.caseId(), Stage.REGISTRATION_TO_DISPATCH);
    if (exists) {
      return;
    }
    ClockRecord c =
        clocks.start(
            ClockService.clockId(r.caseId(), Stage.REGISTRATION_TO_DISPATCH, eventId),
            r.caseId(),
            Stage.REGISTRATION_TO_DISPATCH,
            zone,
            info.emergency,
            null,
            r.registeredAt(),
            null,
            null);
    if (info.intakeClosedAt != null) {
      clocks.stop(c, info.intakeClosedAt, info.intakeClosedReason);
    }
  }

  private void onLocation(LocationResolved l) {
    if (l.context() == null || l.context().zone() == null) {
      return;
    }
    CaseClockInfo info = rows.info(l.caseId());
    info.zone = l.context().zone().name();
    info.updatedAt = Instant.now();
    recomputeIntake(
        info, l.resolvedAt(), "LOCATION_RESOLVED 位置确定: zone " + l.context().zone().name());
  }

  private void onFiled(CaseFiled f) {
    CaseClockInfo info = rows.info(f.caseId());
    if (f.zone() != null) {
      info.zone = f.zone().name();
    }
    boolean wasEmergency = info.emergency;
    info.emergency = info.emergency || f.emergency();
    info.categoryCode = f.categoryCode();
    info.categoryName = f.categoryName();
    if (f.reportNo() != null) {
      info.reportNo = f.reportNo();
    }
    if (f.handlingLimit() != null) {
      info.handlingLimitAmount = f.handlingLimit().amount();
      info.handlingLimitUnit = f.handlingLimit().unit().name();
    }
    if (info.acceptedAt == null) {
      info.acceptedAt = f.registeredAt();
    }
    info.updatedAt = Instant.now();
    recomputeIntake(
        info,
        f.filedAt(),
        f.emergency()
            ? "CASE_FILED 突发事件按自然时间计 / emergency: natural time from acceptance (R-20)"
            : "CASE_FILED 立案: zone " + info.zone);
    if (!wasEmergency && info.emergency) {
      // filed as an emergency after a dispatch was seen (topics interleave): the clocks already
      // running switch to natural time, handling from acceptance
      fromAcceptance(info, f.filedAt(), "CASE_FILED 突发事件");
    }
  }

  /**
   * The case is (now) an emergency (突发事件, R-20, Art 29): every running clock switches to natural
   * time; those the regulation counts from acceptance ({@link
   * Stage#countsFromAcceptanceInEmergency}, the handling time limit 处置时限) start again at the
   * acceptance (受理, the report's registration); a sub-order's handling clock ends at its township
   * body's new handling deadline. Clocks already right are left as they are (ClockService.recompute
   * is a no-op then), so applying it again or in another event order gives the same deadlines.
   */
  private void fromAcceptance(CaseClockInfo info, Instant at, String why) {
    String reason =
        (why + " 突发事件自受理之时起按自然时间计 / emergency: natural time from acceptance (R-20)").trim();
    List<ClockRecord> open = rows.openOfCase(info.caseId);
    java.util.Map<String, Instant> handling = new java.util.HashMap<>();
    for (ClockRecord c : open) {
      Stage stage = Stage.valueOf(c.stage);
      if (stage == Stage.SUB_HANDLING) {
        continue;
      }
      var k = clocks.domain(c);
      Instant from =
          stage.countsFromAcceptanceInEmergency()
                  && info.acceptedAt != null
                  && info.acceptedAt.isBefore(c.startedAt)
              ? info.acceptedAt
              : null;
      TimeLimit limit = stage == Stage.HANDLING ? k.originalLimit() : null;
      clocks.recompute(c, zoneOf(info), true, limit, from, null, at, reason);
      if (stage == Stage.HANDLING) {
        handling.put(nz(c.orderId), c.deadline);
      }
    }
    for (ClockRecord c : open) {
      if (!Stage.SUB_HANDLING.name().equals(c.stage)) {
        continue;
      }
      var k = clocks.domain(c);
      Instant parent = handling.get(nz(c.parentOrderId));
      if (parent == null && handling.size() == 1) {
        parent = handling.values().iterator().next();
      }
      Instant from =
          info.acceptedAt != null && info.acceptedAt.isBefore(c.startedAt) ? info.acceptedAt : null;
      if (parent != null) {
        clocks.recompute(c, zoneOf(info), true, k.originalLimit(), from, parent, at, reason);
      } else {
        clocks.recompute(c, zoneOf(info), true, k.originalLimit(), from, c.deadline, at, reason);
      }
    }
  }

  private void recomputeIntake(CaseClockInfo info, Instant at, String why) {
    for (ClockRecord c : rows.openOfCase(info.caseId)) {
      if (c.stage.equals(Stage.REGISTRATION_TO_DISPATCH.name())) {
        clocks.recompute(c, zoneOf(info), info.emergency, null, at, why);
      }
    }
  }

  private void stopIntake(String caseId, Instant at, String reason) {
    CaseClockInfo info = rows.info(caseId);
    boolean any = false;
    for (ClockRecord c : rows.openOfCase(caseId)) {
      if (c.stage.equals(Stage.REGISTRATION_TO_DISPATCH.name())) {
        clocks.stop(c, at, reason);
        any = true;
      }
    }
    if (!any && info.intakeClosedAt == null) {
      info.intakeClosedAt = at; // arrived before the registration: stop it when it starts
      info.intakeClosedReason = reason;
    }
    info.updatedAt = Instant.now();
  }

  private void onTransition(String eventId, CaseTransitioned t) {
    String tr = t.transition() == null ? "" : t.transition();
    Instant at = t.at();
    CaseClockInfo info = rows.info(t.caseId());
    if (t.zone() != null) {
      info.zone = t.zone().name();
    }
    boolean wasEmergency = info.emergency;
    info.emergency = info.emergency || t.emergency();
    info.updatedAt = Instant.now();
    boolean emergency = info.emergency;
    if (!wasEmergency && emergency) {
      // the emergency flag set on a transition: the running clocks switch first
      fromAcceptance(info, at, tr);
    }
    Zone zone = zoneOf(info);
    String why = tr + " " + (t.reason() == null ? "" : t.reason()).trim();
    if (DISPATCHES.contains(tr)) {
      boolean hadIntakeClock = rows.hasStage(t.caseId(), Stage.REGISTRATION_TO_DISPATCH);
      stopOpen(t.caseId(), at, why.trim(), (Stage[]) null);
      if (!hadIntakeClock && info.intakeClosedAt == null) {
        info.intakeClosedAt = at;
        info.intakeClosedReason = "DISPATCH 派遣";
      }
      start(eventId, t, Stage.DISPATCH_TO_SIGN_FOR, zone, emergency, null);
      if ("DISPATCH".equals(tr)) {
        start(eventId, t, Stage.RETURN_WINDOW, zone, emergency, null);
      }
      TimeLimit limit = t.handlingLimit() != null ? t.handlingLimit() : limitOf(info);
      if (limit != null) {
        // R-20 (Art 29): an emergency's handling time limit counts from acceptance (受理), not from
        // the dispatch: the minutes the center spends before dispatching are not given to the unit
        clocks.start(
            ClockService.clockId(t.caseId(), Stage.HANDLING, eventId),
            t.caseId(),
            Stage.HANDLING,
            zone,
            emergency,
            limit,
            at,
            countFrom(info, Stage.HANDLING, at),
            null,
            t.orderId(),
            t.unitId(),
            null,
            null);
      } else {
        LOG.warnf("case %s dispatched without a handling limit: no R-14 clock", t.caseId());
      }
      return;
    }
    switch (tr) {
      case "SIGN_FOR" -> stopOpen(t.caseId(), at, "SIGN_FOR 签收", Stage.DISPATCH_TO_SIGN_FOR);
      case "REQUEST_RETURN" ->
          stopOpen(
              t.caseId(),
              at,
              "REQUEST_RETURN 回退申请",
              Stage.RETURN_WINDOW,
              Stage.DISPATCH_TO_SIGN_FOR);
      case "APPROVE_RETURN" -> stopOpen(t.caseId(), at, "APPROVE_RETURN 同意回退", (Stage[]) null);
      case "GRANT_EXTENSION" -> {
        if (t.newDeadline() == null) {
          return;
        }
        for (ClockRecord c : rows.openOfCase(t.caseId())) {
          if (c.stage.equals(Stage.HANDLING.name())) {
            clocks.extendTo(c, t.newDeadline(), at, "GRANT_EXTENSION 同意延期 " + nz(t.reason()));
          }
        }
        // a sub-order's handling ends with its township body's: it follows the extension
        for (ClockRecord c : rows.openOfCase(t.caseId())) {
          if (c.stage.equals(Stage.SUB_HANDLING.name())
              && t.newDeadline().isAfter(c.deadline)
              && (c.parentOrderId == null
                  || t.orderId() == null
                  || c.parentOrderId.equals(t.orderId()))) {
            clocks.extendTo(c, t.newDeadline(), at, "GRANT_EXTENSION 上级处置时限延期 " + nz(t.reason()));
          }
        }
      }
      case "REDISPATCH_TO_SUB_UNIT" -> startSubOrder(eventId, t, info, zone, emergency);
      case "SIGN_FOR_SUB_ORDER" ->
          stopOrder(
              t.caseId(),
              t.orderId(),
              at,
              "SIGN_FOR_SUB_ORDER 二级签收",
              Stage.SUB_DISPATCH_TO_SIGN_FOR);
      case "SUBMIT_SUB_FEEDBACK" ->
          stopOrder(t.caseId(), t.orderId(), at, "SUBMIT_SUB_FEEDBACK 二级反馈", Stage.SUB_HANDLING);
      case "APPROVE_SUB_ORDER_RETURN" ->
          stopOrder(
              t.caseId(),
              t.orderId(),
              at,
              "APPROVE_SUB_ORDER_RETURN 同意二级回退",
              Stage.SUB_DISPATCH_TO_SIGN_FOR,
              Stage.SUB_HANDLING);
      case "SUBMIT_FEEDBACK" -> {
        stopOpen(t.caseId(), at, "SUBMIT_FEEDBACK 处理反馈", Stage.HANDLING);
        start(eventId, t, Stage.FEEDBACK_TO_CHECK, zone, emergency, null);
      }
      case "PASS_CHECK" -> stopOpen(t.caseId(), at, "PASS_CHECK 核查通过", Stage.FEEDBACK_TO_CHECK);
      case "SUSPEND" -> {
        String reason = ("SUSPEND 挂起 " + nz(t.reason())).trim();
        for (ClockRecord c : rows.openOfCase(t.caseId())) {
          try {
            clocks.pause(c, at, reason);
          } catch (IllegalArgumentException | IllegalStateException e) {
            // an emergency or an already breached clock runs on: the breach stands
            LOG.warnf("case %s: %s clock not paused: %s", t.caseId(), c.stage, e.getMessage());
          }
        }
      }
      case "RESUME" -> {
        String reason = ("RESUME 恢复 " + nz(t.reason())).trim();
        for (ClockRecord c : rows.openOfCase(t.caseId())) {
          clocks.resume(c, at, reason);
        }
      }
      case "CLOSE", "TRANSFER_TO_LAW_ENFORCEMENT", "CANCEL" ->
          stopOpen(t.caseId(), at, why.trim(), (Stage[]) null);
      default -> {
        // not a clock event (e.g. APPROVE_BY_LEADER, ORDER_CHECK, RECORD_SATISFACTION, or a
        // transition added later): ignored
      }
    }
  }

  /**
   * A township body re-dispatches to its department (REDISPATCH_TO_SUB_UNIT, two-level command,
   * R-02, Art 25): SUB_DISPATCH_TO_SIGN_FOR (1 working hour, as R-13) from the sub-dispatch, and
   * SUB_HANDLING ending at the township body's current HANDLING deadline (never more time than it
   * has; if none is running, the category's handling limit from the sub-dispatch). The clocks carry
   * the sub-order's id and the department's unit id; an emergency's run in natural time and its
   * SUB_HANDLING counts from acceptance like the parent's.
   */
  private void startSubOrder(
      String eventId, CaseTransitioned t, CaseClockInfo info, Zone zone, boolean emergency) {
    if (t.orderId() == null || t.unitId() == null) {
      LOG.warnf("case %s: REDISPATCH_TO_SUB_UNIT without orderId/unitId: no clocks", t.caseId());
      return;
    }
    java.util.Map<String, String> data = t.data() == null ? java.util.Map.of() : t.data();
    String parentOrderId = data.get("parentOrderId");
    String parentUnitId = data.get("parentUnitId");
    Instant at = t.at();
    clocks.start(
        ClockService.clockId(t.caseId(), Stage.SUB_DISPATCH_TO_SIGN_FOR, eventId),
        t.caseId(),
        Stage.SUB_DISPATCH_TO_SIGN_FOR,
        zone,
        emergency,
        null,
        at,
        at,
        null,
        t.orderId(),
        t.unitId(),
        parentOrderId,
        parentUnitId);
    ClockRecord parent = null;
    for (ClockRecord c : rows.openOfCase(t.caseId())) {
      if (c.stage.equals(Stage.HANDLING.name())
          && (parentOrderId == null || parentOrderId.equals(c.orderId))) {
        parent = c;
      }
    }
    Instant from = countFrom(info, Stage.SUB_HANDLING, at);
    if (parent != null) {
      clocks.start(
          ClockService.clockId(t.caseId(), Stage.SUB_HANDLING, eventId),
          t.caseId(),
          Stage.SUB_HANDLING,
          zone,
          emergency,
          clocks.domain(parent).limit(),
          at,
          from,
          parent.deadline,
          t.orderId(),
          t.unitId(),
          parentOrderId != null ? parentOrderId : parent.orderId,
          parentUnitId != null ? parentUnitId : parent.unitId);
      return;
    }
    TimeLimit limit = t.handlingLimit() != null ? t.handlingLimit() : limitOf(info);
    if (limit == null) {
      LOG.warnf(
          "case %s sub-order %s without a handling limit: no SUB_HANDLING clock",
          t.caseId(), t.orderId());
      return;
    }
    clocks.start(
        ClockService.clockId(t.caseId(), Stage.SUB_HANDLING, eventId),
        t.caseId(),
        Stage.SUB_HANDLING,
        zone,
        emergency,
        limit,
        at,
        from,
        null,
        t.orderId(),
        t.unitId(),
        parentOrderId,
        parentUnitId);
  }

  /**
   * Where a clock of this stage counts from: the acceptance for an emergency's handling (R-20, Art
   * 29: 从受理之时起), when it is known and not after the event; otherwise the event itself.
   */
  private static Instant countFrom(CaseClockInfo info, Stage stage, Instant at) {
    if (info.emergency
        && stage.countsFromAcceptanceInEmergency()
        && info.acceptedAt != null
        && info.acceptedAt.isBefore(at)) {
      return info.acceptedAt;
    }
    return at;
  }

  /** Stops the running clocks of the given stages of one (sub-)order. */
  private void stopOrder(
      String caseId, String orderId, Instant at, String reason, Stage... stages) {
    if (orderId == null) {
      return;
    }
    for (ClockRecord c : rows.openOfCase(caseId)) {
      if (orderId.equals(c.orderId)
          && List.of(stages).stream().anyMatch(s -> s.name().equals(c.stage))) {
        clocks.stop(c, at, reason);
      }
    }
  }

  private void start(
      String eventId, CaseTransitioned t, Stage stage, Zone zone, boolean em, TimeLimit limit) {
    clocks.start(
        ClockService.clockId(t.caseId(), stage, eventId),
        t.caseId(),
        stage,
        zone,
        em,
        limit,
        t.at(),
        t.orderId(),
        t.unitId());
  }

  /** Stops the running clocks of the given stages (all stages when null). */
  private void stopOpen(String caseId, Instant at, String reason, Stage... stages) {
    for (ClockRecord c : rows.openOfCase(caseId)) {
      if (stages == null || List.of(stages).stream().anyMatch(s -> s.name().equals(c.stage))) {
        clocks.stop(c, at, reason);
      }
    }
  }

  private static Zone zoneOf(CaseClockInfo info) {
    return info.zone == null ? Zone.URBAN : Zone.valueOf(info.zone);
  }

  private static TimeLimit limitOf(CaseClockInfo info) {
    if (info.handlingLimitAmount == null || info.handlingLimitUnit == null) {
      return null;
    }
    return new TimeLimit(info.handlingLimitAmount, LimitUnit.valueOf(info.handlingLimitUnit));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
