package cn.szcg.dispatch.api;

import cn.szcg.dispatch.api.EvidenceViews.PhotoView;
import cn.szcg.dispatch.application.CasePhotos;
import cn.szcg.dispatch.domain.PhotoPolicy;
import cn.szcg.dispatch.domain.PhotoPurpose;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.files.ImageType;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Evidence photos of a case's dispatch steps (R-10, R-14, R-15; docs/evidence.md): the unit's
 * after-photos (AFTER), a department's sub-order photos (SUB_AFTER), the collector's check photos
 * (CHECK). Uploaded here first; the feedback and check steps then name them by id.
 */
@Path("/api/v1/cases/{caseId}/photos")
@Tag(name = "cases", description = "案件派遣与处置 / cases: dispatch, handling, check, closing")
public class CasePhotoResource {

  @Inject CasePhotos store;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.UNIT_RECEIVER, Roles.UNIT_LEADER, Roles.UNIT_HANDLER, Roles.COLLECTOR})
  @Operation(
      operationId = "uploadEvidencePhoto",
      summary = "上传证据照片 / upload an evidence photo (after-photo, sub-order photo, check photo)",
      description =
          "The body is the raw image; Content-Type its type (image/jpeg, image/png, image/webp,"
              + " ≤ 10 MiB) and the bytes must be that type, magic number and decode (415"
              + " otherwise, 413 over the limit); at most 20 per uploader, order and purpose (409)."
              + " purpose = AFTER (the unit of the current order, while it handles it), SUB_AFTER"
              + " (the department holding an open sub-order) or CHECK (the collector ordered to"
              + " check, while the check is ordered); optional lon, lat (inside the county) and"
              + " takenAt from the device, fileName. Stored with its SHA-256; the same bytes again"
              + " from the same unit or collector answer the first photo (200).")
  @APIResponse(
      responseCode = "201",
      description = "已保存 / stored",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PhotoView.class)))
  @APIResponse(
      responseCode = "200",
      description = "同一照片已保存过 / the same bytes were stored before: the first photo",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = PhotoView.class)))
  public Response upload(
      @PathParam("caseId") String caseId,
      @Parameter(schema = @Schema(implementation = PhotoPurpose.class)) @QueryParam("purpose")
          String purpose,
      @QueryParam("lon") String lon,
      @QueryParam("lat") String lat,
      @QueryParam("takenAt") String takenAt,
      @QueryParam("fileName") @Size(max = 255) String fileName,
      @HeaderParam("Content-Type") String contentType,
      @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = "image/jpeg",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                    mediaType = "image/png",
                    schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(
                    mediaType = "image/webp",
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))
              })
          byte[] body) {
    CasePhotos.Stored s =
        store.upload(
            caseId,
            purpose,
            fileName,
            contentType,
            body,
            number("lon", lon),
            number("lat", lat),
            CaseResource.instant("takenAt", takenAt));
    PhotoView v = PhotoView.of(s.photo());
    return s.created()
        ? Response.created(URI.create(v.contentHref())).entity(v).build()
        : Response.ok(v).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER,
    Roles.COLLECTOR
  })
  @Operation(
      operationId = "listEvidencePhotos",
      summary = "证据照片列表 / the case's evidence photos (metadata, SHA-256, content link)")
  public List<PhotoView> list(@PathParam("caseId") String caseId) {
    return store.list(caseId).stream().map(PhotoView::of).toList();
  }

  @GET
  @Path("/{photoId}/content")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN,
    Roles.UNIT_RECEIVER,
    Roles.UNIT_LEADER,
    Roles.UNIT_HANDLER,
    Roles.COLLECTOR
  })
  @Operation(
      operationId = "getEvidencePhotoContent",
      summary = "证据照片内容 / the bytes of an evidence photo, exactly as uploaded",
      description =
          "Content-Type as stored (checked against the bytes at upload), X-Content-SHA256 to check"
              + " the bytes are unaltered, X-Content-Type-Options: nosniff, Content-Disposition"
              + " inline with the sanitised name (RFC 6266 filename*).")
  public Response content(
      @PathParam("caseId") String caseId, @PathParam("photoId") String photoId) {
    CasePhotos.Content c = store.content(caseId, photoId);
    ImageType type = ImageType.ofMediaType(c.photo().contentType()).orElseThrow();
    return Response.ok(c.bytes(), c.photo().contentType())
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            FileNames.contentDisposition(
                "inline",
                c.photo().fileName(),
                PhotoPolicy.safeFileName(null, c.photo().photoId(), type)))
        .header("X-Content-SHA256", c.photo().sha256())
        .header("ETag", "\"" + c.photo().sha256() + "\"")
        .header("Cache-Control", "private, max-age=3600")
        .build();
  }

  private static Double number(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.strip());
      if (!Double.isFinite(d)) {
        throw new NumberFormatException(value);
      }
      return d;
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField(
          field, "invalid-format", "须为十进制度数 / decimal degrees, e.g. 118.8632");
    }
  }
}
