package cn.szcg.intake.api;

import cn.szcg.intake.infra.VerificationTask;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A verification task (核实任务) as the collector's app and the center see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
    UUID id,
    UUID reportId,
    String collectorId,
    String status,
    Instant requestedAt,
    String requestedBy,
    Instant completedAt,
    String note) {

  public static VerificationView of(VerificationTask t) {
    return new VerificationView(
        t.id,
        t.reportId,
        t.collectorId,
        t.status,
        t.requestedAt,
        t.requestedBy,
        t.completedAt,
        t.note);
  }
}
