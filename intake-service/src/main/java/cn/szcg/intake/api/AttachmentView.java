package cn.szcg.intake.api;

import cn.szcg.intake.infra.Attachment;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.persistence.EntityManager;
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
  static List<AttachmentView> listFor(EntityManager em, UUID reportId) {
    return em.createQuery(
            "select new cn.szcg.intake.api.AttachmentView(a.id, a.reportId, a.verificationId,"
                + " a.purpose, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedAt,"
                + " a.uploadedBy) from Attachment a where a.reportId = :r order by a.uploadedAt",
            AttachmentView.class)
        .setParameter("r", reportId)
        .getResultList();
  }

  static AttachmentView meta(EntityManager em, UUID id) {
    return em.createQuery(
            "select new cn.szcg.intake.api.AttachmentView(a.id, a.reportId, a.verificationId,"
                + " a.purpose, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedAt,"
                + " a.uploadedBy) from Attachment a where a.id = :id",
            AttachmentView.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }
}
