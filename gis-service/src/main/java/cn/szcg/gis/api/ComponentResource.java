package cn.szcg.gis.api;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.ComponentClassCatalogue;
import cn.szcg.gis.domain.ComponentId;
import cn.szcg.gis.infra.ComponentClassesJson;
import cn.szcg.gis.infra.GisQueries;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Components (部件, R-01): by id, by class and bounding box, near a point. GeoJSON out. */
@Path("/api/v1/components")
@Produces({"application/geo+json", "application/json"})
@Tag(name = "components", description = "部件 / components")
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
public class ComponentResource {

  private static final ComponentClassCatalogue CATALOGUE = ComponentClassesJson.loadDefault();

  @Inject GisQueries queries;

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getComponent",
      summary = "按标识码查询部件 / a component by its 16-digit id",
      description =
          "A GeoJSON Feature; properties carry class, state, department 主管部门, owner 权属单位,"
              + " maintainer 养护单位 and grid.")
  public ObjectNode byId(@PathParam("id") String id) {
    if (!ComponentId.isValid(id)) {
      throw ProblemException.invalidField(
          "id", "invalid", "须为16位部件标识码 / must be a 16-digit component id");
    }
    return queries.component(id).orElseThrow(() -> ProblemException.notFound("component 部件", id));
  }

  @GET
  @Operation(
      operationId = "listComponents",
      summary = "按类别和范围查询部件 / components by class and bounding box",
      description =
          "classCode (4 digits, e.g. 0101) and/or bbox=minLon,minLat,maxLon,maxLat (WGS84); at"
              + " least one is required. Ordered by id; page from 0, size ≤ 200.")
  public ObjectNode list(
      @QueryParam("classCode") String classCode,
      @QueryParam("bbox") String bbox,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    BoundingBox box = Params.bbox(bbox);
    String cls = classCode(classCode);
    if (cls == null && box == null) {
      throw ProblemException.invalidField(
          "bbox", "required", "classCode 或 bbox 至少给一个 / give classCode or bbox (or both)");
    }
    int p = Params.intParam("page", page, 0, 0, 100_000);
    int s = Params.intParam("size", size, 50, 1, 200);
    return queries.collection(queries.components(cls, box, p, s), p, s);
  }

  @GET
  @Path("/near")
  @Operation(
      operationId = "listComponentsNear",
      summary = "附近的部件 / components near a point",
      description =
          "Nearest first within radius metres (default 50, max 500); optional classCode; crs=GCJ02"
              + " for GCJ-02 input. Each feature has distanceM.")
  public ObjectNode near(
      @QueryParam("lon") String lon,
      @QueryParam("lat") String lat,
      @QueryParam("radius") String radius,
      @QueryParam("limit") String limit,
      @QueryParam("classCode") String classCode,
      @QueryParam("crs") String crs) {
    double x = Params.coordinate("lon", lon);
    double y = Params.coordinate("lat", lat);
    double[] wgs = Params.toWgs84(x, y, Params.crs(crs));
    GisQueries.requireInCountyBox(wgs[0], wgs[1]);
    int r = Params.intParam("radius", radius, 50, 1, 500);
    int n = Params.intParam("limit", limit, 20, 1, 200);
    List<ObjectNode> features =
        queries.near(wgs[0], wgs[1], r, n, classCode(classCode)).stream()
            .map(queries::nearFeature)
            .toList();
    return queries.collection(features, null, null);
  }

  private static String classCode(String classCode) {
    if (classCode == null || classCode.isBlank()) {
      return null;
    }
    String c = classCode.trim();
    if (!CATALOGUE.contains(c)) {
      throw ProblemException.invalidField(
          "classCode", "unknown", "未知的部件类别 " + c + " / unknown component class " + c);
    }
    return c;
  }
}
