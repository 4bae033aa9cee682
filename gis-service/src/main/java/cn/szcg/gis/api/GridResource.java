package cn.szcg.gis.api;

import cn.szcg.contracts.events.Zone;
import cn.szcg.gis.application.ZoneChanges;
import cn.szcg.gis.domain.AreaCode;
import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.CodeFormatException;
import cn.szcg.gis.domain.GridCode;
import cn.szcg.gis.domain.imports.ImportValidator;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.gis.infra.GridStore;
import cn.szcg.gis.infra.ListQueries;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Unit grids (万米单元网格) and dated zone changes (R-12, R-15: fringe limits are doubled). */
@Path("/api/v1/grids")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "grids", description = "单元网格 / unit grids")
@RolesAllowed({
  Roles.COLLECTOR,
  Roles.OPERATOR,
  Roles.SHIFT_LEAD,
  Roles.DISPATCHER,
  Roles.UNIT_RECEIVER,
  Roles.UNIT_LEADER,
  Roles.UNIT_HANDLER,
  Roles.EFFICIENCY_OFFICE,
  Roles.SUPERVISION_OFFICE,
  Roles.COUNTY_GOVERNMENT,
  Roles.ADMIN,
  Roles.SZCG_SERVICE,
  Roles.COUNTY_SYSTEM
})
public class GridResource {

  @Inject GridStore grids;
  @Inject ZoneChanges zoneChanges;
  @Inject ListQueries lists;
  @Inject GisQueries queries;

  /** A zone change: the new zone (URBAN/FRINGE/OTHER or 城区/城乡结合部/其他) from an instant. */
  public record ZoneChangeRequest(
      @NotBlank String zone,
      @NotNull Instant effectiveFrom,
      @NotBlank @Size(max = 500) String reason) {}

  @GET
  @Operation(
      operationId = "listGrids",
      summary = "查询单元网格列表 / list unit grids",
      description =
          "communityCode (12 digits), zone (the zone in force now: URBAN/FRINGE/OTHER or"
              + " 城区/城乡结合部/其他), bbox=minLon,minLat,maxLon,maxLat — all optional. GeoJSON"
              + " FeatureCollection ordered by code with zoneNow; page from 0, size ≤ 200.")
  public ObjectNode list(
      @QueryParam("communityCode") String communityCode,
      @QueryParam("zone") String zone,
      @QueryParam("bbox") String bbox,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    String community = null;
    if (communityCode != null && !communityCode.isBlank()) {
      community = communityCode.trim();
      if (community.length() != 12 || !validArea(community)) {
        throw ProblemException.invalidField(
            "communityCode", "invalid", "须为12位社区（村）编码 / must be a 12-digit community code");
      }
    }
    Zone z = null;
    if (zone != null && !zone.isBlank()) {
      z = ImportValidator.parseZone(zone.trim());
      if (z == null) {
        throw ProblemException.invalidField(
            "zone",
            "unknown",
            "须为 URBAN/FRINGE/OTHER（城区/城乡结合部/其他） / must be URBAN, FRINGE or OTHER");
      }
    }
    BoundingBox box = Params.bbox(bbox);
    int p = Params.intParam("page", page, 0, 0, 100_000);
    int s = Params.intParam("size", size, 50, 1, 200);
    return queries.collection(lists.grids(community, z, box, p, s), p, s);
  }

  @GET
  @Path("/{code}")
  @Operation(operationId = "getGrid", summary = "查询单元网格及区域类型历史 / a grid with its zone history")
  public GridStore.GridView byCode(@PathParam("code") String code) {
    checkCode(code);
    return grids.grid(code).orElseThrow(() -> ProblemException.notFound("unit grid 单元网格", code));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Path("/{code}/zone-changes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "changeGridZone",
      summary = "变更网格区域类型（按生效时间） / change a grid's zone from an instant",
      description =
          "Closes the zone entry in force at effectiveFrom and opens the new one; locate with an"
              + " earlier `at` still answers the old zone. effectiveFrom must be after the start of"
              + " the latest entry (409 otherwise, and 409 when the zone would not change).")
  public Response changeZone(
      @PathParam("code") String code, @NotNull @Valid ZoneChangeRequest request) {
    checkCode(code);
    Zone zone = ImportValidator.parseZone(request.zone());
    if (zone == null) {
      throw ProblemException.invalidField(
          "zone", "unknown", "须为 URBAN/FRINGE/OTHER（城区/城乡结合部/其他） / must be URBAN, FRINGE or OTHER");
    }
    return Response.status(201)
        .entity(
            zoneChanges.changeZone(code, zone, request.effectiveFrom(), request.reason().trim()))
        .build();
  }

  private static boolean validArea(String code) {
    try {
      AreaCode.parse(code);
      return true;
    } catch (CodeFormatException e) {
      return false;
    }
  }

  private static void checkCode(String code) {
    if (!GridCode.isValid(code)) {
      throw ProblemException.invalidField(
          "code", "invalid", "须为16位网格编码 / must be a 16-digit grid code");
    }
  }
}
