package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.List;

/** The on-site check (核查) of one handling round, by the collector ordered to do it. */
public record CheckResult(
    String orderId,
    int round,
    String collectorId,
    boolean passed,
    String note,
    List<String> photoIds,
    Instant at) {
  public CheckResult {
    photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
  }
}
