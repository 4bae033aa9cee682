package cn.szcg.intake.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A resumable upload session (断点续传, issue 18; migration V11) and its chunks (table {@code
 * upload_chunk}). Working state, not evidence: the completed bytes become an {@link Attachment}.
 */
@Entity
@Table(name = "upload_session")
public class UploadSession extends PanacheEntityBase {
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

  /** Appends a chunk's bytes at {@code offset}. */
  public void appendChunk(long offset, byte[] bytes) {
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO upload_chunk (upload_id, start_offset, content) VALUES (?1, ?2, ?3)")
        .setParameter(1, id)
        .setParameter(2, offset)
        .setParameter(3, bytes)
        .executeUpdate();
  }

  /** The stored bytes, in order. */
  public byte[] content() {
    @SuppressWarnings("unchecked")
    List<byte[]> chunks =
        getEntityManager()
            .createNativeQuery(
                "SELECT content FROM upload_chunk WHERE upload_id = ?1 ORDER BY start_offset")
            .setParameter(1, id)
            .getResultList();
    ByteArrayOutputStream out =
        new ByteArrayOutputStream((int) Math.min(length, Integer.MAX_VALUE));
    for (byte[] c : chunks) {
      out.writeBytes(c);
    }
    return out.toByteArray();
  }

  /** Drops the stored chunks (after completion, or bytes that did not hash right). */
  public void dropChunks() {
    getEntityManager()
        .createNativeQuery("DELETE FROM upload_chunk WHERE upload_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /**
   * Deletes sessions idle past their expiry (with their chunks); how many. A completed one's
   * attachment stays: asked again for the same bytes, the report answers with it.
   */
  public static long deleteExpired(Instant now) {
    return delete("expiresAt < ?1", now);
  }
}
