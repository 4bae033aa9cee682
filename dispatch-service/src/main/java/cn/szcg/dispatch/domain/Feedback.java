package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.List;

/** A handling report (处理反馈) with after-photos (处置后照片, R-14). */
public record Feedback(
    String description, List<String> photoIds, Instant at, String byUserId, String byUnitId) {
  public Feedback {
    photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
  }
}
