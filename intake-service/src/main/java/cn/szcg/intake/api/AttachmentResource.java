package cn.szcg.intake.api;

import cn.szcg.intake.infra.Attachment;
import cn.szcg.intake.infra.AttachmentView;
import cn.szcg.intake.infra.ReportAccess;
import cn.szcg.platform.files.FileNames;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Reading attachments: the stored bytes exactly as uploaded, with their SHA-256. The center,
 * the efficiency office and the county government read every attachment; a collector
 * those of their own reports and of the verification tasks given to them; a unit or department that
 * holds or held an order of the case, and the collector ordered to check it, every attachment of
 * the report (R-13, R-15; {@code ReportAccess}); 404 for any other. Attachments are append-only
 * evidence: never changed or deleted (migration V7).
 */
@Path("/api/v1/attachments")
@RolesAllowed({
  Roles.OPERATOR,
  Roles.SHIFT_LEAD,
  Roles.DISPATCHER,
  Roles.SUPERVISION_OFFICE,
  Roles.ADMIN,
  Roles.EFFICIENCY_OFFICE,
  Roles.COUNTY_GOVERNMENT,
  Roles.COLLECTOR,
  Roles.UNIT_RECEIVER,
  Roles.UNIT_LEADER,
  Roles.UNIT_HANDLER
})
@Tag(name = "attachments", description = "附件 / attachments (evidence, R-10)")
public class AttachmentResource {

  @Inject ReportAccess access;

  @GET
  @Path("/{id}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "getAttachmentContent",
      summary = "下载附件 / the bytes of an attachment",
      description =
          "Content-Type as uploaded (checked against the bytes at upload); headers"
              + " X-Content-SHA256 (hex) and Digest (sha-256, base64) let the reader check the"
              + " bytes are unaltered; X-Content-Type-Options: nosniff; Content-Disposition inline"
              + " with the sanitised name (RFC 6266 filename*).")
  @Transactional
  public Response bytes(@PathParam("id") UUID id) {
    Attachment a = Attachment.findById(id);
    if (a == null || !access.mayReadAttachment(a.reportId, a.verificationId)) {
      throw ProblemException.notFound("attachment", id.toString());
    }
    return Response.ok(a.content, a.contentType)
        .header("X-Content-SHA256", a.sha256)
        .header(
            "Digest",
            "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256)))
        .header("ETag", "\"" + a.sha256 + "\"")
        // issue 19: never sniffed into another type; the name as RFC 6266 (ASCII fallback and the
        // UTF-8 name percent-encoded), sanitised again for names stored before the upload did it
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            FileNames.contentDisposition("inline", a.fileName, "attachment-" + a.id + extension(a)))
        .build();
  }

  @GET
  @Path("/{id}/meta")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(operationId = "getAttachmentMeta", summary = "附件信息 / attachment metadata and hash")
  @Transactional
  public AttachmentView meta(@PathParam("id") UUID id) {
    AttachmentView v = AttachmentView.meta(id);
    if (v == null || !access.mayReadAttachment(v.reportId(), v.verificationTaskId())) {
      throw ProblemException.notFound("attachment", id.toString());
    }
    return v;
  }

  private static String extension(Attachment a) {
    return switch (a.contentType == null ? "" : a.contentType) {
      case "image/jpeg" -> ".jpg";
      case "image/png" -> ".png";
      case "image/webp" -> ".webp";
      case "video/mp4" -> ".mp4";
      case "application/pdf" -> ".pdf";
      default -> "";
    };
  }
}
