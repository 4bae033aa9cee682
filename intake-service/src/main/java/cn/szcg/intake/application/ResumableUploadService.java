package cn.szcg.intake.application;

import cn.szcg.intake.domain.AttachmentMeta;
import cn.szcg.intake.domain.AttachmentPolicy;
import cn.szcg.intake.domain.ContentHash;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.domain.ResumableUpload;
import cn.szcg.intake.infra.Attachment;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.UploadSession;
import cn.szcg.platform.files.FileNames;
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
 * Use case resumable upload (断点续传, issue 18; rules in {@link ResumableUpload}): a session for one
 * photo of a registered report (declared length and SHA-256), chunks appended at offsets, and on
 * the last chunk the bytes verified and stored through {@link AttachmentService} exactly as a
 * one-request upload (same policy, quota, hash deduplication: never stored twice).
 */
@ApplicationScoped
public class ResumableUploadService {

  @Inject AttachmentService attachments;

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
    byte[] bytes = chunk == null ? new byte[0] : chunk;
    if (bytes.length > ResumableUpload.MAX_CHUNK_BYTES) {
      throw new ProblemException(
          413,
          "payload-too-large",
          Problems.TITLE_TOO_LARGE,
          "每块最多 4 MiB / a chunk is at most 4 MiB",
          List.of(new Problem.FieldError("body", "too_large", "每块最多 4 MiB / at most 4 MiB")));
    }
    if (!UploadSession.OPEN.equals(s.state)) {
      // completed (a lost answer to the last chunk) or failed: the session says which
      return new Appended(s, null);
    }
    ResumableUpload.Decision d = ResumableUpload.decide(offset, bytes.length, s.received, s.length);
    switch (d.kind()) {
      case GAP -> {
        return new Appended(s, gap(s));
      }
      case TOO_LONG ->
          throw ProblemException.invalidField(
              "Upload-Offset",
              "past_length",
              "该块超出声明的长度 "
                  + s.length
                  + " 字节 / the chunk ends past the declared length of "
                  + s.length
                  + " bytes");
      case ALREADY_STORED -> {
        return new Appended(s, null);
      }
      case APPEND -> {
        byte[] tail =
            d.skip() == 0 ? bytes : java.util.Arrays.copyOfRange(bytes, d.skip(), bytes.length);
        if (tail.length > 0) {
          s.appendChunk(s.received, tail);
          s.received += tail.length;
        }
      }
    }
    s.updatedAt = at;
    s.expiresAt = ResumableUpload.expiresAt(at);
    if (!ResumableUpload.complete(s.received, s.length)) {
      return new Appended(s, null);
    }
    return complete(s, now);
  }

  private Appended complete(UploadSession s, Instant now) {
    byte[] all = s.content();
    String hash = ContentHash.sha256Hex(all);
    if (all.length != s.length || !hash.equals(s.sha256)) {
      // altered on the way: nothing of it is kept, the client sends it again from 0
      s.dropChunks();
      s.received = 0;
      String m =
          "收到的字节摘要为 "
              + hash
              + "，与声明的不符，已丢弃，请从 0 重新上传 / the bytes received hash to "
              + hash
              + ", not the declared SHA-256; discarded, upload again from offset 0";
      return new Appended(
          s,
          new ProblemException(
              422,
              "hash-mismatch",
              Problems.TITLE_INVALID,
              m,
              List.of(new Problem.FieldError("sha256", "hash_mismatch", m))));
    }
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
      s.dropChunks();
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
    s.dropChunks();
    return new Appended(s, null);
  }

  /** 409: the chunk starts after the stored offset; the client goes on from {@code received}. */
  public static ProblemException gap(UploadSession s) {
    String m =
        "已存储 "
            + s.received
            + " 字节，请从该偏移继续 / "
            + s.received
            + " bytes are stored; continue from that offset";
    return new ProblemException(
        409,
        "offset-mismatch",
        Problems.TITLE_CONFLICT,
        m,
        List.of(new Problem.FieldError("Upload-Offset", "offset_mismatch", m)));
  }

  private static void refuseDeclared(List<FieldViolation> v) {
    PhotoRefusals.refuse(v, f -> f.replace("x[0].", "").replace("sizeBytes", "length"));
  }
}
