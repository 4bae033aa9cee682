package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.CaseCommand;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.EvidenceRefusedException;
import cn.szcg.dispatch.domain.EvidenceRules;
import cn.szcg.dispatch.domain.PhotoPolicy;
import cn.szcg.dispatch.domain.PhotoPurpose;
import cn.szcg.dispatch.domain.Role;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseStore;
import cn.szcg.dispatch.infra.CurrentActor;
import cn.szcg.dispatch.infra.EvidenceStore;
import cn.szcg.dispatch.infra.EvidenceStore.Photo;
import cn.szcg.dispatch.infra.ServiceClock;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.files.ImageType;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evidence photos of a case's dispatch steps (证据照片, R-10, R-14, R-15; docs/evidence.md): photos of
 * the unit's feedback (AFTER), a department's sub-order feedback (SUB_AFTER) and the collector's
 * check (CHECK), stored by {@link EvidenceStore}. Who may upload what is {@link EvidenceRules};
 * what a photo must be is {@link PhotoPolicy}. A feedback or check step is let through to the
 * domain only with photo ids stored for the case, of the step's purpose, uploaded by the acting
 * party ({@link #requireStepPhotos}).
 */
@ApplicationScoped
public class CasePhotos {

  static final PhotoPolicy POLICY = PhotoPolicy.MINQING;

  @Inject EvidenceStore store;
  @Inject CaseStore cases;
  @Inject CurrentActor currentActor;
  @Inject ServiceClock clock;

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
    PhotoPurpose purpose = purpose(purposeName);
    EvidenceRules.Target target = target(caseId, purpose);
    Optional<PhotoPolicy.Refusal> bad = POLICY.refusal(contentType, bytes);
    if (bad.isEmpty()) {
      bad = POLICY.positionRefusal(lon, lat);
    }
    if (bad.isPresent()) {
      throw problem(bad.get());
    }
    ImageType type = ImageType.ofMediaType(contentType).orElseThrow();
    String hash = sha256Hex(bytes);
    String uploaderKey = uploaderKey(target);
    // each uploader's own quota per order and purpose (issue 19): serialised per case and
    // uploader, so that concurrent uploads cannot pass it together; the same bytes again are
    // answered below and do not count
    store.lockUploader(caseId, uploaderKey);
    long mine = store.countOthers(caseId, target.orderId(), purpose, uploaderKey, hash);
    boolean known = !store.sameBytes(caseId, uploaderKey, hash).isEmpty();
    if (!known) {
      Optional<PhotoPolicy.Refusal> full = POLICY.quotaRefusal(mine);
      if (full.isPresent()) {
        throw problem(full.get());
      }
    }
    boolean inserted =
        store.insert(
            new EvidenceStore.NewPhoto(
                caseId,
                target.orderId(),
                purpose,
                fileName,
                type.mediaType(),
                bytes,
                hash,
                currentActor.userId(),
                target.uploaderUnitId(),
                target.uploaderCollectorId(),
                clock.now(),
                lon,
                lat,
                takenAt));
    // the same bytes from the same uploader (now, or a concurrent upload that won): the first photo
    List<Photo> found = store.sameBytes(caseId, uploaderKey, hash);
    return new Stored(found.get(0), inserted);
  }

  /**
   * The checks of a photo declared before its bytes are sent (a resumable upload, 断点续传, issue 18):
   * the same who-may-add-which-purpose-to-which-case answers as {@link #upload} (404, 400,
   * 403/409), the declared type (415) and length (413), the position. Returns the photo this
   * uploader already stored with these bytes, if any (nothing needs to be sent).
   */
  @Transactional
  public Optional<Photo> requireMayUpload(
      String caseId,
      String purposeName,
      String contentType,
      long length,
      String sha256,
      Double lon,
      Double lat) {
    PhotoPurpose purpose = purpose(purposeName);
    EvidenceRules.Target target = target(caseId, purpose);
    Optional<PhotoPolicy.Refusal> bad = POLICY.declaredRefusal(contentType, length);
    if (bad.isEmpty()) {
      bad = POLICY.positionRefusal(lon, lat);
    }
    if (bad.isPresent()) {
      throw problem(bad.get());
    }
    return store.sameBytes(caseId, uploaderKey(target), sha256).stream().findFirst();
  }

  private static PhotoPurpose purpose(String purposeName) {
    return PhotoPurpose.parse(purposeName)
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    "purpose",
                    purposeName == null ? "required" : "unknown_purpose",
                    "用途须为 AFTER、SUB_AFTER 或 CHECK / purpose must be AFTER, SUB_AFTER or CHECK"));
  }

  /** Where the caller's photo of {@code purpose} goes: 404 unseen case, 403/409 refused. */
  private EvidenceRules.Target target(String caseId, PhotoPurpose purpose) {
    CaseEntity e = cases.findVisible(caseId);
    DispatchCase c = cases.domain(e);
    Actor actor = uploader(purpose);
    EvidenceRules.UploadDecision d = EvidenceRules.upload(c, purpose, actor);
    if (d instanceof EvidenceRules.Refused r) {
      throw new EvidenceRefusedException(r.refusal());
    }
    return ((EvidenceRules.Allowed) d).target();
  }

  private static String uploaderKey(EvidenceRules.Target target) {
    return target.uploaderUnitId() != null
        ? "U:" + target.uploaderUnitId()
        : "C:" + target.uploaderCollectorId();
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
    return store.photosOf(caseId);
  }

  /** A photo with its bytes, if the caller may see the case (404 otherwise). */
  @Transactional
  public Content content(String caseId, String photoId) {
    cases.findVisible(caseId);
    Photo p =
        store.photo(caseId, photoId).orElseThrow(() -> ProblemException.notFound("photo", photoId));
    return new Content(p, store.content(caseId, photoId));
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
    for (Photo p : store.photosAmong(c.caseId(), ids)) {
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
