package cn.szcg.dispatch.api;

import cn.szcg.dispatch.application.PhotoUploads;
import cn.szcg.dispatch.domain.PhotoPurpose;
import cn.szcg.dispatch.infra.CurrentActor;
import cn.szcg.dispatch.infra.UploadSession;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.upload.ResumableUploads;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Resumable upload of an evidence photo (断点续传, issue 18; docs/api.md "Resumable uploads"): the
 * collector's check photo (CHECK, R-15) or the unit's after-photo (AFTER, SUB_AFTER, R-14), with
 * the protocol of intake's {@code /api/v1/uploads} (platform {@link ResumableUploads}). The
 * completed bytes become a case photo exactly as {@code POST /api/v1/cases/{caseId}/photos} would
 * store them. Only the uploader sees and extends a session (404 for anyone else).
 */
@Path("/api/v1/uploads")
@RolesAllowed({Roles.UNIT_RECEIVER, Roles.UNIT_LEADER, Roles.UNIT_HANDLER, Roles.COLLECTOR})
@Tag(name = "cases", description = "案件派遣与处置 / cases: dispatch, handling, check, closing")
public class PhotoUploadResource {

  public static final String OFFSET = ResumableUploads.OFFSET;

  @Inject PhotoUploads uploads;
  @Inject CurrentActor current;

  /** A session's declaration: the case, the purpose, the photo's type, length and SHA-256. */
  public record OpenPhotoUpload(
      @NotBlank @Size(max = 64) String caseId,
      @Schema(implementation = PhotoPurpose.class) @NotBlank @Size(max = 20) String purpose,
      @Size(max = 255) String fileName,
      @Schema(
              type = SchemaType.STRING,
              enumeration = {"image/jpeg", "image/png", "image/webp"})
          @NotBlank
          @Size(max = 100)
          String contentType,
      @NotNull @Positive Long length,
      @NotBlank @Size(max = 64) String sha256,
      Double lon,
      Double lat,
      @Size(max = 40) String takenAt) {}

  /** A session as its uploader sees it. */
  public record PhotoUploadView(
      UUID id,
      String caseId,
      String purpose,
      String contentType,
      long length,
      String sha256,
      long offset,
      String state,
      String photoId,
      String failure,
      Instant expiresAt) {
    static PhotoUploadView of(UploadSession s) {
      return new PhotoUploadView(
          s.id,
          s.caseId,
          s.purpose,
          s.contentType,
          s.length,
          s.sha256,
          s.received,
          s.state,
          s.photoId,
          s.failure,
          s.expiresAt);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "openEvidencePhotoUpload",
      summary = "开始断点续传证据照片 / open a resumable upload of an evidence photo",
      description =
          "The checks of POST /api/v1/cases/{caseId}/photos that need no bytes run at once: 404"
              + " unseen case, 400 purpose, 403/409 when the caller may not add photos of this"
              + " purpose now, 415 type, 413 length (≤ 10 MiB), 400 lon/lat. 201 with the session"
              + " (offset 0). The same uploader declaring the same bytes again gets the same"
              + " session with its stored offset (200); bytes already this uploader's photo of the"
              + " case answer a COMPLETED session with photoId. Sessions expire 24 h after their"
              + " last chunk.")
  public Response open(@NotNull @Valid OpenPhotoUpload body) {
    PhotoUploads.Opened o =
        uploads.open(
            new PhotoUploads.Declared(
                body.caseId(),
                body.purpose(),
                body.fileName(),
                body.contentType(),
                body.length(),
                body.sha256(),
                body.lon(),
                body.lat(),
                CaseResource.instant("takenAt", body.takenAt())),
            current.userId(),
            Instant.now());
    PhotoUploadView v = PhotoUploadView.of(o.session());
    Response.ResponseBuilder r =
        o.created() ? Response.created(URI.create("/api/v1/uploads/" + v.id())) : Response.ok();
    return r.entity(v).header(OFFSET, v.offset()).build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getEvidencePhotoUpload",
      summary = "续传进度 / the stored offset of an evidence photo upload",
      description =
          "offset = bytes stored (the next chunk starts there), state OPEN, COMPLETED (with"
              + " photoId) or FAILED (with the reason). Only the uploader; 404 otherwise.")
  public Response get(@PathParam("id") UUID id) {
    PhotoUploadView v = PhotoUploadView.of(uploads.get(id, current.userId()));
    return Response.ok(v).header(OFFSET, v.offset()).build();
  }

  @HEAD
  @Path("/{id}")
  @Operation(
      operationId = "getEvidencePhotoUploadOffset",
      summary = "续传偏移 / the stored offset (header Upload-Offset only)")
  public Response head(@PathParam("id") UUID id) {
    UploadSession s = uploads.get(id, current.userId());
    return Response.ok()
        .header(OFFSET, s.received)
        .header("Upload-Length", s.length)
        .header("Cache-Control", "no-store")
        .build();
  }

  @PATCH
  @Path("/{id}")
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "appendEvidencePhotoUploadChunk",
      summary = "上传一块 / append a chunk of an evidence photo at an offset",
      description =
          "Header Upload-Offset = where the body's bytes start (≤ 4 MiB a chunk). At the stored"
              + " offset: appended. Ending at or before it: already stored, acknowledged (200)."
              + " Starting after it: 409 problem+json (field Upload-Offset, header Upload-Offset ="
              + " the stored offset). Past the declared length: 400. The last chunk completes the"
              + " upload: SHA-256 must match (else 422 sha256 hash_mismatch, the bytes discarded,"
              + " offset 0), then the bytes are stored as by POST /api/v1/cases/{caseId}/photos"
              + " (its refusals end the session FAILED); the answer carries state COMPLETED and"
              + " photoId.")
  public Response append(
      @PathParam("id") UUID id, @HeaderParam(OFFSET) String offsetHeader, byte[] body) {
    long offset = ResumableUploads.offset(offsetHeader);
    PhotoUploads.Appended a = uploads.append(id, offset, body, current.userId(), Instant.now());
    PhotoUploadView v = PhotoUploadView.of(a.session());
    RuntimeException refusal = a.refusal();
    if (refusal instanceof ProblemException p) {
      Response r =
          Problems.response(p.status(), p.typeSlug(), p.title(), p.getMessage(), p.errors());
      r.getHeaders().putSingle(OFFSET, v.offset());
      return r;
    }
    if (refusal != null) {
      throw refusal; // a domain refusal (the case moved on): its usual problem+json answer
    }
    return Response.ok(v).header(OFFSET, v.offset()).build();
  }
}
