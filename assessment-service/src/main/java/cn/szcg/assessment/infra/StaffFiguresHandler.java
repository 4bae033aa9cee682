package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorFact;
import cn.szcg.assessment.domain.CollectorRef;
import cn.szcg.assessment.domain.OperatorFact;
import cn.szcg.assessment.domain.StaffFiguresBook.StoredFact;
import cn.szcg.assessment.domain.StaffPairing;
import cn.szcg.assessment.domain.StaffTimeliness;
import cn.szcg.assessment.infra.StaffPairingStore.Note;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.platform.inbox.BatchingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The event-to-fact mapping of the staff figures: collector, collection-unit and operator figures
 * from intake, cases and clocks events; booked exactly once (inbox + unique fact
 * id) into precomputed month and year cells.
 *
 * <ul>
 *   <li>Collector report judged: CaseFiled with a collector → 有效上报 (VALID); ReportRejected with a
 *       collector → 虚报 (FALSE) when unfounded, otherwise 不予立案 (NOT_FILED); counted at the rejection
 *       / filing report's registration time.
 *   <li>Verification (核实): VerificationCompleted; on time = within {@code
 *       szcg.assessment.verification-limit} (natural minutes, default 60) of VerificationRequested
 *       — no clock of its own is published yet (approximation, see docs/assessment.md).
 *   <li>Check (核查): PASS_CHECK / FAIL_CHECK by the collector (actor) paired with the
 *       FEEDBACK_TO_CHECK ClockStopped of the same order (on time), whichever arrives second.
 *   <li>Operator: filed (CaseFiled.filedBy) paired with the REGISTRATION_TO_DISPATCH ClockStopped
 *       of the case (on time, R-12); dispatched (DISPATCH actor); returned (APPROVE_RETURN of an
 *       order, charged to its dispatcher in the dispatch's period); closed (CLOSE actor), on time =
 *       within {@code szcg.assessment.close-limit} natural minutes (default 60) of the passed
 *       check.
 * </ul>
 *
 * A collector fact is booked under the collector's collection unit at booking time ({@link
 * CollectorRegister}, from intake's collector register); under {@link
 * CollectorRegister#UNREGISTERED} while unknown. The halves of a fact that come from different
 * topics wait as a {@link StaffPairing}; on time without a clock is {@link StaffTimeliness}. Per
 * poll, a {@link StaffFiguresBatch} holds the pairings, notes and facts ({@link StaffPairingStore},
 * {@link StaffFigureStore}).
 */
@ApplicationScoped
public class StaffFiguresHandler extends BatchingEventHandler<StaffFiguresBatch> {

  @Inject StaffPairingStore pairings;
  @Inject StaffFigureStore figures;
  @Inject CollectorRegister register;

  @ConfigProperty(name = "szcg.assessment.verification-limit", defaultValue = "PT60M")
  Duration verificationLimit;

  @ConfigProperty(name = "szcg.assessment.close-limit", defaultValue = "PT60M")
  Duration closeLimit;

