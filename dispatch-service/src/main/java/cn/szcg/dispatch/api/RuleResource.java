package cn.szcg.dispatch.api;

import cn.szcg.dispatch.application.MatrixRules;
import cn.szcg.dispatch.domain.AreaRef;
import cn.szcg.dispatch.domain.ResponsibilityRule;
import cn.szcg.dispatch.infra.MatrixStore;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The responsibility matrix (责任矩阵, R-02/R-17): rules "category pattern × area → unit". The most
 * specific rule wins (docs/case-lifecycle.md); the component's maintainer from gis-service comes
 * before every rule.
 */
@Path("/api/v1/responsibility-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "responsibility-matrix", description = "责任矩阵 / responsibility matrix")
public class RuleResource {

  @Inject MatrixStore matrix;
  @Inject MatrixRules rules;

  /**
   * A rule. {@code categoryPattern}: exact code ("C-0101"), prefix ending in '*' ("C-01*") or "*".
   * Area parts left empty mean "any" (all empty: the whole county).
   */
  public record RuleBody(
      @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9-]*\\*?") String categoryPattern,
      @Size(max = 20) String townshipCode,
      @Size(max = 20) String communityCode,
      @Size(max = 20) String gridCode,
      @NotBlank @Size(max = 100) String unitId,
      @Size(max = 500) String note) {}

  /** A rule as stored. */
  public record RuleView(
      String ruleId,
      String categoryPattern,
      String townshipCode,
      String communityCode,
      String gridCode,
      String unitId,
      String note) {
    static RuleView of(ResponsibilityRule r) {
      return new RuleView(
          r.ruleId(),
          r.categoryPattern(),
          r.scope().townshipCode(),
          r.scope().communityCode(),
          r.scope().gridCode(),
          r.unitId(),
          r.note());
    }
  }

  @GET
  @Operation(
      operationId = "listResponsibilityRules",
      summary = "责任矩阵规则 / list the rules (filters: unitId, category prefix)")
  @RolesAllowed({Roles.DISPATCHER, Roles.SHIFT_LEAD, Roles.ADMIN, Roles.SUPERVISION_OFFICE})
  public CaseViews.Page<RuleView> list(
      @QueryParam("unitId") String unitId,
      @QueryParam("category") String category,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    List<RuleView> all =
        matrix.rules().stream()
            .filter(r -> unitId == null || unitId.equals(r.unitId()))
            .filter(r -> category == null || r.categoryPattern().startsWith(category))
            .map(RuleView::of)
            .toList();
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    return new CaseViews.Page<>(all.subList(from, to), page, size, all.size());
  }

  @GET
  @Path("/{ruleId}")
  @Operation(operationId = "getResponsibilityRule", summary = "查看规则 / read a rule")
  @RolesAllowed({Roles.DISPATCHER, Roles.SHIFT_LEAD, Roles.ADMIN, Roles.SUPERVISION_OFFICE})
  public RuleView get(@PathParam("ruleId") String ruleId) {
    return matrix
        .find(ruleId)
        .map(RuleView::of)
        .orElseThrow(() -> ProblemException.notFound("rule", ruleId));
  }

  @PUT
  @Path("/{ruleId}")
  @Operation(operationId = "putResponsibilityRule", summary = "新增或修改规则 / create or replace a rule")
  @RolesAllowed({Roles.ADMIN})
  public Response put(
      @PathParam("ruleId") @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}") String ruleId,
      @Valid @NotNull RuleBody b) {
    ResponsibilityRule r =
        new ResponsibilityRule(
            ruleId,
            b.categoryPattern(),
            new AreaRef(b.townshipCode(), b.communityCode(), b.gridCode()),
            b.unitId(),
            b.note());
    boolean created = rules.put(r);
    return Response.status(created ? 201 : 200).entity(RuleView.of(r)).build();
  }

  @DELETE
  @Path("/{ruleId}")
  @Operation(operationId = "deleteResponsibilityRule", summary = "删除规则 / delete a rule")
  @RolesAllowed({Roles.ADMIN})
  public Response delete(@PathParam("ruleId") String ruleId) {
    rules.delete(ruleId);
    return Response.noContent().build();
  }
}
