package cn.szcg.gis.api;

import cn.szcg.gis.infra.GisQueries;
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

  @GET
  @Path("/{id}")
  @Operation(
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
