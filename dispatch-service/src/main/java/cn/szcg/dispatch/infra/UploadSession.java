package cn.szcg.dispatch.infra;

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
 * A resumable upload session of an evidence photo (断点续传, issue 18; migration V6) — a check photo of
 * the collector or an after-photo of the unit. Its chunks (table {@code upload_chunk}) are written
 * by the shared protocol, platform {@code ResumableUploads}. Working state, not evidence: the
 * completed bytes become a case photo ({@code case_photo}).
 */
@Entity
@Table(name = "upload_session")
public class UploadSession extends PanacheEntityBase implements UploadSessionState {
  public static final String OPEN = "OPEN";
  public static final String COMPLETED = "COMPLETED";
  public static final String FAILED = "FAILED";

  @Id public UUID id;

  @Column(name = "case_id")
  public String caseId;

  public String purpose;

  @Column(name = "file_name")
  public String fileName;

  @Column(name = "content_type")
  public String contentType;

  public long length;

  public String sha256;

  public Double lon;

  public Double lat;

  @Column(name = "taken_at")
  public Instant takenAt;

  /** bytes stored so far: the offset the next chunk starts at */
  public long received;

  public String state;

  @Column(name = "photo_id")
  public String photoId;

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

  /** This uploader's open or completed session for these bytes of this case and purpose. */
  public static UploadSession reusable(
      String caseId, String purpose, String uploader, String sha256, Instant now) {
    return find(
            "caseId = ?1 and purpose = ?2 and uploadedBy = ?3 and sha256 = ?4 and state <> ?5"
                + " and expiresAt > ?6 order by createdAt desc",
            caseId,
            purpose,
            uploader,
            sha256,
            FAILED,
            now)
        .firstResult();
  }

  /** Deletes sessions idle past their expiry (with their chunks); how many. */
  public static long deleteExpired(Instant now) {
    return delete("expiresAt < ?1", now);
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
}
