package cn.szcg.dispatch.domain;

import java.util.Optional;

/**
 * What a photo in dispatch-service's evidence store (证据照片, R-10) proves. The report's photos
 * (BEFORE, SNAPSHOT) and the verification's (VERIFICATION) are intake-service's; these three belong
 * to dispatch's own steps (docs/evidence.md).
 */
public enum PhotoPurpose {
  /** 处置后照片: the unit's handling feedback (处理反馈, R-14). */
  AFTER("处置后照片", CaseTransition.SUBMIT_FEEDBACK),
  /** 二级反馈照片: a department's sub-order feedback to its township body. */
  SUB_AFTER("二级反馈照片", CaseTransition.SUBMIT_SUB_FEEDBACK),
  /** 核查照片: the collector's on-site check, passed or failed. */
  CHECK("核查照片", CaseTransition.PASS_CHECK);

  private final String labelZh;
  private final CaseTransition step;

  PhotoPurpose(String labelZh, CaseTransition step) {
    this.labelZh = labelZh;
    this.step = step;
  }

  public String labelZh() {
    return labelZh;
  }

  /** The purpose of the photos a step carries, if the step carries photos. */
  public static Optional<PhotoPurpose> of(CaseTransition t) {
    return switch (t) {
      case SUBMIT_FEEDBACK -> Optional.of(AFTER);
      case SUBMIT_SUB_FEEDBACK -> Optional.of(SUB_AFTER);
      case PASS_CHECK, FAIL_CHECK -> Optional.of(CHECK);
      default -> Optional.empty();
    };
  }

  /** The (first) step that takes photos of this purpose. */
  public CaseTransition step() {
    return step;
  }

  /** The purpose named {@code s} (case-insensitive), if any. */
  public static Optional<PhotoPurpose> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    for (PhotoPurpose p : values()) {
      if (p.name().equalsIgnoreCase(s.strip())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
