package cn.szcg.gis.api;

import cn.szcg.gis.domain.InputCrs;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "Where is this?" — the answer every other service needs. */
@Path("/api/v1/locate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "locate", description = "定位 / where is this point")
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
public class LocateResource {

  @Inject GisQueries queries;

  @GET
  @Operation(
      operationId = "locate",
      summary =
          "定位：乡镇、社区、网格、区域类型及附近部件 / locate: township, community, grid, zone and"
              + " nearby components",
      description =
          "Answered from the in-memory map (no database round trip). WGS84 lon/lat (or GCJ-02 with crs=GCJ02). `at` (ISO-8601 instant, default now) answers"
              + " the grid and zone in force then — a case keeps the zone it had when registered."
              + " Components within `radius` metres (default 50, max 500), nearest first, with"
              + " department, owner and maintainer. 400 problem+json names the field for a missing"
              + " or bad coordinate and for a point outside the county.")
  public Uni<GisQueries.Location> locate(
      @Parameter(description = "longitude 经度") @QueryParam("lon") String lon,
      @Parameter(description = "latitude 纬度") @QueryParam("lat") String lat,
      @Parameter(description = "ISO-8601 instant; default now") @QueryParam("at") String at,
      @Parameter(description = "metres, 1–500, default 50") @QueryParam("radius") String radius,
      @Parameter(description = "max components, 0–50, default 10") @QueryParam("limit")
          String limit,
      @Parameter(description = "WGS84 (default) or GCJ02") @QueryParam("crs") String crs) {
    double x = Params.coordinate("lon", lon);
    double y = Params.coordinate("lat", lat);
    InputCrs c = Params.crs(crs);
    Instant when = Params.instant("at", at, Instant.now());
    int r = Params.intParam("radius", radius, 50, 1, 500);
    int n = Params.intParam("limit", limit, 10, 0, 50);
    double[] wgs = Params.toWgs84(x, y, c);
    GisQueries.requireInCountyBox(wgs[0], wgs[1]);
    // on the event loop from memory; while the index is (re)loading, from PostGIS on a worker
    GisQueries.Location l = queries.locateInMemory(wgs[0], wgs[1], when, r, n);
    if (l != null) {
      return Uni.createFrom().item(l);
    }
    return Uni.createFrom()
        .item(() -> queries.locate(wgs[0], wgs[1], when, r, n))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
  }
}
