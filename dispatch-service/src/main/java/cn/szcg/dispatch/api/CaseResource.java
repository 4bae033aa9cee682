package cn.szcg.dispatch.api;

import cn.szcg.dispatch.api.CaseRequests.AgreementBody;
import cn.szcg.dispatch.api.CaseRequests.CheckFailBody;
import cn.szcg.dispatch.api.CaseRequests.CheckOrderBody;
import cn.szcg.dispatch.api.CaseRequests.CheckPassBody;
import cn.szcg.dispatch.api.CaseRequests.DesignationBody;
import cn.szcg.dispatch.api.CaseRequests.DispatchBody;
import cn.szcg.dispatch.api.CaseRequests.ExtensionGrantBody;
import cn.szcg.dispatch.api.CaseRequests.ExtensionRequestBody;
import cn.szcg.dispatch.api.CaseRequests.FeedbackBody;
import cn.szcg.dispatch.api.CaseRequests.LeaderApprovalBody;
import cn.szcg.dispatch.api.CaseRequests.MeasuresBody;
import cn.szcg.dispatch.api.CaseRequests.NoteBody;
import cn.szcg.dispatch.api.CaseRequests.ReasonBody;
import cn.szcg.dispatch.api.CaseRequests.ReturnRequestBody;
import cn.szcg.dispatch.api.CaseRequests.SatisfactionBody;
import cn.szcg.dispatch.api.CaseRequests.SubOrderBody;
import cn.szcg.dispatch.api.CaseRequests.SubOrderReturnBody;
import cn.szcg.dispatch.api.CaseRequests.SuspensionBody;
import cn.szcg.dispatch.api.CaseRequests.TransferBody;
import cn.szcg.dispatch.api.CaseViews.CaseDetail;
import cn.szcg.dispatch.api.CaseViews.CaseMapCollection;
import cn.szcg.dispatch.api.CaseViews.CaseMapFeature;
import cn.szcg.dispatch.api.CaseViews.CommandResult;
import cn.szcg.dispatch.api.CaseViews.OrderView;
import cn.szcg.dispatch.api.CaseViews.Page;
import cn.szcg.dispatch.application.CaseCommands;
import cn.szcg.dispatch.application.CasePhotos;
import cn.szcg.dispatch.application.Dispatching;
import cn.szcg.dispatch.application.Proposals;
import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.CaseCommand;
import cn.szcg.dispatch.domain.CaseMapQuery;
import cn.szcg.dispatch.domain.CaseState;
import cn.szcg.dispatch.domain.CaseTransition;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchOrder;
import cn.szcg.dispatch.domain.DispatchProposal;
import cn.szcg.dispatch.domain.TransitionRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CasePositions;
import cn.szcg.dispatch.infra.CaseProblems;
import cn.szcg.dispatch.infra.CaseQueries;
import cn.szcg.dispatch.infra.CaseQueries.CaseSummary;
import cn.szcg.dispatch.infra.CaseQueries.OrderClocks;
import cn.szcg.dispatch.infra.CaseQueries.StepView;
import cn.szcg.dispatch.infra.CaseStore;
import cn.szcg.dispatch.infra.CurrentActor;
import cn.szcg.dispatch.infra.UnitStore;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cases in dispatch: queries and one command endpoint per transition of the state machine
 * (docs/case-lifecycle.md). Every command runs in one transaction and answers the step it made and
 * the case after it; the acting user comes from {@link CurrentActor}.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "案件派遣与处置 / cases: dispatch, handling, check, closing")
public class CaseResource {

  @Inject CaseStore cases;
  @Inject CaseCommands commands;
  @Inject Dispatching dispatching;
  @Inject CaseQueries queries;
  @Inject UnitStore units;
  @Inject CurrentActor currentActor;
  @Inject CaseProblems problems;
  @Inject CasePhotos evidence;
  @Inject CasePositions positions;

  // ------------------------------------------------------------------------------ queries

