package cn.szcg.dispatch.api;

import cn.szcg.dispatch.infra.DispatchCase;
import cn.szcg.platform.web.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cases as dispatch-service holds them. */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "案件 / cases")
public class CaseResource {

  /** A case as the center sees it in dispatch. */
  public record CaseView(
      String caseId,
      String reportNo,
      String channel,
      String categoryCode,
      String categoryName,
      int catalogueVersion,
      int limitAmount,
      String limitUnit,
      String zone,
      boolean emergency,
      String gridCode,
      String state,
      Instant registeredAt,
      Instant filedAt) {
    static CaseView of(DispatchCase c) {
      return new CaseView(
          c.caseId,
          c.reportNo,
          c.channel,
          c.categoryCode,
          c.categoryName,
          c.catalogueVersion,
          c.limitAmount,
          c.limitUnit,
          c.zone,
          c.emergency,
          c.gridCode,
          c.state,
          c.registeredAt,
          c.filedAt);
    }
  }

  @GET
  @Path("/{caseId}")
  @Operation(summary = "查看案件 / read a case")
  public CaseView get(@PathParam("caseId") String caseId) {
    DispatchCase c = DispatchCase.findById(caseId);
    if (c == null) {
      throw ProblemException.notFound("case", caseId);
    }
    return CaseView.of(c);
  }
}
