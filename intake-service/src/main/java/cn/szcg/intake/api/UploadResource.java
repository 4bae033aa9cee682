package cn.szcg.intake.api;

import cn.szcg.intake.application.ResumableUploadService;
import cn.szcg.intake.infra.CurrentActor;
import cn.szcg.intake.infra.ReportAccess;
import cn.szcg.intake.infra.UploadSession;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.upload.ResumableUploads;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * Resumable photo upload (断点续传, issue 18; rules in {@code ResumableUpload}): the collector's phone
 * opens a session for one photo of a registered report, sends it in chunks with {@code
 * Upload-Offset}, and after a cut asks for the stored offset and goes on from there. The completed
 * bytes are verified (length, SHA-256, attachment policy) and become the report's attachment
 * exactly as a one-request upload would. Only the uploader sees and extends a session (404 for
 * anyone else).
 */
@Path("/api/v1/uploads")
@RolesAllowed({
  Roles.OPERATOR,
  Roles.SHIFT_LEAD,
  Roles.COLLECTOR,
  Roles.HOTLINE_PLATFORM,
  Roles.COUNTY_SYSTEM
})
@Tag(name = "attachments", description = "附件 / attachments (evidence, R-10)")
public class UploadResource {

  public static final String OFFSET = ResumableUploads.OFFSET;

  @Inject ResumableUploadService uploads;
  @Inject ReportAccess access;
  @Inject CurrentActor current;

  /** A session's declaration: the report, the photo's type, length and SHA-256. */
  public record OpenUpload(
      @NotNull UUID reportId,
      // AttachmentService.PURPOSES (case-insensitive; BEFORE when absent)
      @Schema(
              type = SchemaType.STRING,
              enumeration = {"BEFORE", "SNAPSHOT", "VERIFICATION"})
          @Pattern(regexp = "[A-Za-z]+")
          String purpose,
      UUID verificationTaskId,
      @Size(max = 255) String fileName,
      // the photo types the attachment policy allows (AttachmentPolicy)
      @Schema(
              type = SchemaType.STRING,
              enumeration = {"image/jpeg", "image/png", "image/webp"})
          @NotBlank
          @Size(max = 100)
          String contentType,
      @NotNull @Positive Long length,
      @NotBlank @Size(max = 64) String sha256) {}

  /** A session as its uploader sees it. */
  public record UploadView(
      UUID id,
      UUID reportId,
      String purpose,
      String contentType,
      long length,
      String sha256,
      long offset,
      String state,
      UUID attachmentId,
      String failure,
      Instant expiresAt) {
    static UploadView of(UploadSession s) {
      return new UploadView(
          s.id,
          s.reportId,
          s.purpose,
          s.contentType,
          s.length,
          s.sha256,
          s.received,
          s.state,
          s.attachmentId,
          s.failure,
          s.expiresAt);
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "openPhotoUpload",
      summary = "开始断点续传 / open a resumable upload of a photo",
      description =
          "For a registered report (same who-may-attach rule as POST"
              + " /api/v1/reports/{id}/attachments, 404 otherwise): declared contentType, length"
              + " and sha256 are checked against the attachment policy at once (415 type, 413"
              + " size: photos ≤ 10 MiB). 201 with the session (offset 0). The same uploader"
              + " declaring the same bytes again gets the same session with its stored offset"
              + " (200); bytes already an attachment of the report answer a COMPLETED session with"
              + " attachmentId — nothing is sent or stored twice. Sessions expire 24 h after their"
              + " last chunk.")
  public Response open(@NotNull @Valid OpenUpload body) {
    access.requireMayAttach(body.reportId(), body.verificationTaskId());
    ResumableUploadService.Opened o =
        uploads.open(
            body.reportId(),
            body.purpose(),
            body.verificationTaskId(),
            body.fileName(),
            body.contentType(),
            body.length(),
            body.sha256(),
            current.id(),
            Instant.now());
    UploadView v = UploadView.of(o.session());
    Response.ResponseBuilder r =
        o.created() ? Response.created(URI.create("/api/v1/uploads/" + v.id())) : Response.ok();
    return r.entity(v).header(OFFSET, v.offset()).build();
  }

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getPhotoUpload",
      summary = "续传进度 / the stored offset of an upload",
      description =
          "offset = bytes stored (the next chunk starts there), state OPEN, COMPLETED (with"
              + " attachmentId) or FAILED (with the reason). Only the uploader; 404 otherwise.")
  public Response get(@PathParam("id") UUID id) {
    UploadView v = UploadView.of(uploads.get(id, current.id()));
    return Response.ok(v).header(OFFSET, v.offset()).build();
  }

  @HEAD
  @Path("/{id}")
  @Operation(
      operationId = "getPhotoUploadOffset",
      summary = "续传偏移 / the stored offset (header Upload-Offset only)")
  public Response head(@PathParam("id") UUID id) {
    UploadSession s = uploads.get(id, current.id());
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
      operationId = "appendPhotoUploadChunk",
      summary = "上传一块 / append a chunk at an offset",
      description =
          "Header Upload-Offset = where the body's bytes start (≤ 4 MiB a chunk). At the stored"
              + " offset: appended. Ending at or before it: already stored, acknowledged (200)."
              + " Starting after it: 409 problem+json (field Upload-Offset, header Upload-Offset ="
              + " the stored offset). Past the declared length: 400. The last chunk completes the"
              + " upload: SHA-256 must match (else 422 sha256 hash_mismatch, the bytes discarded,"
              + " offset 0) and the attachment policy applies (415 contentType, 400 too_many);"
              + " the answer then carries state COMPLETED and attachmentId.")
  public Response append(
      @PathParam("id") UUID id, @HeaderParam(OFFSET) String offsetHeader, byte[] body) {
    long offset = ResumableUploads.offset(offsetHeader);
    ResumableUploadService.Appended a =
        uploads.append(id, offset, body, current.id(), Instant.now());
    UploadView v = UploadView.of(a.session());
    ProblemException p = a.refusal();
    if (p != null) {
      Response r =
          Problems.response(p.status(), p.typeSlug(), p.title(), p.getMessage(), p.errors());
      r.getHeaders().putSingle(OFFSET, v.offset());
      return r;
    }
    return Response.ok(v).header(OFFSET, v.offset()).build();
  }
}
