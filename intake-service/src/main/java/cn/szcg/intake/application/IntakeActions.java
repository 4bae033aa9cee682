package cn.szcg.intake.application;

import cn.szcg.contracts.events.ConsultationAnswered;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.ReportMerged;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.intake.domain.Actor;
import cn.szcg.intake.domain.CollectorEligibility;
import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.Eligibility;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.domain.Geo;
import cn.szcg.intake.domain.IntakeReport;
import cn.szcg.intake.domain.IntakeState;
import cn.szcg.intake.infra.Attachment;
import cn.szcg.intake.infra.CollectionUnitEntity;
import cn.szcg.intake.infra.CollectorEntity;
import cn.szcg.intake.infra.IntakeLedger;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.ReportRows;
import cn.szcg.intake.infra.VerificationTask;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's and the collector's decisions on an arrival other than filing: rejection,
 * merging a duplicate, keeping it separate, answering a consultation, and on-site verification
 * . The rules are {@link IntakeReport}'s; each call is one transaction writing the row, the
 * audit trail and the event.
 */
@ApplicationScoped
public class IntakeActions {

  @Inject Outbox outbox;
  @Inject IntakeLedger ledger;
  @Inject RegistrationService registration;

  @ConfigProperty(name = "szcg.intake.verification-photo-required", defaultValue = "true")
  boolean verificationPhotoRequired;

  static Report lock(UUID id) {
    Report r = Report.findById(id, LockModeType.PESSIMISTIC_WRITE);
    if (r == null) {
      throw ProblemException.notFound("report", id.toString());
    }
    return r;
  }

  private static Instant micros(Instant now) {
    return now.truncatedTo(ChronoUnit.MICROS);
  }

  /** 不予立案 with a reason; {@code unfounded} marks a false collector report. */
  @Transactional
  public Report reject(UUID id, String reason, boolean unfounded, Actor actor, Instant now) {
    Instant at = micros(now);
    Report r = lock(id);
    IntakeReport next = ReportRows.toDomain(r).reject(reason, unfounded, actor, at);
    r.status = next.state().name();
    r.rejectionReason = next.rejectionReason();
    r.unfounded = next.unfounded();
    r.decidedAt = at;
    r.decidedBy = actor.id();
    r.decisionReason = reason;
    cancelOpenTasks(r.id, "不予立案 rejected", at);
    ledger.recorded(r, next, actor, at);
    outbox.publish(
        r.id.toString(),
        new ReportRejected(
            r.id.toString(), reason, next.unfounded(), r.collectorId, at, actor.id()),
        at);
    return r;
  }

  /** 合并: a duplicate merged into an open case; the merged reporter gets the primary's outcome. */
  @Transactional
  public Report merge(UUID id, UUID intoId, Actor actor, Instant now) {
    Instant at = micros(now);
    if (id.equals(intoId)) {
      throw new DomainValidationException(
          "无法合并",
          "cannot merge",
          List.of(
              FieldViolation.of(
                  "intoCaseId", "self", "不能合并到自身", "a report cannot be merged into itself")));
    }
    // lock both rows in a fixed order to avoid deadlocks between opposite merges
    Report r;
    Report into;
    if (id.compareTo(intoId) < 0) {
      r = lock(id);
      into = Report.findById(intoId, LockModeType.PESSIMISTIC_WRITE);
    } else {
      into = Report.findById(intoId, LockModeType.PESSIMISTIC_WRITE);
      r = lock(id);
    }
    if (into == null) {
      throw new DomainValidationException(
          "无法合并",
          "cannot merge",
          List.of(
              FieldViolation.of(
                  "intoCaseId", "not_found", "合并目标不存在", "the merge target does not exist")));
    }
    if (!IntakeState.valueOf(into.status).acceptsDuplicates()) {
      throw ProblemException.conflict(
          "合并目标 "
              + into.reportNo
              + " 的状态为 "
              + into.status
              + "，不能再并入重复件；可合并到的状态：REGISTERED, VERIFICATION_PENDING, VERIFIED, FILED / the"
              + " merge target is "
              + into.status
              + " and accepts no duplicates");
    }
    IntakeReport next = ReportRows.toDomain(r).merge(intoId.toString(), actor, at);
    r.status = next.state().name();
    r.mergedInto = intoId;
    r.decidedAt = at;
    r.decidedBy = actor.id();
    cancelOpenTasks(r.id, "合并 merged", at);
    ledger.recorded(r, next, actor, at, into.status);
    outbox.publish(
        r.id.toString(), new ReportMerged(r.id.toString(), intoId.toString(), at, actor.id()), at);
    return r;
  }

  /** 保持独立: the operator decided the proposed duplicates are different problems. */
  @Transactional
  public Report keepSeparate(UUID id, Actor actor, Instant now) {
    Report r = lock(id);
    if (IntakeState.valueOf(r.status).isTerminal()) {
      throw ProblemException.conflict(
          "当前状态 " + r.status + " 已办结，无需判断重复 / the report is " + r.status + " and closed in intake");
    }
    r.keptSeparate = true;
    r.updatedAt = micros(now);
    r.updatedBy = actor.id();
    return r;
  }

