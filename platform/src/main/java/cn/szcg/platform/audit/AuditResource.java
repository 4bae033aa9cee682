package cn.szcg.platform.audit;

import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's audit trail, for the supervision office (督查室) and administrators. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SUPERVISION_OFFICE, Roles.ADMIN})
@Tag(name = "audit", description = "审计日志 / the audit trail of this service")
public class AuditResource {

  @Inject AuditTrail trail;

  /** Newest first; page with {@code before} = the smallest id of the previous page. */
  @GET
  @Operation(operationId = "listAuditTrail", summary = "审计日志（最新在前）/ the audit trail, newest first")
  public List<AuditEntry> list(
      @QueryParam("before") Long before,
      @QueryParam("who") String who,
      @QueryParam("limit") Integer limit) {
    int n = limit == null ? 100 : limit;
    if (n < 1 || n > 1000) {
      throw ProblemException.invalidField("limit", "out-of-range", "1 到 1000 / between 1 and 1000");
    }
    if (before != null && before < 1) {
      throw ProblemException.invalidField("before", "out-of-range", "必须为正数 / must be positive");
    }
    return trail.page(before, who == null || who.isBlank() ? null : who, n);
  }

  /** Re-computes the hash chain: {@code intact} false names the first row that was changed. */
  @GET
  @Path("/verification")
  @Operation(
      operationId = "verifyAuditTrail",
      summary = "校验审计日志哈希链 / re-compute the audit trail's hash chain")
  public AuditTrail.Verification verify() {
    return trail.verify();
  }
}
