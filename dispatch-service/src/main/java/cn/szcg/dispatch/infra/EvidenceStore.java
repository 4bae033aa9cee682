package cn.szcg.dispatch.infra;

import static cn.szcg.platform.sql.SqlValues.instant;

import cn.szcg.dispatch.domain.PhotoPurpose;
import cn.szcg.platform.files.FileNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * dispatch-service's evidence store (证据照片, R-10, R-14, R-15; docs/evidence.md): the append-only
 * table {@code case_photo} — bytes, SHA-256, size, the type the bytes really are, uploader (user,
 * and unit or collector), time, order, and the device's position and time taken where given.
 * Persistence only: who may upload what and the checks of an upload are in {@code
 * application.CasePhotos}.
 */
@ApplicationScoped
public class EvidenceStore {

  private static final String COLUMNS =
      "CAST(photo_id AS text), case_id, order_id, purpose, file_name, content_type, size_bytes,"
          + " sha256, uploaded_by, uploader_unit_id, uploader_collector_id, uploaded_at, lon, lat,"
          + " taken_at";

  @Inject EntityManager em;

  /** A stored photo's metadata. */
  public record Photo(
      String photoId,
      String caseId,
      String orderId,
      PhotoPurpose purpose,
      String fileName,
      String contentType,
      long sizeBytes,
      String sha256,
      String uploadedBy,
      String uploaderUnitId,
      String uploaderCollectorId,
      Instant uploadedAt,
      Double lon,
      Double lat,
      Instant takenAt) {}

  /** What one upload stores (the bytes' type and hash already checked). */
  public record NewPhoto(
      String caseId,
      String orderId,
      PhotoPurpose purpose,
      String fileName,
      String mediaType,
      byte[] bytes,
      String sha256,
      String uploadedBy,
      String uploaderUnitId,
      String uploaderCollectorId,
      Instant uploadedAt,
      Double lon,
      Double lat,
      Instant takenAt) {}

  /**
   * Serialises uploads per case and uploader (the caller's transaction), so that concurrent uploads
   * cannot pass a quota together. {@code uploaderKey}: "U:" + unit id or "C:" + collector id.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lockUploader(String caseId, String uploaderKey) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "case_photo:" + caseId + ":" + uploaderKey)
        .getSingleResult();
  }

  /** How many other photos (other bytes) the uploader has for this order and purpose. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long countOthers(
      String caseId, String orderId, PhotoPurpose purpose, String uploaderKey, String sha256) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM case_photo WHERE case_id = ?1 AND"
                        + " COALESCE(order_id, '') = COALESCE(CAST(?2 AS text), '') AND purpose = ?3 AND"
                        + " COALESCE('U:' || uploader_unit_id, 'C:' || uploader_collector_id)"
                        + " = ?4 AND sha256 <> ?5")
                .setParameter(1, caseId)
                .setParameter(2, orderId)
                .setParameter(3, purpose.name())
                .setParameter(4, uploaderKey)
                .setParameter(5, sha256)
                .getSingleResult())
        .longValue();
  }

  /** The uploader's photos of the case with these bytes (the first one first, if any). */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Photo> sameBytes(String caseId, String uploaderKey, String sha256) {
    return select(
        "case_id = ?1 AND COALESCE('U:' || uploader_unit_id, 'C:' || uploader_collector_id) ="
            + " ?2 AND sha256 = ?3",
        caseId,
        uploaderKey,
        sha256);
  }

  /**
   * Inserts a photo (file name sanitised, platform {@link FileNames}); false when a concurrent
   * insert won.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean insert(NewPhoto p) {
    String id = UUID.randomUUID().toString();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO case_photo (photo_id, case_id, order_id, purpose, file_name,"
                    + " content_type, size_bytes, sha256, content, uploaded_by, uploader_unit_id,"
                    + " uploader_collector_id, uploaded_at, lon, lat, taken_at) VALUES (CAST(?1 AS"
                    + " uuid), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, p.caseId())
            .setParameter(3, p.orderId())
            .setParameter(4, p.purpose().name())
            .setParameter(5, FileNames.sanitise(p.fileName()))
            .setParameter(6, p.mediaType())
            .setParameter(7, (long) p.bytes().length)
            .setParameter(8, p.sha256())
            .setParameter(9, p.bytes())
            .setParameter(10, p.uploadedBy())
            .setParameter(11, p.uploaderUnitId())
            .setParameter(12, p.uploaderCollectorId())
            .setParameter(13, Timestamp.from(p.uploadedAt()))
            .setParameter(14, p.lon())
            .setParameter(15, p.lat())
            .setParameter(16, p.takenAt() == null ? null : Timestamp.from(p.takenAt()))
            .executeUpdate();
    return inserted == 1;
  }

  /** The photos of a case, oldest first (no visibility check: the caller has made it). */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Photo> photosOf(String caseId) {
    return select("case_id = ?1 ORDER BY uploaded_at, photo_id", caseId);
  }

  /** One photo of a case, if there is one. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Optional<Photo> photo(String caseId, String photoId) {
    return select("case_id = ?1 AND CAST(photo_id AS text) = ?2", caseId, photoId).stream()
        .findFirst();
  }

  /** The bytes of a photo of a case (it exists: {@link #photo}). */
  @Transactional(Transactional.TxType.MANDATORY)
  public byte[] content(String caseId, String photoId) {
    return (byte[])
        em.createNativeQuery(
                "SELECT content FROM case_photo WHERE case_id = ?1 AND CAST(photo_id AS text) = ?2")
            .setParameter(1, caseId)
            .setParameter(2, photoId)
            .getSingleResult();
  }

  /** The photos of the case among {@code ids}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Photo> photosAmong(String caseId, List<String> ids) {
    return select("case_id = ?1 AND CAST(photo_id AS text) IN (?2)", caseId, ids);
  }

  private List<Photo> select(String where, Object... params) {
    var q = em.createNativeQuery("SELECT " + COLUMNS + " FROM case_photo WHERE " + where);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    List<Photo> out = new ArrayList<>();
    for (Object o : q.getResultList()) {
      Object[] r = (Object[]) o;
      out.add(
          new Photo(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              PhotoPurpose.valueOf((String) r[3]),
              (String) r[4],
              (String) r[5],
              ((Number) r[6]).longValue(),
              (String) r[7],
              (String) r[8],
              (String) r[9],
              (String) r[10],
              instant(r[11]),
              r[12] == null ? null : ((Number) r[12]).doubleValue(),
              r[13] == null ? null : ((Number) r[13]).doubleValue(),
              instant(r[14])));
    }
    return out;
  }
}
