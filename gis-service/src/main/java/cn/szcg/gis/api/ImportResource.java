package cn.szcg.gis.api;

import cn.szcg.gis.application.MapImports;
import cn.szcg.gis.domain.imports.FeatureKind;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** GeoJSON import of areas, grids, components, pipes and cameras. */
@Path("/api/v1/imports")
@Tag(name = "imports", description = "数据导入 / GeoJSON import")
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

  @Inject MapImports imports;

  @POST
  @Path("/{kind}")
  @Consumes({
    "application/geo+json",
    MediaType.APPLICATION_JSON,
    MediaType.APPLICATION_OCTET_STREAM
  })
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "importMapFeatures",
      summary = "导入GeoJSON要素集 / import a GeoJSON FeatureCollection",
      description =
          "kind = areas | grids | components | pipes | cameras. The body is streamed, validated"
              + " (structure, codes, class catalogue, county box, duplicate ids, PostGIS"
              + " ST_IsValid) and the accepted features are upserted by id in one transaction; the"
              + " answer is a report {total, accepted, rejected:[{index, id, field, reasonZh,"
              + " reasonEn}]}. A file-level problem (not a FeatureCollection, CRS other than WGS84)"
              + " loads nothing. crs=GCJ02 converts GCJ-02 input to WGS84.")
  public MapImports.ImportReport importFeatures(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"areas", "grids", "components", "pipes", "cameras"}))
          @PathParam("kind")
          String kind,
      @QueryParam("crs") String crs,
      InputStream body) {
    FeatureKind k;
    try {
      k = FeatureKind.parse(kind);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "kind",
          "unknown",
          "须为 areas/grids/components/pipes/cameras / must be one of areas, grids,"
              + " components, pipes, cameras");
    }
    if (body == null) {
      throw ProblemException.invalidField("body", "required", "必填 / required");
    }
    return imports.importFeatures(k, body, Params.crs(crs));
  }
}
