package cn.szcg.assessment.api;

import cn.szcg.assessment.application.ExportJobs;
import cn.szcg.assessment.application.Reports;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.infra.ExportJobStore;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.CurrentActor;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Report exports in the background: monthly / yearly unit reports and the county
 * ranking as JSON, CSV (UTF-8 with BOM) or .xlsx, Chinese headings first. The request returns 202
 * at once with the job; the file is fetched when the job is DONE.
 *
 * <p>Who (docs/security.md): the efficiency office, the supervision office, the county government
 * and the administrator export. A job and its file are read by whoever requested it, and by the
 * supervision office and the administrator; for anyone else the job does not exist (404).
 */
@Path("/api/v1/exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "exports", description = "报表导出 / report exports")
@RolesAllowed({
  Roles.EFFICIENCY_OFFICE,
  Roles.SUPERVISION_OFFICE,
  Roles.COUNTY_GOVERNMENT,
  Roles.ADMIN
})
public class ExportResource {

  @Inject ExportJobs jobs;
  @Inject CurrentActor actor;
  @Inject Caller caller;

  /**
   * An export request: report COUNTY_RANKING or UNIT (then unitId), period yyyy-MM or yyyy, format
   * JSON, CSV or XLSX.
   */
  public record ExportRequest(
      @NotBlank
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"COUNTY_RANKING", "UNIT"}, // Reports.Report
              example = "COUNTY_RANKING")
          String report,
      @NotBlank @Schema(description = "yyyy-MM 或 yyyy / month or year", example = "2026-11")
          String period,
      @NotBlank
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"JSON", "CSV", "XLSX"}, // ExportJobs.Format
              example = "XLSX")
          String format,
      String unitId) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "requestReportExport",
      summary = "申请导出报表 / request a report export (runs in the background)")
  public Response create(@Valid @NotNull ExportRequest request) {
    Reports.Report report = parse(Reports.Report.class, request.report(), "report");
    ExportJobs.Format format = parse(ExportJobs.Format.class, request.format(), "format");
    Period period;
    try {
      period = Period.parse(request.period());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "period", "pattern", "须为 yyyy-MM 或 yyyy / must be yyyy-MM or yyyy");
    }
    if (report == Reports.Report.UNIT && (request.unitId() == null || request.unitId().isBlank())) {
      throw ProblemException.invalidField(
          "unitId", "required", "单位报表须指定单位 / a UNIT report needs the unitId");
    }
    ExportJobStore.Job job = jobs.request(report, period, request.unitId(), format, actor.userId());
    return Response.accepted(job).location(URI.create("/api/v1/exports/" + job.jobId())).build();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          field,
          "enum",
          "取值无效 / must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getReportExport", summary = "导出任务状态 / export job status")
  public ExportJobStore.Job status(@PathParam("id") String id) {
    ExportJobStore.Job job = jobs.find(id);
    if (job == null || !mayRead(job)) {
      // another user's export does not exist for the caller
      throw ProblemException.notFound("export", id);
    }
    return job;
  }

  private boolean mayRead(ExportJobStore.Job job) {
    return caller.has(Roles.ADMIN)
        || caller.has(Roles.SUPERVISION_OFFICE)
        || actor.userId().equals(job.requestedBy());
  }

  @GET
  @Path("/{id}/file")
  @Produces({
    "text/csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    MediaType.APPLICATION_JSON
  })
  @Operation(operationId = "downloadReportExport", summary = "下载导出文件 / download the exported file")
  public Response file(@PathParam("id") String id) {
    ExportJobStore.Job job = status(id);
    if (!"DONE".equals(job.status())) {
      throw ProblemException.conflict(
          "导出任务状态为 " + job.status() + "，文件尚未生成 / export is " + job.status() + ", no file yet");
    }
    ExportJobStore.FileContent f = jobs.file(id);
    String encoded = URLEncoder.encode(f.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(f.bytes())
        .type(f.contentType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + f.fileName() + "\"; filename*=UTF-8''" + encoded)
        .build();
  }
}
