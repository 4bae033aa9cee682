package cn.szcg.intake.api;

import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.VerificationTask;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A verification task (核实任务) as the collector's app and the center see it. It carries what the
 * collector needs on site (where, what, the report's number) — never the public reporter: a
 * collector reads the task, not the report it verifies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
    UUID id,
    UUID reportId,
    String collectorId,
    String status,
    Instant requestedAt,
    String requestedBy,
    Instant completedAt,
    String note,
    String reportNo,
    String channel,
    String kind,
    String categoryCode,
    String description,
    String address,
    Double lon,
    Double lat) {

  public static VerificationView of(VerificationTask t) {
    Report r = Report.findById(t.reportId);
    return new VerificationView(
        t.id,
        t.reportId,
        t.collectorId,
        t.status,
        t.requestedAt,
        t.requestedBy,
        t.completedAt,
        t.note,
        r == null ? null : r.reportNo,
        r == null ? null : r.channel,
        r == null ? null : r.kind,
        r == null ? null : r.categoryCode,
        r == null ? null : r.description,
        r == null ? null : r.address,
        r == null ? null : r.lon,
        r == null ? null : r.lat);
  }
}
