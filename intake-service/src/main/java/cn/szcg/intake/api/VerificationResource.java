package cn.szcg.intake.api;

import cn.szcg.intake.application.IntakeActions;
import cn.szcg.intake.infra.CurrentActor;
import cn.szcg.intake.infra.ReportAccess;
import cn.szcg.intake.infra.VerificationTask;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * On-site verification tasks (核实, R-05) for the collectors' app. The center reads every task; a
 * collector the tasks given to them and the open, unassigned ones (which any eligible collector may
 * take); only the collector the task is given to reports its result.
 */
@Path("/api/v1/verifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "verification", description = "现场核实 / on-site verification")
public class VerificationResource {

  @Inject IntakeActions actions;
  @Inject ReportAccess access;
  @Inject CurrentActor current;

  @GET
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.COLLECTOR
  })
  @Operation(
      operationId = "listVerificationTasks",
      summary = "核实任务列表 / verification tasks (by collector and status)",
      description =
          "A collector gets their own tasks and the open unassigned ones (collectorId, if given,"
              + " must be their own: 403 otherwise).")
  @Transactional
  public PageView<VerificationView> list(
      @QueryParam("collectorId") @Size(max = 64) String collectorId,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"PENDING", "CONFIRMED", "REFUTED", "CANCELLED"}))
          @QueryParam("status")
          @Pattern(regexp = "PENDING|CONFIRMED|REFUTED|CANCELLED")
          String status,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    String me = access.collectorScope();
    if (me != null && collectorId != null && !collectorId.equals(me)) {
      throw ProblemException.forbidden(
          "信息采集员只能查看本人的核实任务 / a collector sees only the tasks given to them");
    }
    VerificationTask.Listed listed = VerificationTask.listed(me, collectorId, status, page, size);
    long total = listed.total();
    List<VerificationView> items = listed.items().stream().map(VerificationView::of).toList();
    return new PageView<>(items, page, size, total);
  }

  @GET
  @Path("/{taskId}")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.COLLECTOR
  })
  @Operation(operationId = "getVerificationTask", summary = "核实任务 / a verification task")
  @Transactional
  public VerificationView get(@PathParam("taskId") UUID taskId) {
    VerificationTask t = VerificationTask.findById(taskId);
    if (t == null || !access.mayRead(t)) {
      throw ProblemException.notFound("verification task", taskId.toString());
    }
    return VerificationView.of(t);
  }

  @POST
  @Path("/{taskId}/result")
  @RolesAllowed(Roles.COLLECTOR)
  @Operation(
      operationId = "completeVerification",
      summary = "核实反馈 / the collector confirms or refutes",
      description =
          "Upload the on-site photos first (POST /api/v1/reports/{id}/attachments?purpose=VERIFICATION"
              + "&verificationTaskId=...). The collector must be certified and active (403"
              + " otherwise). Emits verification-completed; a confirmed public report may be"
              + " filed. Only the collector the task is given to (collector_id of the token; the"
              + " body's collectorId must be the same, else 403); another collector's task is 404, as reading"
              + " it is, without naming its collector.")
  public VerificationView complete(
      @PathParam("taskId") UUID taskId, @NotNull @Valid ActionRequests.VerificationResult body) {
    String me = current.collectorId();
    if (me == null || !me.equals(body.collectorId())) {
      throw ProblemException.forbidden(
          "信息采集员只能以本人身份反馈核实结果 / a collector reports results under their own collector id"
              + " (token: "
              + me
              + ")");
    }
    return VerificationView.of(
        actions.completeVerification(
            taskId, body.collectorId(), body.confirmed(), body.note(), Instant.now()));
  }
}
