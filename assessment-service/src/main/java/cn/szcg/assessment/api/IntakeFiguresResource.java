package cn.szcg.assessment.api;

import cn.szcg.platform.security.Roles;
import cn.szcg.platform.sql.SqlValues;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
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

  @Inject EntityManager em;

  /** Registrations and filings of one channel in one month. */
  public record IntakeFigure(String month, String channel, long registered, long filed) {}

  /** A case as assessment has counted it. */
  public record AssessedCase(
      String caseId,
      String reportNo,
      String channel,
      Instant registeredAt,
      Instant filedAt,
      String categoryCode) {}

  @GET
  @Path("/figures/intake")
  @Operation(summary = "受理统计 / intake figures of a month (yyyy-MM, Asia/Shanghai)")
  public List<IntakeFigure> intake(@QueryParam("month") String month) {
    if (month == null || !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      throw ProblemException.invalidField("month", "pattern", "须为 yyyy-MM / must be yyyy-MM");
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT month, channel, registered, filed FROM intake_figure WHERE month = ?1"
                    + " ORDER BY channel")
            .setParameter(1, month)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new IntakeFigure(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()))
        .toList();
  }

  @GET
  @Path("/cases/{caseId}")
  @Operation(summary = "考核所知的案件 / a case as assessment counted it")
  public AssessedCase assessedCase(@PathParam("caseId") String caseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT case_id, report_no, channel, registered_at, filed_at, category_code"
                    + " FROM assessed_case WHERE case_id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    if (rows.isEmpty()) {
      throw ProblemException.notFound("case", caseId);
    }
    Object[] r = rows.get(0);
    return new AssessedCase(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        SqlValues.instant(r[3]),
        SqlValues.instant(r[4]),
        (String) r[5]);
  }
}
