package cn.szcg.intake.application;

import cn.szcg.intake.domain.AttachmentMeta;
import cn.szcg.intake.domain.AttachmentPolicy;
import cn.szcg.intake.domain.ContentHash;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.domain.IntakeRules;
import cn.szcg.intake.infra.Attachment;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.VerificationTask;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case attachments (附件, R-10), one transaction each: the bytes are hashed (SHA-256) on arrival,
 * checked against {@link AttachmentPolicy} and stored with the hash in PostgreSQL ({@code bytea}),
 * linked to the report (before-photos, video snapshots) or to a verification task (on-site photos).
 * Never altered: a database trigger refuses updates. Uploading the same bytes twice to one report
 * returns the first. Issue 19: the bytes must be the declared type (415 naming {@code
 * contentType}), each uploader has its own quota per report and purpose, and the file name is
 * stored sanitised ({@link FileNames}).
 */
@ApplicationScoped
public class AttachmentService {

  public static final List<String> PURPOSES = List.of("BEFORE", "SNAPSHOT", "VERIFICATION");

  private final AttachmentPolicy policy = IntakeRules.minqingDefaults().attachments();

  public AttachmentPolicy policy() {
    return policy;
  }

  /** The stored attachment and whether it was created now (false: same bytes already there). */
  public record Stored(Attachment attachment, boolean created) {}

  /** The attachment of this report with the same bytes, if any. */
  @Transactional
  public Attachment existing(UUID reportId, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    return Attachment.withHash(reportId, ContentHash.sha256Hex(bytes));
  }

  @Transactional
  public Stored store(
      UUID reportId,
      String purpose,
      UUID verificationTaskId,
      String fileName,
      String contentType,
      byte[] bytes,
      String actor,
      Instant now) {
    String p = purpose == null ? "BEFORE" : purpose.toUpperCase(Locale.ROOT);
    if (!PURPOSES.contains(p)) {
      throw ProblemException.invalidField(
          "purpose",
          "unknown_purpose",
          "用途须为 " + PURPOSES + " 之一 / purpose must be one of " + PURPOSES);
    }
    Report r = Report.findById(reportId);
    if (r == null) {
      throw ProblemException.notFound("report", reportId.toString());
    }
    if ("VERIFICATION".equals(p)) {
      if (verificationTaskId == null) {
        throw ProblemException.invalidField(
            "verificationTaskId",
            "required",
            "核实照片须指明核实任务 / on-site photos need the verification task");
      }
      VerificationTask t = VerificationTask.findById(verificationTaskId);
      if (t == null || !t.reportId.equals(reportId)) {
        throw ProblemException.invalidField(
            "verificationTaskId",
            "unknown_task",
            "该上报没有此核实任务 / no such verification task for this report");
      }
      if (!VerificationTask.PENDING.equals(t.status)) {
        throw ProblemException.conflict(
            "核实任务状态为 " + t.status + "，不能再上传照片 / the task is " + t.status + "; no more photos");
      }
    } else if (verificationTaskId != null) {
      throw ProblemException.invalidField(
          "verificationTaskId",
          "not_allowed",
          "只有核实照片关联核实任务 / only VERIFICATION photos link a task");
    }
    String type = AttachmentPolicy.baseType(contentType);
    String hash = ContentHash.sha256Hex(bytes == null ? new byte[0] : bytes);
    long size = bytes == null ? 0 : bytes.length;
    List<FieldViolation> v =
        policy.validate(List.of(new AttachmentMeta(fileName, type, size, hash)), "attachment");
    PhotoRefusals.refuse(v, f -> f.replace("attachment[0].", ""));
    Optional<FieldViolation> lie = policy.contentViolation(type, bytes);
    if (lie.isPresent()) {
      FieldViolation f = lie.get();
      String message = f.messageZh() + " / " + f.messageEn();
      throw new ProblemException(
          415,
          "unsupported-media-type",
          Problems.TITLE_UNSUPPORTED,
          message,
          List.of(new Problem.FieldError(f.field(), f.code(), message)));
    }
    // one uploader at a time per report: the quota below cannot be passed by concurrent uploads
    Attachment.lockUploader(reportId, actor);
    Attachment existing = Attachment.withHash(reportId, hash);
    if (existing != null) {
      return new Stored(existing, false);
    }
    long mine = Attachment.countBy(reportId, p, actor);
    Optional<FieldViolation> full = policy.quotaViolation(mine);
    if (full.isPresent()) {
      FieldViolation f = full.get();
      throw ProblemException.invalidField(
          f.field(), f.code(), f.messageZh() + " / " + f.messageEn());
    }
    Attachment a = new Attachment();
    a.id = UUID.randomUUID();
    a.reportId = reportId;
    a.verificationId = verificationTaskId;
    a.purpose = p;
    a.fileName = FileNames.sanitise(fileName);
    a.contentType = type;
    a.sizeBytes = size;
    a.sha256 = hash;
    a.content = bytes;
    a.uploadedAt = now.truncatedTo(ChronoUnit.MICROS);
    a.uploadedBy = actor;
    a.persist();
    return new Stored(a, true);
  }
}
