package cn.szcg.dispatch.api;

import cn.szcg.dispatch.infra.CaseQueries;
import cn.szcg.dispatch.infra.CaseQueries.SharedCase;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What county systems (县级其他系统, role {@code county-system}, one realm client each) may read of a
 * case: its state and outcome as Art 39 sharing means it (R-07; docs/api.md, "County systems") — no
 * reporter identity, no staff names, no comments. Every read is audited with the client id ({@link
 * cn.szcg.platform.audit.CountySystemReads}).
 */
@Path("/api/v1/shared/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "shared", description = "信息共享 / sharing with county systems (Art 39)")
public class SharedCaseResource {

  @Inject CaseQueries queries;

  @GET
  @Path("/{caseId}")
  @Operation(
      operationId = "getSharedCase",
      summary = "共享案件状态与结果 / a case's state and outcome for a county system (by id or 受理号)")
  @RolesAllowed(Roles.COUNTY_SYSTEM)
  public SharedCase get(@PathParam("caseId") String caseId) {
    return queries.shared(caseId).orElseThrow(() -> ProblemException.notFound("case", caseId));
  }
}
