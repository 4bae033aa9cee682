package cn.szcg.intake.application;

import cn.szcg.intake.domain.AttachmentMeta;
import cn.szcg.intake.domain.AttachmentPolicy;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.infra.Attachment;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.UploadSession;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.upload.ResumableUpload;
import cn.szcg.platform.upload.ResumableUploads;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Use case resumable upload (断点续传, issue 18; rules in {@link ResumableUpload}, the chunk protocol
 * shared with dispatch in {@link ResumableUploads}): a session for one photo of a registered report
 * (declared length and SHA-256), chunks appended at offsets, and on the last chunk the bytes
 * verified and stored through {@link AttachmentService} exactly as a one-request upload (same
 * policy, quota, hash deduplication: never stored twice).
 */
@ApplicationScoped
public class ResumableUploadService {

  @Inject AttachmentService attachments;
  @Inject ResumableUploads protocol;

  /** What a session request gave: the session, and whether it was created now. */
  public record Opened(UploadSession session, boolean created) {}

  /**
   * The result of a chunk: the session as it is now, and a refusal to answer with (after the
   * transaction committed what the refusal changed: discarded bytes, a failed session), or null.
   */
  public record Appended(UploadSession session, ProblemException refusal) {}

  @Transactional
  public Opened open(
      UUID reportId,
      String purpose,
      UUID verificationTaskId,
      String fileName,
      String contentType,
      long length,
      String sha256,
      String actor,
      Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    UploadSession.deleteExpired(at);
    String p = purpose == null ? "BEFORE" : purpose.toUpperCase(Locale.ROOT);
    if (!AttachmentService.PURPOSES.contains(p)) {
      throw ProblemException.invalidField(
          "purpose",
          "unknown_purpose",
          "用途须为 "
              + AttachmentService.PURPOSES
              + " 之一 / purpose must be one of "
              + AttachmentService.PURPOSES);
    }
    if (Report.findById(reportId) == null) {
      throw ProblemException.notFound("report", reportId.toString());
    }
    String type = AttachmentPolicy.baseType(contentType);
    String hash = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
    refuseDeclared(
        attachments
            .policy()
            .validate(List.of(new AttachmentMeta(fileName, type, length, hash)), "x"));
    // the same bytes are already an attachment of the report: done, nothing to send
    Attachment done = Attachment.withHash(reportId, hash);
    UploadSession reuse = UploadSession.reusable(reportId, actor, hash, at);
    if (reuse != null) {
      return new Opened(reuse, false);
    }
    UploadSession s = new UploadSession();
    s.id = UUID.randomUUID();
    s.reportId = reportId;
    s.verificationId = verificationTaskId;
    s.purpose = p;
    s.fileName = FileNames.sanitise(fileName);
    s.contentType = type;
    s.length = length;
    s.sha256 = hash;
    s.uploadedBy = actor;
    s.createdAt = at;
    s.updatedAt = at;
    s.expiresAt = ResumableUpload.expiresAt(at);
    if (done != null) {
      s.state = UploadSession.COMPLETED;
      s.received = length;
      s.attachmentId = done.id;
    } else {
      s.state = UploadSession.OPEN;
      s.received = 0;
    }
    s.persist();
    return new Opened(s, true);
  }

  /** The uploader's own session, or 404 (another's session does not exist for them). */
  @Transactional
  public UploadSession get(UUID id, String actor) {
    UploadSession s = UploadSession.findById(id);
    if (s == null || !s.uploadedBy.equals(actor)) {
      throw ProblemException.notFound("upload", id.toString());
    }
    return s;
  }

  @Transactional
  public Appended append(UUID id, long offset, byte[] chunk, String actor, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    UploadSession s = UploadSession.locked(id);
    if (s == null || !s.uploadedBy.equals(actor) || s.expiresAt.isBefore(at)) {
      throw ProblemException.notFound("upload", id.toString());
    }
    ResumableUploads.Step step = protocol.append(s, offset, chunk, at);
    if (step.complete() == null) {
      return new Appended(s, step.refusal());
    }
    return complete(s, step.complete(), now);
  }

  /** The verified bytes of a session: the attachment policy, then stored as an attachment. */
  private Appended complete(UploadSession s, byte[] all, Instant now) {
    String hash = s.sha256;
    // the policy's checks on the bytes first (not the declared type, the uploader's quota): a
    // refusal ends the session and is committed with it (a throw inside store would roll back)
    java.util.Optional<FieldViolation> refused =
        attachments.policy().contentViolation(s.contentType, all);
    if (refused.isEmpty() && Attachment.withHash(s.reportId, hash) == null) {
      refused =
          attachments
              .policy()
              .quotaViolation(Attachment.countBy(s.reportId, s.purpose, s.uploadedBy));
    }
    if (refused.isPresent()) {
      FieldViolation f = refused.get();
      String m = f.messageZh() + " / " + f.messageEn();
      s.state = UploadSession.FAILED;
      s.failure = m;
      protocol.dropChunks(s.id);
      boolean type = "contentType".equals(f.field());
      return new Appended(
          s,
          new ProblemException(
              type ? 415 : 400,
              type ? "unsupported-media-type" : "invalid-request",
              type ? Problems.TITLE_UNSUPPORTED : Problems.TITLE_INVALID,
              m,
              List.of(new Problem.FieldError(f.field(), f.code(), m))));
    }
    AttachmentService.Stored stored =
        attachments.store(
            s.reportId,
            s.purpose,
            s.verificationId,
            s.fileName,
            s.contentType,
            all,
            s.uploadedBy,
            now);
    s.attachmentId = stored.attachment().id;
    s.state = UploadSession.COMPLETED;
    protocol.dropChunks(s.id);
    return new Appended(s, null);
  }

  private static void refuseDeclared(List<FieldViolation> v) {
    PhotoRefusals.refuse(v, f -> f.replace("x[0].", "").replace("sizeBytes", "length"));
  }
}
