package cn.szcg.intake.infra;

import cn.szcg.platform.upload.ResumableUpload;
import cn.szcg.platform.upload.UploadSessionState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A resumable upload session (断点续传, issue 18; migration V11) and its chunks (table {@code
 * upload_chunk}, written by the shared protocol, platform {@code ResumableUploads}). Working state,
 * not evidence: the completed bytes become an {@link Attachment}.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession extends PanacheEntityBase implements UploadSessionState {
  public static final String OPEN = "OPEN";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  @Id public UUID id;

  @Column(name = "report_id")
  public UUID reportId;

  @Column(name = "verification_id")
  public UUID verificationId;

  public String purpose;

  @Column(name = "file_name")
  public String fileName;

  @Column(name = "content_type")
  public String contentType;

  public long length;

  public String sha256;

  /** bytes stored so far: the offset the next chunk starts at */
  public long received;

  public String state;

  @Column(name = "attachment_id")
  public UUID attachmentId;

  public String failure;

  @Column(name = "uploaded_by")
  public String uploadedBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "expires_at")
  public Instant expiresAt;

  /** The session, locked for the rest of the transaction (one chunk at a time), or null. */
  public static UploadSession locked(UUID id) {
    return findById(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /** This uploader's open or completed session for these bytes of this report, or null. */
  public static UploadSession reusable(UUID reportId, String uploader, String sha256, Instant now) {
    return find(
            "reportId = ?1 and uploadedBy = ?2 and sha256 = ?3 and state <> ?4 and expiresAt > ?5"
                + " order by createdAt desc",
            reportId,
            uploader,
            sha256,
            FAILED,
            now)
        .firstResult();
  }

  @Override
  public UUID uploadId() {
    return id;
  }

  @Override
  public long declaredLength() {
    return length;
  }

  @Override
  public String declaredSha256() {
    return sha256;
  }

  @Override
  public long storedBytes() {
    return received;
  }

  @Override
  public void storedBytes(long r) {
    received = r;
  }

  @Override
  public boolean acceptsChunks() {
    return OPEN.equals(state);
  }

  @Override
  public void touched(Instant at) {
    updatedAt = at;
    expiresAt = ResumableUpload.expiresAt(at);
  }

  /**
   * Deletes sessions idle past their expiry (with their chunks); how many. A completed one's
   * attachment stays: asked again for the same bytes, the report answers with it.
   */
  public static long deleteExpired(Instant now) {
    return delete("expiresAt < ?1", now);
  }
}
