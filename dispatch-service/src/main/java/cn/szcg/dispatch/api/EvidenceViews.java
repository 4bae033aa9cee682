package cn.szcg.dispatch.api;

import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.dispatch.infra.EvidenceStore;
import java.time.Instant;
import java.util.List;

/**
 * What the case API shows of the problem and its evidence (R-10, R-13, R-14, R-28;
 * docs/evidence.md): where the problem is and the photos of dispatch's own steps.
 */
public final class EvidenceViews {

  private EvidenceViews() {}

  /**
   * Where the problem is, as filed: the point, township, community, unit grid (万米单元网格) and the
   * nearest components (部件), nearest first. Any part may be null.
   */
  public record Position(
      Double lon,
      Double lat,
      String townshipCode,
      String townshipName,
      String communityCode,
      String communityName,
      String gridCode,
      String componentId,
      List<NearbyComponent> nearestComponents) {}

  /**
   * A photo of dispatch's evidence store: metadata and where its bytes are ({@code contentHref}).
   *
   * @param purpose AFTER (处置后照片), SUB_AFTER (二级反馈照片) or CHECK (核查照片)
   * @param uploaderUnitId the unit (or department) that uploaded it; null for a collector's
   * @param uploaderCollectorId the collector that uploaded it; null for a unit's
   * @param lon where the device says it was taken (null when not given)
   * @param takenAt when the device says it was taken (null when not given)
   */
  public record PhotoView(
      String photoId,
      String caseId,
      String orderId,
      String purpose,
      String purposeLabel,
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
      Instant takenAt,
      String contentHref) {

    static PhotoView of(EvidenceStore.Photo p) {
      return new PhotoView(
          p.photoId(),
          p.caseId(),
          p.orderId(),
          p.purpose().name(),
          p.purpose().labelZh(),
          p.fileName(),
          p.contentType(),
          p.sizeBytes(),
          p.sha256(),
          p.uploadedBy(),
          p.uploaderUnitId(),
          p.uploaderCollectorId(),
          p.uploadedAt(),
          p.lon(),
          p.lat(),
          p.takenAt(),
          EvidenceViews.contentHref(p.caseId(), p.photoId()));
    }
  }

  static String contentHref(String caseId, String photoId) {
    return "/api/v1/cases/" + caseId + "/photos/" + photoId + "/content";
  }

  /** Where intake-service serves the report's and the verification's photos (no call from here). */
  static String reportPhotosHref(String caseId) {
    return "/api/v1/reports/" + caseId + "/attachments";
  }
}
