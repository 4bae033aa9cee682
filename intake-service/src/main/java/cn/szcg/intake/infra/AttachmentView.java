package cn.szcg.intake.infra;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Metadata of an attachment (附件) with its SHA-256; the bytes are fetched separately. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttachmentView(
    UUID id,
    UUID reportId,
    UUID verificationTaskId,
    String purpose,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    Instant uploadedAt,
    String uploadedBy) {

  public static AttachmentView of(Attachment a) {
    return new AttachmentView(
        a.id,
        a.reportId,
        a.verificationId,
        a.purpose,
        a.fileName,
        a.contentType,
        a.sizeBytes,
        a.sha256,
        a.uploadedAt,
        a.uploadedBy);
  }

  /** Metadata only (the bytes are not loaded). */
  public static List<AttachmentView> listFor(UUID reportId) {
    return Attachment.getEntityManager()
        .createQuery(
            "select new cn.szcg.intake.infra.AttachmentView(a.id, a.reportId, a.verificationId,"
                + " a.purpose, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedAt,"
                + " a.uploadedBy) from Attachment a where a.reportId = :r order by a.uploadedAt",
            AttachmentView.class)
        .setParameter("r", reportId)
        .getResultList();
  }

  public static AttachmentView meta(UUID id) {
    return Attachment.getEntityManager()
        .createQuery(
            "select new cn.szcg.intake.infra.AttachmentView(a.id, a.reportId, a.verificationId,"
                + " a.purpose, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedAt,"
                + " a.uploadedBy) from Attachment a where a.id = :id",
            AttachmentView.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
