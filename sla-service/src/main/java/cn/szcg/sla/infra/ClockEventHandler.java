package cn.szcg.sla.infra;

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
import cn.szcg.platform.inbox.EventHandler;
import cn.szcg.sla.domain.Stage;
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
 */
@ApplicationScoped
public class ClockEventHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(ClockEventHandler.class);

  static final Set<String> DISPATCHES =
      Set.of("DISPATCH", "RECORD_COORDINATION_AGREEMENT", "DESIGNATE_UNIT", "FAIL_CHECK");

  @Inject ClockService clocks;

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

  @Override
  public void handle(CloudEvent event, Record payload) {
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
    CaseClockInfo info = CaseClockInfo.of(r.caseId());
    Zone zone = r.context() == null || r.context().zone() == null ? Zone.URBAN : r.context().zone();
    info.zone = zone.name();
    info.acceptedAt = r.registeredAt();
    info.updatedAt = Instant.now();
    if (r.kind() == ReportKind.CONSULTATION) {
      return;
    }
    boolean exists =
        ClockRecord.count(
                "caseId = ?1 and stage = ?2", r.caseId(), Stage.REGISTRATION_TO_DISPATCH.name())
            > 0;
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
    CaseClockInfo info = CaseClockInfo.of(l.caseId());
    info.zone = l.context().zone().name();
    info.updatedAt = Instant.now();
    recomputeIntake(
        info, l.resolvedAt(), "LOCATION_RESOLVED 位置确定: zone " + l.context().zone().name());
  }

  private void onFiled(CaseFiled f) {
    CaseClockInfo info = CaseClockInfo.of(f.caseId());
    if (f.zone() != null) {
      info.zone = f.zone().name();
    }
    info.emergency = info.emergency || f.emergency();
    info.categoryCode = f.categoryCode();
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
  }

  private void recomputeIntake(CaseClockInfo info, Instant at, String why) {
    for (ClockRecord c : ClockRecord.openOfCaseLocked(info.caseId)) {
      if (c.stage.equals(Stage.REGISTRATION_TO_DISPATCH.name())) {
        clocks.recompute(c, zoneOf(info), info.emergency, null, at, why);
      }
    }
  }

  private void stopIntake(String caseId, Instant at, String reason) {
    CaseClockInfo info = CaseClockInfo.of(caseId);
    boolean any = false;
    for (ClockRecord c : ClockRecord.openOfCaseLocked(caseId)) {
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
    CaseClockInfo info = CaseClockInfo.of(t.caseId());
    if (t.zone() != null) {
      info.zone = t.zone().name();
    }
    info.emergency = info.emergency || t.emergency();
    info.updatedAt = Instant.now();
    boolean emergency = info.emergency;
    Zone zone = zoneOf(info);
    String why = tr + " " + (t.reason() == null ? "" : t.reason()).trim();
    if (DISPATCHES.contains(tr)) {
      boolean hadIntakeClock =
          ClockRecord.count(
                  "caseId = ?1 and stage = ?2", t.caseId(), Stage.REGISTRATION_TO_DISPATCH.name())
              > 0;
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
        start(eventId, t, Stage.HANDLING, zone, emergency, limit);
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
        for (ClockRecord c : ClockRecord.openOfCaseLocked(t.caseId())) {
          if (c.stage.equals(Stage.HANDLING.name())) {
            clocks.extendTo(c, t.newDeadline(), at, "GRANT_EXTENSION 同意延期 " + nz(t.reason()));
          }
        }
      }
      case "SUBMIT_FEEDBACK" -> {
        stopOpen(t.caseId(), at, "SUBMIT_FEEDBACK 处理反馈", Stage.HANDLING);
        start(eventId, t, Stage.FEEDBACK_TO_CHECK, zone, emergency, null);
      }
      case "PASS_CHECK" -> stopOpen(t.caseId(), at, "PASS_CHECK 核查通过", Stage.FEEDBACK_TO_CHECK);
      case "SUSPEND" -> {
        String reason = ("SUSPEND 挂起 " + nz(t.reason())).trim();
        for (ClockRecord c : ClockRecord.openOfCaseLocked(t.caseId())) {
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
        for (ClockRecord c : ClockRecord.openOfCaseLocked(t.caseId())) {
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
    for (ClockRecord c : ClockRecord.openOfCaseLocked(caseId)) {
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