  @Override
  public String name() {
    return "staff-figures";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE, Topics.CASES, Topics.CLOCKS);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.CASE_FILED,
        EventType.REPORT_REJECTED,
        EventType.VERIFICATION_REQUESTED,
        EventType.VERIFICATION_COMPLETED,
        EventType.CASE_TRANSITIONED,
        EventType.CLOCK_STOPPED);
  }

  /** A batch with the pairings and notes the poll's events will touch read ahead. */
  @Override
  protected StaffFiguresBatch openBatch(List<Delivery> deliveries) {
    Set<String> pairKeys = new LinkedHashSet<>();
    Set<String> noteKeys = new LinkedHashSet<>();
    for (Delivery d : deliveries) {
      Record p = d.payload();
      if (p instanceof CaseFiled f) {
        pairKeys.add("FILE:" + f.caseId());
      } else if (p instanceof VerificationRequested v) {
        noteKeys.add("VERIFY:" + v.taskId());
      } else if (p instanceof VerificationCompleted v) {
        noteKeys.add("VERIFY:" + v.taskId());
      } else if (p instanceof CaseTransitioned t) {
        if (t.orderId() != null) {
          noteKeys.add("DISPATCHER:" + t.orderId());
          pairKeys.add("CHECK:" + t.orderId());
        }
        if (t.data() != null && t.data().get("failedOrderId") != null) {
          pairKeys.add("CHECK:" + t.data().get("failedOrderId"));
        }
        noteKeys.add("PASSED:" + t.caseId());
      } else if (p instanceof ClockStopped c) {
        if (c.orderId() != null) {
          pairKeys.add("CHECK:" + c.orderId());
        }
        pairKeys.add("FILE:" + c.caseId());
      }
    }
    StaffFiguresBatch b = new StaffFiguresBatch(pairings, figures);
    b.readAhead(pairKeys, noteKeys);
    return b;
  }

  @Override
  protected void apply(StaffFiguresBatch batch, CloudEvent event, Record payload) {
    String id = event.id();
    if (payload instanceof CaseFiled f) {
      if (f.collectorId() != null) {
        collector(
            batch,
            new CollectorFact.ReportJudged(
                f.caseId() + ":VERDICT",
                ref(f.collectorId()),
                f.registeredAt(),
                CollectorFact.Verdict.VALID));
      }
      if (f.filedBy() != null) {
        pair(batch, "FILE:" + f.caseId(), f.filedBy(), f.filedAt(), id + ":filed", null);
      }
    } else if (payload instanceof ReportRejected r) {
      if (r.collectorId() != null) {
        collector(
            batch,
            new CollectorFact.ReportJudged(
                r.caseId() + ":VERDICT",
                ref(r.collectorId()),
                r.rejectedAt(),
                r.unfounded() ? CollectorFact.Verdict.FALSE : CollectorFact.Verdict.NOT_FILED));
      }
    } else if (payload instanceof VerificationRequested v) {
      note(batch, "VERIFY:" + v.taskId(), v.collectorId(), v.requestedAt());
    } else if (payload instanceof VerificationCompleted v) {
      Instant requested = noteAt(batch, "VERIFY:" + v.taskId());
      collector(
          batch,
          new CollectorFact.TaskDone(
              v.taskId() + ":VERIFIED",
              ref(v.collectorId()),
              v.completedAt(),
              CollectorFact.Task.VERIFICATION,
              StaffTimeliness.withinLimit(requested, v.completedAt(), verificationLimit)));
    } else if (payload instanceof CaseTransitioned t) {
      transitioned(batch, id, t);
    } else if (payload instanceof ClockStopped s) {
      if ("FEEDBACK_TO_CHECK".equals(s.stage()) && s.orderId() != null) {
        pair(batch, "CHECK:" + s.orderId(), null, null, null, s.onTime());
      } else if ("REGISTRATION_TO_DISPATCH".equals(s.stage())) {
        pair(batch, "FILE:" + s.caseId(), null, null, null, s.onTime());
      }
    }
  }

  private void transitioned(StaffFiguresBatch batch, String id, CaseTransitioned t) {
    switch (t.transition()) {
      case "DISPATCH" -> {
        if (t.actorUserId() != null && t.orderId() != null) {
          note(batch, "DISPATCHER:" + t.orderId(), t.actorUserId(), t.at());
          operator(
              batch, new OperatorFact.OrderDispatched(id + ":dispatched", t.actorUserId(), t.at()));
        }
      }
      case "APPROVE_RETURN" -> {
        Note who = batch.note("DISPATCHER:" + t.orderId());
        if (who != null && who.subject() != null) {
          operator(
              batch, new OperatorFact.DispatchReturned(id + ":returned", who.subject(), who.at()));
        }
      }
      case "PASS_CHECK", "FAIL_CHECK" -> {
        String checked =
            "FAIL_CHECK".equals(t.transition())
                    && t.data() != null
                    && t.data().get("failedOrderId") != null
                ? t.data().get("failedOrderId")
                : t.orderId();
        if (checked != null && t.actorUserId() != null) {
          pair(batch, "CHECK:" + checked, t.actorUserId(), t.at(), id + ":checked", null);
        }
        if ("PASS_CHECK".equals(t.transition())) {
          note(batch, "PASSED:" + t.caseId(), t.actorUserId(), t.at());
        }
      }
      case "CLOSE" -> {
        if (t.actorUserId() != null) {
          Instant passed = noteAt(batch, "PASSED:" + t.caseId());
          boolean onTime = StaffTimeliness.withinLimit(passed, t.at(), closeLimit);
          operator(
              batch, new OperatorFact.CaseClosed(id + ":closed", t.actorUserId(), t.at(), onTime));
        }
      }
      default -> {
        // nothing for staff figures
      }
    }
  }

  /**
   * One half of a fact (who and when from one topic, on time from the clocks): filled into the
   * key's pairing; the fact is booked once both halves are known ({@link StaffPairing#due}).
   */
  private void pair(
      StaffFiguresBatch batch,
      String key,
      String subject,
      Instant at,
      String factId,
      Boolean onTime) {
    StaffPairing old = batch.pair(key);
    // as the upsert with COALESCE did: what is stored stays, what is missing is filled in
    StaffPairing r =
        old == null
            ? StaffPairing.of(subject, at, factId, onTime)
            : old.fill(subject, at, factId, onTime);
    batch.setPair(key, r);
    if (!r.due()) {
      return;
    }
    batch.setPair(key, r.markBooked());
    if (key.startsWith("CHECK:")) {
      collector(
          batch,
          new CollectorFact.TaskDone(
              r.factId(), ref(r.subject()), r.at(), CollectorFact.Task.CHECK, r.onTime()));
    } else {
      operator(batch, new OperatorFact.CaseFiled(r.factId(), r.subject(), r.at(), r.onTime()));
    }
  }

  /** Notes who did what when, once (the first note of a key stays). */
  private static void note(StaffFiguresBatch batch, String key, String subject, Instant at) {
    if (batch.note(key) == null) {
      batch.addNote(key, new Note(subject, at));
    }
  }

  private static Instant noteAt(StaffFiguresBatch batch, String key) {
    Note n = batch.note(key);
    return n == null ? null : n.at();
  }

  /** The collector with their collection unit at booking time (UNREGISTERED while unknown). */
  private CollectorRef ref(String collectorId) {
    return register.ref(collectorId);
  }

  private static void collector(StaffFiguresBatch batch, CollectorFact f) {
    batch.fact(
        new StaffFiguresBatch.StaffFact(StoredFact.of(f), StaffFigureStore.counters(f.delta())));
  }

  private static void operator(StaffFiguresBatch batch, OperatorFact f) {
    batch.fact(
        new StaffFiguresBatch.StaffFact(StoredFact.of(f), StaffFigureStore.counters(f.delta())));
  }
}
