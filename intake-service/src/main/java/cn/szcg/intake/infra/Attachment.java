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
}
