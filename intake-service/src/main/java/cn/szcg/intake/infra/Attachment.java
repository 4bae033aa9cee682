package cn.szcg.intake.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An attachment (附件, R-10): bytes with their SHA-256. Append-only evidence (migration V7, platform
 * afterMigrate.sql): the application role may not UPDATE, DELETE or TRUNCATE the table, and
 * triggers refuse them even to the owner.
 */
@Entity
@Table(name = "attachment")
public class Attachment extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "report_id")
  public UUID reportId;

  @Column(name = "verification_id")
  public UUID verificationId;

  /** BEFORE (before-photo of a report), SNAPSHOT (video alarm), VERIFICATION (on-site check). */
  public String purpose;

  @Column(name = "file_name")
  public String fileName;

  @Column(name = "content_type")
  public String contentType;

  @Column(name = "size_bytes")
  public long sizeBytes;

  public String sha256;

  @Basic(fetch = FetchType.LAZY)
  @Column(name = "content", columnDefinition = "bytea")
  public byte[] content;

  @Column(name = "uploaded_at")
  public Instant uploadedAt;

  @Column(name = "uploaded_by")
  public String uploadedBy;

  /** The attachment of this report with these bytes (by SHA-256 hex), or null. */
  public static Attachment withHash(java.util.UUID reportId, String sha256) {
    return find("reportId = ?1 and sha256 = ?2", reportId, sha256).firstResult();
  }

  /** How many attachments of this purpose {@code uploader} gave this report. */
  public static long countBy(java.util.UUID reportId, String purpose, String uploader) {
    return count("reportId = ?1 and purpose = ?2 and uploadedBy = ?3", reportId, purpose, uploader);
  }

  /**
   * One uploader at a time per report, until the transaction ends (an advisory lock): a quota
   * cannot be passed by concurrent uploads.
   */
  public static void lockUploader(java.util.UUID reportId, String uploader) {
    getEntityManager()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "attachment:" + reportId + ":" + uploader)
        .getSingleResult();
  }

  /** How many photos (image/*) a verification task has. */
  public static long photosOf(java.util.UUID verificationTaskId) {
    return count("verificationId = ?1 and contentType like 'image/%'", verificationTaskId);
  }
}
