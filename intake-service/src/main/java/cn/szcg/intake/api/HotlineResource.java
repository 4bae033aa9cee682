package cn.szcg.intake.api;

import cn.szcg.intake.domain.IntakeState;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.ReportQueries;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Status back to the county hotline platform (热线): a pull endpoint per ticket and a cursor feed of
 * changes (the same rows the optional webhook pushes). A merged ticket reports the status of the
 * case it was merged into. No reporter data leaves here. Read by the hotline platform's client and
 * by the center's operators, shift leads and administrators.
 */
@Path("/api/v1/hotline")
@RolesAllowed({Roles.HOTLINE_PLATFORM, Roles.OPERATOR, Roles.SHIFT_LEAD, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "hotline", description = "热线对接 / hotline platform integration")
public class HotlineResource {

  @Inject ReportQueries reports;

  /** The status of one hotline ticket. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TicketStatus(
      String sourceRef,
      String reportNo,
      String status,
      String statusZh,
      String caseState,
      Instant caseStateAt,
      String mergedIntoReportNo,
      String answer,
      String rejectionReason,
      Instant registeredAt,
      Instant updatedAt) {}

  /** One change in the feed. */
  public record StatusChange(
      long id, String eventId, String sourceRef, String reportNo, String status, Instant at) {}

  @GET
  @Path("/tickets/{sourceRef}/status")
  @Operation(
      operationId = "getHotlineTicketStatus",
      summary = "查询工单办理状态 / status of a hotline ticket",
      description =
          "By the hotline's own ticket reference (sourceRef). status is the intake state"
              + " (REGISTERED, VERIFICATION_PENDING, VERIFIED, REFUTED, FILED, REJECTED, ANSWERED); a"
              + " merged ticket shows the state of the case it was merged into. After filing,"
              + " caseState is the case's state in dispatch (e.g. DISPATCHED, CLOSED).")
  @Transactional
  public TicketStatus status(@PathParam("sourceRef") @Size(max = 128) String sourceRef) {
    Report r = reports.hotlineTicket(sourceRef);
    if (r == null) {
      throw ProblemException.notFound("hotline ticket", sourceRef);
    }
    Report effective = r;
    String mergedNo = null;
    for (int hops = 0; effective.mergedInto != null && hops < 10; hops++) {
      Report p = Report.findById(effective.mergedInto);
      if (p == null) {
        break;
      }
      mergedNo = p.reportNo;
      effective = p;
    }
    return new TicketStatus(
        sourceRef,
        r.reportNo,
        effective.status,
        IntakeState.valueOf(effective.status).displayName().zh(),
        effective.caseState,
        effective.caseStateAt,
        mergedNo,
        r.answer,
        effective.rejectionReason,
        r.registeredAt,
        effective.updatedAt);
  }

  @GET
  @Path("/status-changes")
  @Operation(
      operationId = "listHotlineStatusChanges",
      summary = "状态变更流 / feed of status changes",
      description =
          "Intake states, and after filing the case's dispatch states. Changes with id > after, oldest first; the caller keeps the last id as its cursor."
              + " eventId is stable (deduplicate by it; the webhook sends the same).")
  @Transactional
  public List<StatusChange> changes(
      @QueryParam("after") @DefaultValue("0") @Min(0) long after,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(200) int limit) {
    List<StatusChange> out = new ArrayList<>();
    for (ReportQueries.HotlineStatusRow o : reports.hotlineStatusChanges(after, limit)) {
      out.add(
          new StatusChange(
              o.id(), "intake-hotline-" + o.id(), o.sourceRef(), o.reportNo(), o.status(), o.at()));
    }
    return out;
  }
}
