package cn.szcg.gis.api;

import cn.szcg.gis.domain.InputCrs;
import cn.szcg.gis.domain.tiles.TileCoord;
import cn.szcg.gis.infra.TileQueries;
import cn.szcg.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The county map as Mapbox vector tiles (MVT): townships, communities, unit grids with their zone,
 * components with class and state, pipes and cameras — what the console's 地图 draws without
 * internet, fast at the whole county (docs/gis.md §13).
 */
@Path("/api/v1/tiles")
@Tag(name = "tiles", description = "矢量瓦片 / vector tiles of the county map")
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
public class TileResource {

  /** Mapbox vector tile media type. */
  public static final String MVT = "application/vnd.mapbox-vector-tile";

  /** The tiles are per person (a bearer token) and change with imports: a short private cache. */
  static final String CACHE_CONTROL = "private, max-age=300";

  @Inject TileQueries tiles;

  @GET
  @Path("/{z}/{x}/{y}.mvt")
  @Produces(MVT)
  @Operation(
      operationId = "getMapTile",
      summary = "地图矢量瓦片 / a vector tile of the county map",
      description =
          "XYZ tile (Web Mercator, y from the north), z 0–22. Layers: townships (z ≥ 0),"
              + " communities, grids (code, zone), components (id, classCode, majorClass, state),"
              + " pipes (id, type), cameras (id, name) from z 8. crs=GCJ02 shifts the geometry"
              + " for a GCJ-02 (高德) base map. An empty body is a tile without features.")
  public Response tile(
      @PathParam("z") String z,
      @PathParam("x") String x,
      @PathParam("y") String y,
      @QueryParam("crs") String crs) {
    int zz = Params.intParam("z", z, 0, 0, TileCoord.MAX_ZOOM);
    int max = (1 << zz) - 1;
    TileCoord t =
        new TileCoord(zz, Params.intParam("x", x, 0, 0, max), Params.intParam("y", y, 0, 0, max));
    byte[] body = tiles.tile(t, Params.crs(crs) == InputCrs.GCJ02);
    return Response.ok(body, MVT).header("Cache-Control", CACHE_CONTROL).build();
  }
}
