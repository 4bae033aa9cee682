package cn.szcg.dispatch.infra;

import static cn.szcg.platform.sql.SqlValues.instant;

import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.CaseCommand;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.EvidenceRefusedException;
import cn.szcg.dispatch.domain.EvidenceRules;
import cn.szcg.dispatch.domain.PhotoPolicy;
import cn.szcg.dispatch.domain.PhotoPurpose;
import cn.szcg.dispatch.domain.Role;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.files.ImageType;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * dispatch-service's evidence store (证据照片, R-10, R-14, R-15; docs/evidence.md): photos of the
 * unit's feedback (AFTER), a department's sub-order feedback (SUB_AFTER) and the collector's check
 * (CHECK), in the append-only table {@code case_photo} — bytes, SHA-256, size, the type the bytes
 * really are, uploader (user, and unit or collector), time, order, and the device's position and
 * time taken where given. Who may upload what is {@link EvidenceRules}; what a photo must be is
 * {@link PhotoPolicy}. A feedback or check step is let through to the domain only with photo ids
 * this store holds for the case, of the step's purpose, uploaded by the acting party ({@link
 * #requireStepPhotos}).
 */
@ApplicationScoped
public class EvidenceStore {

  static final PhotoPolicy POLICY = PhotoPolicy.MINQING;

  private static final String COLUMNS =
      "CAST(photo_id AS text), case_id, order_id, purpose, file_name, content_type, size_bytes,"
          + " sha256, uploaded_by, uploader_unit_id, uploader_collector_id, uploaded_at, lon, lat,"
          + " taken_at";

  @Inject EntityManager em;
  @Inject CaseStore cases;
  @Inject CurrentActor currentActor;
  @Inject ServiceClock clock;

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

  /** The photo and whether this upload created it (false: the same bytes were there already). */
  public record Stored(Photo photo, boolean created) {}

  /** A photo with its bytes. */
  public record Content(Photo photo, byte[] bytes) {}

