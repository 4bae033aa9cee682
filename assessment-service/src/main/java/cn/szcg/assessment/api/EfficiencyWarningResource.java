package cn.szcg.assessment.api;

import cn.szcg.assessment.application.EfficiencyWarnings;
import cn.szcg.assessment.infra.EfficiencyWarningStore;
import cn.szcg.platform.security.CurrentActor;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * 效能告诫: issued by the efficiency office from an Art 33 notice, acknowledged by the person
 * warned (docs/assessment.md, 效能告诫). The office, the supervision office, the county government and
 * the administrator read all; a unit's staff read and acknowledge their own ("my warnings").
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "efficiency-warnings", description = "效能告诫 / efficiency warnings")
public class EfficiencyWarningResource {

  @Inject EfficiencyWarnings warnings;
  @Inject CurrentActor actor;

  /** The office's reason; the person defaults to the notice's person responsible. */
  public record IssueRequest(String reasonZh, String personId, String personName) {}

  @POST
  @Path("/notices/{actionId}/efficiency-warnings")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.EFFICIENCY_OFFICE)
  @Operation(
      operationId = "issueEfficiencyWarning",
      summary = "据问责通报发出效能告诫 / issue an efficiency warning from an Art 33 notice")
  public Response issue(@PathParam("actionId") String actionId, @NotNull IssueRequest request) {
    EfficiencyWarningStore.Warning w =
        warnings.issue(
            actionId,
            request.personId(),
            request.personName(),
            request.reasonZh(),
            actor.userId(),
            Instant.now());
    return Response.created(URI.create("/api/v1/efficiency-warnings/" + w.warningId()))
        .entity(w)
        .build();
  }

  @GET
  @Path("/efficiency-warnings")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  })
  @Operation(
      operationId = "listEfficiencyWarnings",
      summary = "效能告诫列表（最新在前）/ all efficiency warnings, newest first")
  public List<EfficiencyWarningStore.Warning> list(
      @QueryParam("limit") @DefaultValue("200") int limit) {
    return warnings.list(null, checkLimit(limit));
  }

  @GET
  @Path("/efficiency-warnings/mine")
  @RolesAllowed({Roles.UNIT_LEADER, Roles.UNIT_RECEIVER, Roles.UNIT_HANDLER})
  @Operation(
      operationId = "listMyEfficiencyWarnings",
      summary = "我的效能告诫 / the warnings addressed to me, newest first")
  public List<EfficiencyWarningStore.Warning> mine(
      @QueryParam("limit") @DefaultValue("200") int limit) {
    return warnings.list(actor.userId(), checkLimit(limit));
  }

  @POST
  @Path("/efficiency-warnings/{warningId}/acknowledgement")
  @RolesAllowed({Roles.UNIT_LEADER, Roles.UNIT_RECEIVER, Roles.UNIT_HANDLER})
  @Operation(
      operationId = "acknowledgeEfficiencyWarning",
      summary = "签收效能告诫（仅被告诫人）/ acknowledge a warning (the person warned only)")
  public EfficiencyWarningStore.Warning acknowledge(@PathParam("warningId") String warningId) {
    return warnings.acknowledge(warningId, actor.userId(), Instant.now());
  }

  private static int checkLimit(int limit) {
    if (limit < 1 || limit > 1000) {
      throw ProblemException.invalidField("limit", "out-of-range", "1 到 1000 / between 1 and 1000");
    }
    return limit;
  }
}
