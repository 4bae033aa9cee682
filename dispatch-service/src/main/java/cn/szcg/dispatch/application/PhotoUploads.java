package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.CaseDomainException;
import cn.szcg.dispatch.domain.PhotoPurpose;
import cn.szcg.dispatch.infra.EvidenceStore.Photo;
import cn.szcg.dispatch.infra.UploadSession;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.files.ImageType;
import cn.szcg.platform.upload.ResumableUpload;
import cn.szcg.platform.upload.ResumableUploads;
import cn.szcg.platform.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case resumable upload of an evidence photo (断点续传, issue 18): the collector's check photo
 * (CHECK, R-15) or the unit's after-photo (AFTER, SUB_AFTER, R-14) sent from the phone in chunks,
 * with the protocol intake's report photos use (platform {@link ResumableUploads}, rules in {@link
 * ResumableUpload}; docs/adr/0009). Declaring a session runs the checks of a one-request upload
 * that need no bytes ({@link CasePhotos#requireMayUpload}: who may add which purpose to which case,
 * type, length); the verified bytes then go through {@link CasePhotos#upload} exactly as a
 * one-request upload (policy on the bytes, quota, same bytes answered with the first photo).
 *
 * <p>The bytes are stored as a photo in a transaction of their own, after the chunk's: a refusal
 * there (the case moved on, the quota is used up, the bytes are no photo) fails the session in a
 * third one, so that the refusal is recorded and answered; should that store not commit at all, the
 * last chunk sent again completes the session (the protocol re-verifies the bytes held).
 */
@ApplicationScoped
public class PhotoUploads {

  @Inject CasePhotos photos;
  @Inject ResumableUploads protocol;

  /** What a declaration gave: the session, and whether it was created now. */
  public record Opened(UploadSession session, boolean created) {}

  /**
   * The result of a chunk: the session as it is now, and a refusal to answer with (after what it
   * changed was committed), or null. A {@link ProblemException} or a domain refusal.
   */
  public record Appended(UploadSession session, RuntimeException refusal) {}

  /** A session's declaration. */
  public record Declared(
      String caseId,
      String purpose,
      String fileName,
      String contentType,
      long length,
      String sha256,
      Double lon,
      Double lat,
      Instant takenAt) {}

  @Transactional
  public Opened open(Declared d, String actor, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    UploadSession.deleteExpired(at);
    String hash = d.sha256() == null ? "" : d.sha256().toLowerCase(Locale.ROOT);
    if (!hash.matches("[0-9a-f]{64}")) {
      throw ProblemException.invalidField(
          "sha256", "invalid", "须为 64 位十六进制 SHA-256 / a SHA-256 as 64 hex digits");
    }
    Optional<Photo> done =
        photos.requireMayUpload(
            d.caseId(), d.purpose(), d.contentType(), d.length(), hash, d.lon(), d.lat());
    String purpose = PhotoPurpose.parse(d.purpose()).orElseThrow().name();
    UploadSession reuse = UploadSession.reusable(d.caseId(), purpose, actor, hash, at);
    if (reuse != null) {
      return new Opened(reuse, false);
    }
    UploadSession s = new UploadSession();
    s.id = UUID.randomUUID();
    s.caseId = d.caseId();
    s.purpose = purpose;
    s.fileName = FileNames.sanitise(d.fileName());
    s.contentType = ImageType.ofMediaType(d.contentType()).orElseThrow().mediaType();
    s.length = d.length();
    s.sha256 = hash;
    s.lon = d.lon();
    s.lat = d.lat();
    s.takenAt = d.takenAt();
    s.uploadedBy = actor;
    s.createdAt = at;
    s.touched(at);
    if (done.isPresent()) {
      // the same bytes are already this uploader's photo of the case: nothing to send
      s.state = UploadSession.COMPLETED;
      s.received = d.length();
      s.photoId = done.get().photoId();
    } else {
      s.state = UploadSession.OPEN;
      s.received = 0;
    }
    s.persist();
    return new Opened(s, true);
  }

  /** The uploader's own session, or 404 (another's session does not exist for them). */
  @Transactional
  public UploadSession get(UUID id, String actor) {
    UploadSession s = UploadSession.findById(id);
    if (s == null || !s.uploadedBy.equals(actor)) {
      throw ProblemException.notFound("upload", id.toString());
    }
    return s;
  }

  /** A chunk at {@code offset}; the last one stores the photo (see the class comment). */
  public Appended append(UUID id, long offset, byte[] chunk, String actor, Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    record Taken(UploadSession session, ResumableUploads.Step step) {}
    Taken taken =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  UploadSession s = UploadSession.locked(id);
                  if (s == null || !s.uploadedBy.equals(actor) || s.expiresAt.isBefore(at)) {
                    throw ProblemException.notFound("upload", id.toString());
                  }
                  return new Taken(s, protocol.append(s, offset, chunk, at));
                });
    byte[] all = taken.step().complete();
    if (all == null) {
      return new Appended(taken.session(), taken.step().refusal());
    }
    try {
      return new Appended(QuarkusTransaction.requiringNew().call(() -> store(id, all)), null);
    } catch (ProblemException | CaseDomainException refused) {
      UploadSession failed =
          QuarkusTransaction.requiringNew().call(() -> fail(id, refused.getMessage()));
      return new Appended(failed, refused);
    }
  }

  private UploadSession store(UUID id, byte[] all) {
    UploadSession s = UploadSession.locked(id);
    if (!s.acceptsChunks()) {
      return s; // a concurrent last chunk stored it already
    }
    CasePhotos.Stored stored =
        photos.upload(s.caseId, s.purpose, s.fileName, s.contentType, all, s.lon, s.lat, s.takenAt);
    s.photoId = stored.photo().photoId();
    s.state = UploadSession.COMPLETED;
    protocol.dropChunks(s.id);
    return s;
  }

  private UploadSession fail(UUID id, String reason) {
    UploadSession s = UploadSession.locked(id);
    if (s.acceptsChunks()) {
      s.state = UploadSession.FAILED;
      s.failure = reason;
      protocol.dropChunks(s.id);
    }
    return s;
  }
}
