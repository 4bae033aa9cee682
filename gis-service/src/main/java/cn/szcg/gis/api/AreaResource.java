package cn.szcg.gis.api;

import cn.szcg.gis.domain.AreaCode;
import cn.szcg.gis.domain.AreaLevel;
import cn.szcg.gis.domain.CodeFormatException;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Administrative areas (行政区域): the county, its townships and communities / villages. */
@Path("/api/v1/areas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "areas", description = "行政区域 / administrative areas")
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
public class AreaResource {

  @Inject ListQueries lists;
  @Inject GisQueries queries;

  @GET
  @Operation(
      operationId = "listAreas",
      summary = "查询行政区域列表 / list administrative areas",
      description =
          "level = COUNTY | TOWNSHIP | COMMUNITY (or 县/乡镇/社区村), parentCode = the code of the"
              + " area above (e.g. a township's communities); both optional. GeoJSON"
              + " FeatureCollection ordered by code; page from 0, size ≤ 200.")
  public ObjectNode list(
      @QueryParam("level") String level,
      @QueryParam("parentCode") String parentCode,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    String lv = level(level);
    String parent =
        parentCode == null || parentCode.isBlank() ? null : code("parentCode", parentCode);
    int p = Params.intParam("page", page, 0, 0, 100_000);
    int s = Params.intParam("size", size, 50, 1, 200);
    return queries.collection(lists.areas(lv, parent, p, s), p, s);
  }

  @GET
  @Path("/{code}")
  @Operation(
      operationId = "getArea",
      summary = "查询行政区域 / one administrative area (GeoJSON Feature)")
  public ObjectNode byCode(@PathParam("code") String code) {
    String c = code("code", code);
    return lists.area(c).orElseThrow(() -> ProblemException.notFound("area 行政区域", c));
  }

  private static String code(String field, String value) {
    try {
      return AreaCode.parse(value.trim()).value();
    } catch (CodeFormatException e) {
      throw ProblemException.invalidField(field, "invalid", e.getMessage());
    }
  }

  private static String level(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.trim().toUpperCase(Locale.ROOT)) {
      case "COUNTY", "县" -> AreaLevel.COUNTY.name();
      case "TOWNSHIP", "乡镇" -> AreaLevel.TOWNSHIP.name();
      case "COMMUNITY", "社区村", "社区", "村" -> AreaLevel.COMMUNITY.name();
      default ->
          throw ProblemException.invalidField(
              "level",
              "unknown",
              "须为 COUNTY/TOWNSHIP/COMMUNITY（县/乡镇/社区村） / must be COUNTY, TOWNSHIP or COMMUNITY");
    };
  }
}
