package cn.szcg.assessment.api;

import cn.szcg.assessment.application.IntakeFiguresQueries;
import cn.szcg.assessment.infra.IntakeFigureStore.AssessedCase;
import cn.szcg.assessment.infra.IntakeFigureStore.IntakeFigure;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Intake figures and what assessment knows of a case: read by the figure readers (efficiency
 * office, supervision office, county government, shift lead, administrator).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "intake figures", description = "受理统计 / intake figures")
@RolesAllowed({
  Roles.EFFICIENCY_OFFICE,
  Roles.SUPERVISION_OFFICE,
  Roles.COUNTY_GOVERNMENT,
  Roles.SHIFT_LEAD,
  Roles.ADMIN
})
public class IntakeFiguresResource {

  @Inject IntakeFiguresQueries queries;

  @GET
  @Path("/figures/intake")
  @Operation(
      operationId = "getIntakeFigures",
      summary = "受理统计 / intake figures of a month (yyyy-MM, Asia/Shanghai)")
  public List<IntakeFigure> intake(@QueryParam("month") String month) {
    if (month == null || !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      throw ProblemException.invalidField("month", "pattern", "须为 yyyy-MM / must be yyyy-MM");
    }
    return queries.ofMonth(month);
  }

  @GET
  @Path("/cases/{caseId}")
  @Operation(operationId = "getAssessedCase", summary = "考核所知的案件 / a case as assessment counted it")
  public AssessedCase assessedCase(@PathParam("caseId") String caseId) {
    return queries.assessedCase(caseId);
  }
}
