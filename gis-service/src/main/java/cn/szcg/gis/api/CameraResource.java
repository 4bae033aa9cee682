package cn.szcg.gis.api;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.GridCode;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.gis.infra.ListQueries;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cameras (视频监控点) for the video channel (视频智能采集). */
@Path("/api/v1/cameras")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cameras", description = "视频监控点 / cameras")
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
public class CameraResource {

  @Inject GisQueries queries;
  @Inject ListQueries lists;

  @GET
  @Operation(
      operationId = "listCameras",
      summary = "查询视频监控点列表 / list cameras",
      description =
          "gridCode (16 digits, the linked grid) and/or bbox=minLon,minLat,maxLon,maxLat; both"
              + " optional. GeoJSON FeatureCollection ordered by id (properties: name, gridCode,"
              + " view); page from 0, size ≤ 200.")
  public ObjectNode list(
      @QueryParam("gridCode") String gridCode,
      @QueryParam("bbox") String bbox,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    String grid = null;
    if (gridCode != null && !gridCode.isBlank()) {
      grid = gridCode.trim();
      if (!GridCode.isValid(grid)) {
        throw ProblemException.invalidField(
            "gridCode", "invalid", "须为16位网格编码 / must be a 16-digit grid code");
      }
    }
    BoundingBox box = Params.bbox(bbox);
    int p = Params.intParam("page", page, 0, 0, 100_000);
    int s = Params.intParam("size", size, 50, 1, 200);
    return queries.collection(lists.cameras(grid, box, p, s), p, s);
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getCamera",
      summary = "查询视频监控点 / a camera: position, view and grid",
      description =
          "lon/lat (WGS84) of the camera, its GeoJSON position and view polygon, the grid it is"
              + " linked to (or the grid containing it) with community, township and the zone in"
              + " force now.")
  public GisQueries.CameraView byId(@PathParam("id") String id) {
    if (id == null || id.isBlank() || id.length() > 64) {
      throw ProblemException.invalidField("id", "invalid", "1–64个字符 / 1 to 64 characters");
    }
    return queries.camera(id).orElseThrow(() -> ProblemException.notFound("camera 视频监控点", id));
  }
}
