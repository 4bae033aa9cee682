package cn.szcg.gis.domain.imports;

/**
 * Why one feature (or the whole file) was not accepted.
 *
 * @param featureIndex 0-based index in {@code features}, or {@link #FILE} for a file-level problem
 * @param featureId the feature's id or code when it has one, else {@code null}
 * @param field where the problem is, e.g. {@code properties.owner}, {@code geometry}, {@code crs}
 * @param reasonZh the reason in Chinese
 * @param reasonEn the reason in English
 */
public record Rejection(
    int featureIndex, String featureId, String field, String reasonZh, String reasonEn) {

  /**
   * {@link #featureIndex()} of a problem with the whole file (not FeatureCollection, wrong CRS).
   */
  public static final int FILE = -1;

  public boolean isFileLevel() {
    return featureIndex == FILE;
  }

  @Override
  public String toString() {
    return (isFileLevel()
            ? "file"
            : "#" + featureIndex + (featureId == null ? "" : " " + featureId))
        + " "
        + field
        + ": "
        + reasonZh
        + " / "
        + reasonEn;
  }
}
