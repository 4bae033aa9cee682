package cn.szcg.gis.api;

import cn.szcg.gis.domain.BoundingBox;
import cn.szcg.gis.domain.PipeType;
import cn.szcg.gis.infra.GisQueries;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Underground pipes (地下管网): in a bounding box, or crossing a buffer around a point or line. */
@Path("/api/v1/pipes")
@Produces({"application/geo+json", "application/json"})
@Tag(name = "pipes", description = "地下管线 / underground pipes")
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
public class PipeResource {

  @Inject GisQueries queries;

  /** A buffer request: a WGS84 GeoJSON Point or LineString and a buffer in metres. */
  public record CrossingRequest(
      @NotNull
          @Schema(
              type = SchemaType.OBJECT,
              description = "GeoJSON 点或线（WGS-84）/ a GeoJSON Point or LineString (WGS-84)",
              properties = {
                @SchemaProperty(
                    name = "type",
                    enumeration = {"Point", "LineString"}),
                @SchemaProperty(name = "coordinates", type = SchemaType.ARRAY)
              })
          JsonNode geometry,
      @NotNull @DecimalMin("0.1") @DecimalMax("1000") Double bufferM,
      @Schema(
              type = SchemaType.STRING, // PipeType's codes or Chinese names: not a closed list
              description =
                  "管线类型（可选；也接受中文名）/ pipe type (optional; the Chinese name too): WATER_SUPPLY,"
                      + " DRAINAGE, RAINWATER, SEWAGE, GAS, HEAT, POWER, TELECOM, STREET_LIGHTING,"
                      + " TRAFFIC_SIGNAL, INDUSTRIAL, …")
          String type) {}

  @GET
  @Operation(
      operationId = "listPipes",
      summary = "范围内的管线 / pipes in a bounding box",
      description = "bbox=minLon,minLat,maxLon,maxLat (WGS84), optional type; page, size ≤ 200.")
  public ObjectNode inBox(
      @QueryParam("bbox") String bbox,
      @QueryParam("type") String type,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    BoundingBox box = Params.bbox(bbox);
    if (box == null) {
      throw ProblemException.invalidField("bbox", "required", "必填 / required");
    }
    int p = Params.intParam("page", page, 0, 0, 100_000);
    int s = Params.intParam("size", size, 50, 1, 200);
    return queries.collection(queries.pipesInBox(box, type(type), p, s), p, s);
  }

  @GET
  @Path("/near")
  @Operation(
      operationId = "listPipesNear",
      summary = "点周边缓冲区内的管线 / pipes crossing a buffer around a point",
      description = "lon, lat (crs=GCJ02 optional), buffer metres (default 20, max 1000).")
  public ObjectNode near(
      @QueryParam("lon") String lon,
      @QueryParam("lat") String lat,
      @QueryParam("buffer") String buffer,
      @QueryParam("type") String type,
      @QueryParam("crs") String crs) {
    double x = Params.coordinate("lon", lon);
    double y = Params.coordinate("lat", lat);
    double[] wgs = Params.toWgs84(x, y, Params.crs(crs));
    GisQueries.requireInCountyBox(wgs[0], wgs[1]);
    int b = Params.intParam("buffer", buffer, 20, 1, 1000);
    ObjectNode point = JsonNodeFactory.instance.objectNode();
    point.put("type", "Point").putArray("coordinates").add(wgs[0]).add(wgs[1]);
    return queries.collection(queries.pipesCrossing(point, b, type(type), 200), null, null);
  }

  @POST
  @Path("/crossing")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listPipesCrossing",
      summary = "穿越缓冲区的管线 / pipes crossing a buffer around a geometry",
      description =
          "Body {geometry: GeoJSON Point or LineString (WGS84), bufferM, type?}: e.g. the pipes"
              + " under a planned excavation along a street.")
  public ObjectNode crossing(@NotNull @Valid CrossingRequest request) {
    JsonNode g = request.geometry();
    String gt = g.path("type").asText();
    if (!gt.equals("Point") && !gt.equals("LineString")) {
      throw ProblemException.invalidField(
          "geometry.type", "unsupported", "须为 Point 或 LineString / must be Point or LineString");
    }
    JsonNode coords = g.path("coordinates");
    if (gt.equals("Point")) {
      position(coords, "geometry.coordinates");
    } else {
      if (!coords.isArray() || coords.size() < 2) {
        throw ProblemException.invalidField(
            "geometry.coordinates", "invalid", "线至少两个点 / a line needs at least 2 positions");
      }
      for (int i = 0; i < coords.size(); i++) {
        position(coords.get(i), "geometry.coordinates[" + i + "]");
      }
    }
    return queries.collection(
        queries.pipesCrossing(g, request.bufferM(), type(request.type()), 200), null, null);
  }

  private static String type(String type) {
    if (type == null || type.isBlank()) {
      return null;
    }
    try {
      return PipeType.parse(type).name();
    } catch (RuntimeException e) {
      throw ProblemException.invalidField("type", "unknown", "未知的管线类型 / unknown pipe type " + type);
    }
  }

  private static void position(JsonNode pos, String field) {
    if (!pos.isArray() || pos.size() < 2 || !pos.get(0).isNumber() || !pos.get(1).isNumber()) {
      throw ProblemException.invalidField(field, "invalid", "须为 [经度, 纬度] / must be [lon, lat]");
    }
    GisQueries.requireInCountyBox(pos.get(0).asDouble(), pos.get(1).asDouble());
  }
}