  /** 答复: a consultation answered and closed (never filed). */
  @Transactional
  public Report answer(UUID id, String answer, Actor actor, Instant now) {
    Instant at = micros(now);
    Report r = lock(id);
    IntakeReport next = ReportRows.toDomain(r).answer(answer, actor, at);
    r.status = next.state().name();
    r.answer = next.answer();
    r.decidedAt = at;
    r.decidedBy = actor.id();
    ledger.recorded(r, next, actor, at);
    outbox.publish(r.id.toString(), new ConsultationAnswered(r.id.toString(), at, actor.id()), at);
    return r;
  }

  /**
   * 派发核实: a verification task to the given collector, or else to the nearest eligible collector
   * with a known position, or else unassigned (any eligible collector may take it).
   */
  @Transactional
  public VerificationTask requestVerification(
      UUID id, String collectorId, Actor actor, Instant now) {
    Instant at = micros(now);
    Report r = lock(id);
    IntakeReport next = ReportRows.toDomain(r).requestVerification(actor, at);
    String chosen;
    if (collectorId != null) {
      if (CollectorEntity.findById(collectorId) == null) {
        throw ProblemException.invalidField(
            "collectorId", "unknown_collector", "未登记的信息采集员 / unknown collector " + collectorId);
      }
      requireEligible(collectorId, at, 422);
      chosen = collectorId;
    } else {
      chosen = nearestEligible(r, at);
    }
    VerificationTask t = new VerificationTask();
    t.id = UUID.randomUUID();
    t.reportId = r.id;
    t.collectorId = chosen;
    t.status = VerificationTask.PENDING;
    t.requestedAt = at;
    t.requestedBy = actor.id();
    t.persist();
    r.status = next.state().name();
    ledger.recorded(r, next, actor, at);
    outbox.publish(
        r.id.toString(),
        new VerificationRequested(r.id.toString(), t.id.toString(), chosen, at),
        at);
    return t;
  }

  /** 核实反馈: the collector confirms or refutes on site, with photos. */
  @Transactional
  public VerificationTask completeVerification(
      UUID taskId, String collectorId, boolean confirmed, String note, Instant now) {
    Instant at = micros(now);
    VerificationTask t = VerificationTask.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
    // Another collector's task does not exist for this one: 404 as reading it answers, without
    // naming the assignee and before its state is told (issue 19, docs/security.md).
    if (t == null || (t.collectorId != null && !t.collectorId.equals(collectorId))) {
      throw ProblemException.notFound("verification task", taskId.toString());
    }
    if (!VerificationTask.PENDING.equals(t.status)) {
      throw ProblemException.conflict(
          "核实任务状态为 "
              + t.status
              + "，不能再反馈；允许的操作：无 / the task is "
              + t.status
              + " and takes no result");
    }
    requireEligible(collectorId, at, 403);
    if (verificationPhotoRequired && Attachment.photosOf(t.id) == 0) {
      throw ProblemException.invalidField(
          "attachments",
          "photo_required",
          "核实反馈须先上传至少一张现场照片 / upload at least one on-site photo to the task first");
    }
    Report r = lock(t.reportId);
    Actor collector = Actor.collector(collectorId);
    IntakeReport next = ReportRows.toDomain(r).completeVerification(confirmed, collector, at);
    t.collectorId = collectorId;
    t.status = confirmed ? VerificationTask.CONFIRMED : VerificationTask.REFUTED;
    t.completedAt = at;
    t.note = note;
    r.status = next.state().name();
    ledger.recorded(r, next, collector, at);
    outbox.publish(
        r.id.toString(),
        new VerificationCompleted(r.id.toString(), t.id.toString(), collectorId, confirmed, at),
        at);
    return t;
  }

  private void requireEligible(String collectorId, Instant at, int status) {
    try {
      registration.requireEligibleCollector(collectorId, at);
    } catch (ProblemException e) {
      if (status == e.status()) {
        throw e;
      }
      throw new ProblemException(
          status,
          e.typeSlug(),
          status == 422 ? "无法处理 / Unprocessable" : Problems.titleFor(status),
          e.getMessage(),
          e.errors());
    }
  }

  private static String nearestEligible(Report r, Instant at) {
    if (r.lon == null) {
      return null;
    }
    GeoPoint p = new GeoPoint(r.lon, r.lat);
    List<CollectorEntity> positioned = CollectorEntity.activeWithPosition();
    return positioned.stream()
        .filter(c -> eligible(c, at))
        .min(Comparator.comparingDouble(c -> Geo.haversineMetres(p, new GeoPoint(c.lon, c.lat))))
        .map(c -> c.id)
        .orElse(null);
  }

  private static boolean eligible(CollectorEntity c, Instant at) {
    CollectionUnitEntity u = CollectionUnitEntity.findById(c.unitId);
    Eligibility e =
        CollectorEligibility.eligibility(c.toDomain(), u == null ? null : u.toDomain(), at);
    return e.allowed();
  }

  /** Open tasks of a report closed otherwise (override filing, rejection, merge) are cancelled. */
  static void cancelOpenTasks(UUID reportId, String why, Instant at) {
    VerificationTask.cancelOpen(reportId, why, at);
  }
}
