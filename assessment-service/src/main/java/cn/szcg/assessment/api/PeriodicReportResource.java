package cn.szcg.assessment.api;

import cn.szcg.assessment.application.PeriodicReports;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.ReportClosing;
import cn.szcg.assessment.infra.PeriodicReportDocuments;
import cn.szcg.assessment.infra.PeriodicReportStore;
import cn.szcg.platform.security.CurrentActor;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sealed periodic 通报 (R-23, R-26; docs/assessment.md, 定期通报). Read by the efficiency office, the
 * supervision office, the county government, the administrator and every unit leader (the 通报 is
 * county-wide; a unit's copy is the same document). Produced by the closing job; the efficiency
 * office may trigger a closed period's production early or again — it returns the sealed report,
 * which is never replaced.
 */
@Path("/api/v1/periodic-reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "periodic-reports", description = "定期通报 / periodic reports (月、季、年)")
public class PeriodicReportResource {

  @Inject PeriodicReports reports;
  @Inject CurrentActor actor;

  @GET
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(
      operationId = "listPeriodicReports",
      summary = "定期通报列表（最新在前）/ sealed periodic reports, newest first")
  public List<PeriodicReportStore.Meta> list(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"MONTH", "QUARTER", "YEAR"}))
          @QueryParam("kind")
          String kind) {
    if (kind != null && !Set.of("MONTH", "QUARTER", "YEAR").contains(kind)) {
      throw ProblemException.invalidField(
          "kind", "enum", "须为 MONTH / QUARTER / YEAR / must be MONTH, QUARTER or YEAR");
    }
    return reports.list(kind);
  }

  @GET
  @Path("/verification")
  @RolesAllowed({Roles.EFFICIENCY_OFFICE, Roles.SUPERVISION_OFFICE, Roles.ADMIN})
  @Operation(
      operationId = "verifyPeriodicReportAnchors",
      summary = "校验通报锚点与审计链 / check every report's anchor in the audit chain (detects truncation)")
  public PeriodicReports.Verification verify() {
    return reports.verify();
  }

  @GET
  @Path("/{reportId}")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(
      operationId = "getPeriodicReport",
      summary = "定期通报（元数据与哈希）/ one periodic report: metadata and hashes")
  public PeriodicReportStore.Meta get(@PathParam("reportId") String reportId) {
    parse(reportId);
    PeriodicReportStore.Meta m = reports.find(reportId);
    if (m == null) {
      throw ProblemException.notFound("periodic-report", reportId);
    }
    return m;
  }

  @GET
  @Path("/{reportId}/pdf")
  @Produces({PeriodicReportDocuments.PDF_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(
      operationId = "downloadPeriodicReportPdf",
      summary = "下载通报 PDF / download the report as PDF")
  public Response pdf(@PathParam("reportId") String reportId) {
    return file(reportId, true);
  }

  @GET
  @Path("/{reportId}/xlsx")
  @Produces({PeriodicReportDocuments.XLSX_TYPE, MediaType.APPLICATION_JSON})
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(
      operationId = "downloadPeriodicReportXlsx",
      summary = "下载通报 xlsx / download the report as xlsx")
  public Response xlsx(@PathParam("reportId") String reportId) {
    return file(reportId, false);
  }

  @POST
  @Path("/{reportId}/seal")
  @RolesAllowed({Roles.EFFICIENCY_OFFICE, Roles.ADMIN})
  @Operation(
      operationId = "sealPeriodicReport",
      summary =
          "生成并封存已结束周期的通报（已封存则返回原件）/ produce and seal a closed period's report"
              + " (returns the sealed one if it exists)")
  public Response seal(@PathParam("reportId") String reportId) {
    Period p = parse(reportId);
    PeriodicReports.Outcome o;
    try {
      o = reports.close(p, Instant.now(), actor.userId(), actor.role());
    } catch (PeriodicReports.NotClosedException e) {
      throw ProblemException.conflict(
          "考核周期 " + p + " 尚未结束 / the period " + p + " has not ended yet");
    } catch (PeriodicReportDocuments.FontMissingException e) {
      throw ProblemException.unavailable(e.getMessage(), 3600);
    }
    return (o.created()
            ? Response.created(URI.create("/api/v1/periodic-reports/" + reportId))
            : Response.ok())
        .entity(o.report())
        .build();
  }

  private Response file(String reportId, boolean pdf) {
    PeriodicReportStore.Meta m = get(reportId);
    byte[] bytes = reports.document(reportId, pdf);
    String name = m.titleZh() + (pdf ? ".pdf" : ".xlsx");
    String ascii = reportId + (pdf ? ".pdf" : ".xlsx");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(bytes)
        .type(pdf ? PeriodicReportDocuments.PDF_TYPE : PeriodicReportDocuments.XLSX_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
        .header("X-Content-SHA256", pdf ? m.pdfSha256() : m.xlsxSha256())
        .build();
  }

  private static Period parse(String reportId) {
    try {
      return ReportClosing.parseReportId(reportId);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "reportId",
          "pattern",
          "须为 MONTH-yyyy-MM、QUARTER-yyyy-Qn 或 YEAR-yyyy / must be MONTH-yyyy-MM, QUARTER-yyyy-Qn"
              + " or YEAR-yyyy");
    }
  }
}