  /**
   * Stores a photo for case {@code caseId}: 404 when the caller may not see the case, 400 for an
   * unknown purpose or a bad position, 403/409 when the caller may not add photos of this purpose
   * now, 415 when the bytes are not the image type declared (magic number and decode), 413 over the
   * size limit, 409 when this uploader's quota for the order and purpose is used up. The file name
   * is stored sanitised (platform {@link FileNames}). The same bytes again from the same unit or
   * collector answer the first photo.
   */
  @Transactional
  public Stored upload(
      String caseId,
      String purposeName,
      String fileName,
      String contentType,
      byte[] bytes,
      Double lon,
      Double lat,
      Instant takenAt) {
    PhotoPurpose purpose =
        PhotoPurpose.parse(purposeName)
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "purpose",
                        purposeName == null ? "required" : "unknown_purpose",
                        "用途须为 AFTER、SUB_AFTER 或 CHECK / purpose must be AFTER, SUB_AFTER or CHECK"));
    CaseEntity e = cases.findVisible(caseId);
    DispatchCase c = cases.domain(e);
    Actor actor = uploader(purpose);
    EvidenceRules.UploadDecision d = EvidenceRules.upload(c, purpose, actor);
    if (d instanceof EvidenceRules.Refused r) {
      throw new EvidenceRefusedException(r.refusal());
    }
    EvidenceRules.Target target = ((EvidenceRules.Allowed) d).target();
    Optional<PhotoPolicy.Refusal> bad = POLICY.refusal(contentType, bytes);
    if (bad.isEmpty()) {
      bad = POLICY.positionRefusal(lon, lat);
    }
    if (bad.isPresent()) {
      throw problem(bad.get());
    }
    ImageType type = ImageType.ofMediaType(contentType).orElseThrow();
    String hash = sha256Hex(bytes);
    String uploaderKey =
        target.uploaderUnitId() != null
            ? "U:" + target.uploaderUnitId()
            : "C:" + target.uploaderCollectorId();
    // each uploader's own quota per order and purpose (issue 19): serialised per case and
    // uploader, so that concurrent uploads cannot pass it together; the same bytes again are
    // answered below and do not count
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "case_photo:" + caseId + ":" + uploaderKey)
        .getSingleResult();
    long mine =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM case_photo WHERE case_id = ?1 AND"
                            + " COALESCE(order_id, '') = COALESCE(CAST(?2 AS text), '') AND purpose = ?3 AND"
                            + " COALESCE('U:' || uploader_unit_id, 'C:' || uploader_collector_id)"
                            + " = ?4 AND sha256 <> ?5")
                    .setParameter(1, caseId)
                    .setParameter(2, target.orderId())
                    .setParameter(3, purpose.name())
                    .setParameter(4, uploaderKey)
                    .setParameter(5, hash)
                    .getSingleResult())
            .longValue();
    boolean known =
        !select(
                "case_id = ?1 AND COALESCE('U:' || uploader_unit_id, 'C:' ||"
                    + " uploader_collector_id) = ?2 AND sha256 = ?3",
                caseId,
                uploaderKey,
                hash)
            .isEmpty();
    if (!known) {
      Optional<PhotoPolicy.Refusal> full = POLICY.quotaRefusal(mine);
      if (full.isPresent()) {
        throw problem(full.get());
      }
    }
    String id = UUID.randomUUID().toString();
    int inserted =
        em.createNativeQuery(
                "INSERT INTO case_photo (photo_id, case_id, order_id, purpose, file_name,"
                    + " content_type, size_bytes, sha256, content, uploaded_by, uploader_unit_id,"
                    + " uploader_collector_id, uploaded_at, lon, lat, taken_at) VALUES (CAST(?1 AS"
                    + " uuid), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, id)
            .setParameter(2, caseId)
            .setParameter(3, target.orderId())
            .setParameter(4, purpose.name())
            .setParameter(5, FileNames.sanitise(fileName))
            .setParameter(6, type.mediaType())
            .setParameter(7, (long) bytes.length)
            .setParameter(8, hash)
            .setParameter(9, bytes)
            .setParameter(10, currentActor.userId())
            .setParameter(11, target.uploaderUnitId())
            .setParameter(12, target.uploaderCollectorId())
            .setParameter(13, Timestamp.from(clock.now()))
            .setParameter(14, lon)
            .setParameter(15, lat)
            .setParameter(16, takenAt == null ? null : Timestamp.from(takenAt))
            .executeUpdate();
    // the same bytes from the same uploader (now, or a concurrent upload that won): the first photo
    List<Photo> found =
        select(
            "case_id = ?1 AND COALESCE('U:' || uploader_unit_id, 'C:' || uploader_collector_id) ="
                + " ?2 AND sha256 = ?3",
            caseId,
            uploaderKey,
            hash);
    return new Stored(found.get(0), inserted == 1);
  }

  /** The photos of a case the caller may see (404 otherwise), oldest first. */
  @Transactional
  public List<Photo> list(String caseId) {
    cases.findVisible(caseId);
    return photosOf(caseId);
  }

  /** The photos of a case, oldest first (no visibility check: the caller has made it). */
  @Transactional
  public List<Photo> photosOf(String caseId) {
    return select("case_id = ?1 ORDER BY uploaded_at, photo_id", caseId);
  }

  /** A photo with its bytes, if the caller may see the case (404 otherwise). */
  @Transactional
  public Content content(String caseId, String photoId) {
    cases.findVisible(caseId);
    List<Photo> p = select("case_id = ?1 AND CAST(photo_id AS text) = ?2", caseId, photoId);
    if (p.isEmpty()) {
      throw ProblemException.notFound("photo", photoId);
    }
    byte[] bytes =
        (byte[])
            em.createNativeQuery(
                    "SELECT content FROM case_photo WHERE case_id = ?1 AND CAST(photo_id AS text) ="
                        + " ?2")
                .setParameter(1, caseId)
                .setParameter(2, photoId)
                .getSingleResult();
    return new Content(p.get(0), bytes);
  }

  /**
   * Refuses (422 naming {@code photoIds[i]}) a feedback, sub-feedback or check whose photo ids are
   * not photos of this case stored here, of the step's purpose, uploaded by the acting unit or
   * collector. Runs before the domain applies the command; a step the state or the role does not
   * allow at all is left to the domain (its 409/403 answer first).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requireStepPhotos(DispatchCase c, Actor actor, CaseCommand command) {
    List<String> ids = null;
    if (command instanceof CaseCommand.SubmitFeedback f) {
      ids = f.photoIds();
    } else if (command instanceof CaseCommand.SubmitSubFeedback f) {
      ids = f.photoIds();
    } else if (command instanceof CaseCommand.PassCheck p) {
      ids = p.photoIds();
    } else if (command instanceof CaseCommand.FailCheck f) {
      ids = f.photoIds();
    }
    if (ids == null || ids.isEmpty()) {
      return; // none at all: the domain's MISSING_*_PHOTOS guard answers
    }
    CaseTransition t = command.transition();
    if (!t.allowedFrom(c.state()) || !t.allowedFor(actor.role())) {
      return;
    }
    PhotoPurpose purpose = PhotoPurpose.of(t).orElseThrow();
    Map<String, EvidenceRules.StoredPhoto> stored = new HashMap<>();
    for (Photo p : select("case_id = ?1 AND CAST(photo_id AS text) IN (?2)", c.caseId(), ids)) {
      stored.put(
          p.photoId(),
          new EvidenceRules.StoredPhoto(
              p.photoId(), p.caseId(), p.purpose(), p.uploaderUnitId(), p.uploaderCollectorId()));
    }
    List<EvidenceRules.PhotoViolation> v =
        EvidenceRules.stepPhotos(c.caseId(), purpose, actor, ids, stored);
    if (!v.isEmpty()) {
      throw new ProblemException(
          422,
          "invalid-photos",
          Problems.TITLE_INVALID,
          v.get(0).field() + ": " + v.get(0).message(),
          v.stream().map(x -> new Problem.FieldError(x.field(), x.code(), x.message())).toList());
    }
  }

  /** The actor an upload of {@code purpose} acts as: the collector for CHECK, else the unit. */
  private Actor uploader(PhotoPurpose purpose) {
    List<Actor> all = currentActor.actors();
    for (Actor a : all) {
      if (purpose == PhotoPurpose.CHECK ? a.role() == Role.COLLECTOR : a.role().unitScoped()) {
        return a;
      }
    }
    return currentActor.actor(); // 403 without any actor; else the rules refuse the role
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

  private static ProblemException problem(PhotoPolicy.Refusal r) {
    Problem.FieldError fe = new Problem.FieldError(r.field(), r.code(), r.message());
    return switch (r.kind()) {
      case UNSUPPORTED_TYPE ->
          new ProblemException(
              415, "unsupported-media-type", Problems.TITLE_UNSUPPORTED, r.message(), List.of(fe));
      case TOO_LARGE ->
          new ProblemException(
              413, "payload-too-large", Problems.TITLE_TOO_LARGE, r.message(), List.of(fe));
      case INVALID -> ProblemException.badRequest(r.field() + ": " + r.message(), List.of(fe));
      case QUOTA ->
          new ProblemException(
              409, "quota-exceeded", Problems.TITLE_CONFLICT, r.message(), List.of(fe));
    };
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
