package cn.szcg.intake.api;

import cn.szcg.intake.infra.Report;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/** A registered report as the center sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportView(
    UUID id,
    String reportNo,
    String channel,
    String kind,
    String status,
    String categoryCode,
    String categoryName,
    Double lon,
    Double lat,
    String address,
    String description,
    String collectorId,
    String cameraId,
    String sourceRef,
    String reporterName,
    String reporterPhone,
    String gridCode,
    String zone,
    boolean emergency,
    Instant registeredAt,
    Instant decidedAt) {

  public static ReportView of(Report r) {
    return new ReportView(
        r.id,
        r.reportNo,
        r.channel,
        r.kind,
        r.status,
        r.categoryCode,
        r.categoryName,
        r.lon,
        r.lat,
        r.address,
        r.description,
        r.collectorId,
        r.cameraId,
        r.sourceRef,
        r.reporterName,
        r.reporterPhone,
        r.gridCode,
        r.zone,
        r.emergency,
        r.registeredAt,
        r.decidedAt);
  }
}