  @GET
  @Operation(
      operationId = "listCases",
      summary =
          "案件列表 / list cases (filters: state, unitId, township, category prefix, filed from/to)")
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
  public Page<CaseSummary> list(
      @Parameter(schema = @Schema(implementation = CaseState.class)) @QueryParam("state")
          String state,
      @QueryParam("unitId") String unitId,
      @QueryParam("township") String township,
      @QueryParam("category") String category,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    if (state != null) {
      try {
        CaseState.valueOf(state);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "state", "invalid-value", "未知状态 / unknown state " + state);
      }
    }
    CaseQueries.Slice<CaseSummary> found =
        queries.cases(
            new CaseQueries.CaseFilter(
                blank(state),
                blank(unitId),
                blank(township),
                blank(category),
                instant("from", from),
                instant("to", to)),
            currentActor.caseScope(),
            page,
            size);
    return new Page<>(found.items(), page, size, found.total());
  }

  @GET
  @Path("/positions")
  @Operation(
      operationId = "listCasePositions",
      summary = "地图上的案件 / cases on the map (bbox, states; GeoJSON)",
      description =
          "bbox=minLon,minLat,maxLon,maxLat (WGS84, required, ≤ 1 square degree), state=A,B"
              + " (default every open state), limit 1–5000 (default 2000, newest filings first)."
              + " Scoped as the case list. Id, 受理号, state, category, emergency — no reporter.")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.ADMIN
  })
  public CaseMapCollection positions(
      @QueryParam("bbox") String bbox,
      @QueryParam("state") String state,
      @QueryParam("limit") String limit) {
    CaseMapQuery q;
    try {
      q = CaseMapQuery.parse(bbox, state, limit);
    } catch (CaseMapQuery.Invalid e) {
      throw ProblemException.invalidField(e.field(), e.code(), e.getMessage());
    }
    List<CasePositions.Position> found = positions.find(q, currentActor.caseScope());
    boolean truncated = found.size() > q.limit();
    List<CaseMapFeature> features =
        found.stream().limit(q.limit()).map(CaseMapFeature::of).toList();
    return new CaseMapCollection(
        "FeatureCollection", features, features.size(), q.limit(), truncated);
  }

  @GET
  @Path("/{caseId}")
  @Operation(
      operationId = "getCase",
      summary = "查看案件 / read a case with its orders, requests, checks and next steps")
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
  public CaseDetail get(@PathParam("caseId") String caseId) {
    cases.findVisible(caseId);
    return detail(caseId);
  }

  @GET
  @Path("/{caseId}/history")
  @Operation(
      operationId = "getCaseHistory",
      summary = "案件流转记录 / the case's steps (who, role, unit, when, why)")
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
    Roles.UNIT_HANDLER
  })
  public List<StepView> history(@PathParam("caseId") String caseId) {
    cases.findVisible(caseId);
    return queries.history(caseId);
  }

  /** The matrix's proposal with what went into it. */
  public record ProposalView(
      String caseId,
      String proposedUnitId,
      String proposedUnitName,
      String ruleId,
      String explanationZh,
      String explanationEn,
      List<String> tiedUnitIds,
      List<String> excludedUnitIds,
      String componentId,
      String maintainerStatus,
      String maintainerName,
      String maintainerUnitId) {}

  @GET
  @Path("/{caseId}/dispatch-proposal")
  @Operation(
      operationId = "getDispatchProposal",
      summary =
          "派遣建议 / the responsibility matrix's proposal (component maintainer from gis-service first)")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN
  })
  public ProposalView proposal(@PathParam("caseId") String caseId) {
    Dispatching.ProposalFor found = dispatching.proposal(caseId);
    DispatchCase c = found.dispatchCase();
    UnitRegister reg = found.register();
    Proposals.Proposal p = found.p();
    DispatchProposal dp = p.proposal();
    String unit = dp.proposedUnitId().orElse(null);
    return new ProposalView(
        caseId,
        unit,
        unit == null ? null : reg.find(unit).map(r -> r.current().name()).orElse(null),
        dp instanceof DispatchProposal.UnitFound f ? f.ruleId() : null,
        dp.explanationZh(),
        dp.explanationEn(),
        dp instanceof DispatchProposal.NoUnitFound n ? n.tiedUnitIds() : List.of(),
        List.copyOf(p.excludedUnitIds()),
        c.componentId(),
        p.maintainer().status().name(),
        p.maintainer().maintainerName(),
        p.maintainer().unitId());
  }

  // ------------------------------------------------------------------------------ dispatch

  @POST
  @Path("/{caseId}/dispatch")
  @Operation(
      operationId = "dispatchCase",
      summary =
          "派遣 / dispatch: confirm the matrix's proposal, or choose another unit with a reason")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD, Roles.DISPATCHER})
  public CommandResult dispatch(
      @PathParam("caseId") String caseId, @Valid @NotNull DispatchBody b) {
    return answer(
        dispatching.dispatch(
            caseId,
            blank(b.unitId()),
            blank(b.overrideReason()),
            b.cooperatingUnitIds(),
            b.requirements()));
  }

  // ------------------------------------------------------------------------------ unit steps

  @POST
  @Path("/{caseId}/sign-for")
  @Operation(
      operationId = "signForOrder",
      summary = "签收 / sign for the order (the time of reading, R-13)")
  @RolesAllowed({Roles.UNIT_RECEIVER, Roles.UNIT_LEADER})
  public CommandResult signFor(@PathParam("caseId") String caseId, @Valid NoteBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.SignFor(note(b)));
  }

  @POST
  @Path("/{caseId}/leader-approval")
  @Operation(
      operationId = "approveOrderAsLeader",
      summary = "批办 / the unit's leader in charge approves the order; handling starts")
  @RolesAllowed({Roles.UNIT_LEADER})
  public CommandResult leaderApproval(
      @PathParam("caseId") String caseId, @Valid LeaderApprovalBody b) {
    return run(
        caseId, (c, a, at) -> new CaseCommand.ApproveByLeader(b == null ? null : b.instructions()));
  }

  @POST
  @Path("/{caseId}/return-requests")
  @Operation(
      operationId = "requestOrderReturn",
      summary = "回退申请 / ask to return the order within the return window (R-16)")
  @RolesAllowed({Roles.UNIT_RECEIVER, Roles.UNIT_LEADER})
  public CommandResult requestReturn(
      @PathParam("caseId") String caseId, @Valid @NotNull ReturnRequestBody b) {
    return answer(dispatching.requestReturn(caseId, b.reason(), b.proposedUnitId()));
  }

  @POST
  @Path("/{caseId}/return-requests/approve")
  @Operation(
      operationId = "approveOrderReturn",
      summary = "同意回退 / approve the return: the order is withdrawn, the case awaits dispatch")
  @RolesAllowed({Roles.SHIFT_LEAD})
  public CommandResult approveReturn(@PathParam("caseId") String caseId, @Valid NoteBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.ApproveReturn(note(b)));
  }

  @POST
  @Path("/{caseId}/return-requests/refuse")
  @Operation(
      operationId = "refuseOrderReturn",
      summary = "驳回回退 / refuse the return: the unit goes on")
  @RolesAllowed({Roles.SHIFT_LEAD})
  public CommandResult refuseReturn(
      @PathParam("caseId") String caseId, @Valid @NotNull ReasonBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.RefuseReturn(b.reason()));
  }

  @POST
  @Path("/{caseId}/extension-requests")
  @Operation(
      operationId = "requestExtension",
      summary = "延期申请 / ask for more time (not for emergencies, R-20)")
  @RolesAllowed({Roles.UNIT_HANDLER, Roles.UNIT_LEADER})
  public CommandResult requestExtension(
      @PathParam("caseId") String caseId, @Valid @NotNull ExtensionRequestBody b) {
    return run(
        caseId, (c, a, at) -> new CaseCommand.RequestExtension(b.reason(), b.requestedDeadline()));
  }

  @POST
  @Path("/{caseId}/extension-requests/approve")
  @Operation(
      operationId = "grantExtension",
      summary = "同意延期 / grant the extension (the granted deadline may differ)")
  @RolesAllowed({Roles.SHIFT_LEAD, Roles.DISPATCHER})
  public CommandResult grantExtension(
      @PathParam("caseId") String caseId, @Valid @NotNull ExtensionGrantBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.GrantExtension(b.grantedDeadline(), b.note()));
  }

  @POST
  @Path("/{caseId}/extension-requests/refuse")
  @Operation(operationId = "refuseExtension", summary = "驳回延期 / refuse the extension")
  @RolesAllowed({Roles.SHIFT_LEAD, Roles.DISPATCHER})
  public CommandResult refuseExtension(
      @PathParam("caseId") String caseId, @Valid @NotNull ReasonBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.RefuseExtension(b.reason()));
  }

  @POST
  @Path("/{caseId}/suspension")
  @Operation(
      operationId = "suspendHandling",
      summary =
          "挂起（缓办）/ the shift lead suspends handling for a recorded reason; the clocks pause"
              + " (never for emergencies, R-20)")
  @RolesAllowed({Roles.SHIFT_LEAD})
  public CommandResult suspend(
      @PathParam("caseId") String caseId, @Valid @NotNull SuspensionBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.Suspend(b.reasonCode(), b.reason()));
  }

  @POST
  @Path("/{caseId}/resumption")
  @Operation(
      operationId = "resumeHandling",
      summary = "恢复 / the shift lead resumes handling; the deadline moves by the paused time")
  @RolesAllowed({Roles.SHIFT_LEAD})
  public CommandResult resume(@PathParam("caseId") String caseId, @Valid NoteBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.Resume(note(b)));
  }

  @POST
  @Path("/{caseId}/sub-orders")
  @Operation(
      operationId = "dispatchSubOrder",
      summary = "二级派遣 / a township body re-dispatches to one of its own departments (R-02)")
  @RolesAllowed({Roles.UNIT_LEADER, Roles.UNIT_RECEIVER})
  public CommandResult subOrder(
      @PathParam("caseId") String caseId, @Valid @NotNull SubOrderBody b) {
    return answer(dispatching.redispatchToSubUnit(caseId, b.subUnitId(), b.requirements()));
  }

  @POST
  @Path("/{caseId}/sub-orders/{subOrderId}/sign-for")
  @Operation(
      operationId = "signForSubOrder",
      summary = "二级签收 / the department signs for its sub-order")
  @RolesAllowed({Roles.UNIT_RECEIVER, Roles.UNIT_LEADER})
  public CommandResult signForSubOrder(
      @PathParam("caseId") String caseId,
      @PathParam("subOrderId") String subOrderId,
      @Valid NoteBody b) {
    return runOnSubOrder(
        caseId, subOrderId, (c, a, at) -> new CaseCommand.SignForSubOrder(note(b)));
  }

  @POST
  @Path("/{caseId}/sub-orders/{subOrderId}/feedback")
  @Operation(
      operationId = "submitSubOrderFeedback",
      summary = "二级反馈 / the department reports to its township body, with after-photos")
  @RolesAllowed({Roles.UNIT_HANDLER, Roles.UNIT_LEADER})
  public CommandResult subFeedback(
      @PathParam("caseId") String caseId,
      @PathParam("subOrderId") String subOrderId,
      @Valid @NotNull FeedbackBody b) {
    return runOnSubOrder(
        caseId,
        subOrderId,
        (c, a, at) -> new CaseCommand.SubmitSubFeedback(b.description(), b.photoIds()));
  }

  @POST
  @Path("/{caseId}/sub-orders/{subOrderId}/return-requests")
  @Operation(
      operationId = "requestSubOrderReturn",
      summary =
          "二级回退申请 / the department asks, within 1 working hour of the sub-dispatch, to return"
              + " the sub-order to its township body (reason, suggested unit; R-02, R-16)")
  @RolesAllowed({Roles.UNIT_RECEIVER, Roles.UNIT_LEADER})
  public CommandResult requestSubOrderReturn(
      @PathParam("caseId") String caseId,
      @PathParam("subOrderId") String subOrderId,
      @Valid @NotNull SubOrderReturnBody b) {
    return answer(
        dispatching.requestSubOrderReturn(caseId, subOrderId, b.reason(), b.suggestedUnitId()));
  }

  @POST
  @Path("/{caseId}/sub-orders/{subOrderId}/return-requests/approve")
  @Operation(
      operationId = "approveSubOrderReturn",
      summary = "同意二级回退 / the township body approves: the sub-order is withdrawn (RETURNED)")
  @RolesAllowed({Roles.UNIT_LEADER, Roles.UNIT_RECEIVER})
  public CommandResult approveSubOrderReturn(
      @PathParam("caseId") String caseId,
      @PathParam("subOrderId") String subOrderId,
      @Valid NoteBody b) {
    return runOnOwnSubOrder(
        caseId,
        subOrderId,
        (c, a, at) -> new CaseCommand.ApproveSubOrderReturn(subOrderId, note(b)));
  }

  @POST
  @Path("/{caseId}/sub-orders/{subOrderId}/return-requests/refuse")
  @Operation(
      operationId = "refuseSubOrderReturn",
      summary = "驳回二级回退 / the township body refuses, with a reason: the department goes on")
  @RolesAllowed({Roles.UNIT_LEADER, Roles.UNIT_RECEIVER})
  public CommandResult refuseSubOrderReturn(
      @PathParam("caseId") String caseId,
      @PathParam("subOrderId") String subOrderId,
      @Valid @NotNull ReasonBody b) {
    return runOnOwnSubOrder(
        caseId,
        subOrderId,
        (c, a, at) -> new CaseCommand.RefuseSubOrderReturn(subOrderId, b.reason()));
  }

  @POST
  @Path("/{caseId}/feedback")
  @Operation(
      operationId = "submitFeedback",
      summary = "处理反馈 / the unit reports the result with after-photos (R-14)")
  @RolesAllowed({Roles.UNIT_HANDLER, Roles.UNIT_LEADER})
  public CommandResult feedback(
      @PathParam("caseId") String caseId, @Valid @NotNull FeedbackBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.SubmitFeedback(b.description(), b.photoIds()));
  }

  // ------------------------------------------------------------------------------ check, close

  @POST
  @Path("/{caseId}/check-orders")
  @Operation(
      operationId = "orderCheck",
      summary = "指令核查 / order a collector to check on site (R-15)")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD, Roles.DISPATCHER})
  public CommandResult orderCheck(
      @PathParam("caseId") String caseId, @Valid @NotNull CheckOrderBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.OrderCheck(b.collectorId(), b.note()));
  }

  @POST
  @Path("/{caseId}/checks/pass")
  @Operation(
      operationId = "passCheck",
      summary = "核查通过 / the collector passes the check, with photos")
  @RolesAllowed({Roles.COLLECTOR})
  public CommandResult passCheck(
      @PathParam("caseId") String caseId, @Valid @NotNull CheckPassBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.PassCheck(b.note(), b.photoIds()));
  }

  @POST
  @Path("/{caseId}/checks/fail")
  @Operation(
      operationId = "failCheck",
      summary = "核查不通过 / the collector fails the check: dispatched again to the same unit")
  @RolesAllowed({Roles.COLLECTOR})
  public CommandResult failCheck(
      @PathParam("caseId") String caseId, @Valid @NotNull CheckFailBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.FailCheck(b.reason(), b.photoIds()));
  }

  @POST
  @Path("/{caseId}/close")
  @Operation(operationId = "closeCase", summary = "结案 / close the case after a passed check")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD})
  public CommandResult close(@PathParam("caseId") String caseId, @Valid NoteBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.Close(note(b)));
  }

  @POST
  @Path("/{caseId}/satisfaction")
  @Operation(
      operationId = "recordSatisfaction",
      summary =
          "满意度回访 / record the public reporter's satisfaction (R-25); the 12345 platform for its"
              + " own tickets (HOTLINE cases) only")
  @RolesAllowed({Roles.OPERATOR, Roles.HOTLINE_PLATFORM})
  public CommandResult satisfaction(
      @PathParam("caseId") String caseId, @Valid @NotNull SatisfactionBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.RecordSatisfaction(b.level(), b.comment()));
  }

  // ------------------------------------------------------------------------------ unclear,
  // emergency

  @POST
  @Path("/{caseId}/coordination")
  @Operation(
      operationId = "startCoordination",
      summary = "协调 / start coordination: no unit clearly responsible (R-17)")
  @RolesAllowed({Roles.DISPATCHER, Roles.SHIFT_LEAD})
  public CommandResult coordination(
      @PathParam("caseId") String caseId, @Valid @NotNull ReasonBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.StartCoordination(b.reason()));
  }

  @POST
  @Path("/{caseId}/coordination/agreement")
  @Operation(
      operationId = "recordCoordinationAgreement",
      summary = "协调一致 / record the binding agreement; the order goes to the agreed unit (R-19)")
  @RolesAllowed({Roles.SHIFT_LEAD})
  public CommandResult agreement(
      @PathParam("caseId") String caseId, @Valid @NotNull AgreementBody b) {
    return answer(
        dispatching.recordAgreement(
            caseId,
            b.agreedUnitId(),
            b.participatingUnitIds(),
            b.agreementText(),
            b.requirements()));
  }

  @POST
  @Path("/{caseId}/escalation-to-county-government")
  @Operation(
      operationId = "escalateToCountyGovernment",
      summary = "报县政府 / escalate to the county government (R-17)")
  @RolesAllowed({Roles.SHIFT_LEAD})
  public CommandResult escalate(@PathParam("caseId") String caseId, @Valid @NotNull ReasonBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.EscalateToCountyGovernment(b.reason()));
  }

  @POST
  @Path("/{caseId}/designation")
  @Operation(
      operationId = "recordCountyDesignation",
      summary = "县政府指定 / record the county government's designation of the unit (binding)")
  @RolesAllowed({Roles.COUNTY_GOVERNMENT, Roles.SHIFT_LEAD})
  public CommandResult designate(
      @PathParam("caseId") String caseId, @Valid @NotNull DesignationBody b) {
    return answer(
        dispatching.designate(caseId, b.unitId(), b.decisionReference(), b.requirements()));
  }

  @POST
  @Path("/{caseId}/emergency-arrangement")
  @Operation(
      operationId = "startEmergencyArrangement",
      summary =
          "应急处置 / emergency without an identifiable unit: the county government arranges first (R-18)")
  @RolesAllowed({Roles.SHIFT_LEAD, Roles.COUNTY_GOVERNMENT})
  public CommandResult emergency(@PathParam("caseId") String caseId, @Valid @NotNull ReasonBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.StartEmergencyArrangement(b.reason()));
  }

  @POST
  @Path("/{caseId}/emergency-arrangement/measures")
  @Operation(
      operationId = "recordEmergencyMeasures",
      summary = "记录应急措施 / record the measures taken under the emergency arrangement")
  @RolesAllowed({Roles.COUNTY_GOVERNMENT, Roles.SHIFT_LEAD})
  public CommandResult measures(
      @PathParam("caseId") String caseId, @Valid @NotNull MeasuresBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.RecordEmergencyMeasures(b.measures()));
  }

  // ------------------------------------------------------------------------------ outcomes

  @POST
  @Path("/{caseId}/law-enforcement-transfer")
  @Operation(
      operationId = "transferToLawEnforcement",
      summary = "移交执法 / transfer to law enforcement (a closing outcome, R-21)")
  @RolesAllowed({Roles.SHIFT_LEAD, Roles.DISPATCHER})
  public CommandResult transfer(
      @PathParam("caseId") String caseId, @Valid @NotNull TransferBody b) {
    return run(
        caseId,
        (c, a, at) -> new CaseCommand.TransferToLawEnforcement(b.enforcementBody(), b.reason()));
  }

  @POST
  @Path("/{caseId}/cancel")
  @Operation(
      operationId = "cancelCase",
      summary = "作废 / cancel a wrongly filed case, with a reason")
  @RolesAllowed({Roles.SHIFT_LEAD, Roles.ADMIN})
  public CommandResult cancel(@PathParam("caseId") String caseId, @Valid @NotNull ReasonBody b) {
    return run(caseId, (c, a, at) -> new CaseCommand.Cancel(b.reason()));
  }

  // ------------------------------------------------------------------------------ helpers

  private CommandResult run(String caseId, CaseCommands.CommandBuilder builder) {
    return answer(commands.execute(caseId, builder));
  }

  private CommandResult runOnSubOrder(
      String caseId, String subOrderId, CaseCommands.CommandBuilder builder) {
    return answer(commands.onSubOrder(caseId, subOrderId, builder));
  }

  private CommandResult runOnOwnSubOrder(
      String caseId, String subOrderId, CaseCommands.CommandBuilder builder) {
    return answer(commands.onOwnSubOrder(caseId, subOrderId, builder));
  }

  /** The step a command made and the case as committed after it. */
  private CommandResult answer(CaseCommands.Result r) {
    return new CommandResult(step(r.step()), detail(r.step().caseId()));
  }

  static StepView step(TransitionRecord r) {
    return new StepView(
        r.sequence(),
        r.transition().name(),
        r.transition().labelZh(),
        r.fromState() == null ? null : r.fromState().name(),
        r.toState().name(),
        r.actorUserId(),
        r.actorRole().name(),
        r.actorUnitId(),
        r.at(),
        r.reason(),
        r.orderId(),
        r.unitId(),
        r.data());
  }

  private CaseDetail detail(String caseId) {
    CaseEntity e = cases.reload(caseId);
    DispatchCase c = cases.domain(e);
    UnitRegister reg = units.load();
    Map<String, OrderClocks> clocks = queries.clocks(caseId);
    List<OrderView> orders = new ArrayList<>();
    for (DispatchOrder o : c.orders()) {
      String name = reg.find(o.unitId()).map(r -> r.current().name()).orElse(null);
      orders.add(CaseViews.order(o, name, clocks.get(o.orderId())));
    }
    // the steps open to any of the caller's roles, in the order of the transition table
    SortedSet<CaseTransition> allowed = new TreeSet<>();
    for (Actor a : currentActor.actors()) {
      allowed.addAll(c.availableTransitions(a));
    }
    return CaseViews.detail(
        e,
        c,
        orders,
        allowed.stream().map(DomainProblemMappers.Step::of).toList(),
        problems.of(caseId),
        evidence.photosOf(caseId));
  }

  private static String note(NoteBody b) {
    return b == null ? null : b.note();
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field,
          "invalid-format",
          "须为 ISO-8601 时刻 / an ISO-8601 instant, e.g. 2026-03-02T01:30:00Z");
    }
  }
}
