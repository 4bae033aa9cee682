package cn.szcg.gis.domain.imports;

import java.util.List;

/**
 * The outcome of validating one FeatureCollection: features accepted and rejections (a feature with
 * several problems has several rejections).
 */
public record ImportResult(
    FeatureKind kind, int total, List<AcceptedFeature> accepted, List<Rejection> rejections) {

  public ImportResult {
    accepted = List.copyOf(accepted);
    rejections = List.copyOf(rejections);
  }

  /** True when nothing was rejected. */
  public boolean isClean() {
    return rejections.isEmpty();
  }

  /** Number of distinct features with at least one rejection (file-level problems excluded). */
  public long rejectedFeatureCount() {
    return rejections.stream()
        .filter(r -> !r.isFileLevel())
        .mapToInt(Rejection::featureIndex)
        .distinct()
        .count();
  }
}
