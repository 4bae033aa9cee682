package cn.szcg.intake.api;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.intake.application.AttachmentService;
import cn.szcg.intake.application.FilingService;
import cn.szcg.intake.application.IntakeActions;
import cn.szcg.intake.application.RegistrationService;
import cn.szcg.intake.domain.Actor;
import cn.szcg.intake.domain.Category;
import cn.szcg.intake.domain.ChannelPermissions;
import cn.szcg.intake.domain.DuplicateMatch;
import cn.szcg.intake.domain.FilingDecision;
import cn.szcg.intake.domain.IntakeAction;
import cn.szcg.intake.domain.IntakeState;
import cn.szcg.intake.domain.ReportCommand;
import cn.szcg.intake.domain.ReportListFilter;
import cn.szcg.intake.infra.AttachmentView;
import cn.szcg.intake.infra.CurrentActor;
import cn.szcg.intake.infra.DuplicateFinder;
import cn.szcg.intake.infra.FilingStandard;
import cn.szcg.intake.infra.Report;
import cn.szcg.intake.infra.ReportAccess;
import cn.szcg.intake.infra.ReportQueries;
import cn.szcg.intake.infra.ReportRows;
import cn.szcg.intake.infra.VerificationTask;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.platform.web.Problems;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Arrivals from every channel, registered at once, then decided by the center. Who may do
 * what is in docs/security.md: the channel decides who may register (ChannelPermissions), the
 * center reads everything, a collector only their own reports, and only the center sees the public
 * reporter's name and phone.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "受理登记与立案 / registration and decisions")
public class ReportResource {

  @Inject RegistrationService registration;
  @Inject FilingService filing;
  @Inject IntakeActions actions;
  @Inject AttachmentService attachments;
  @Inject DuplicateFinder duplicates;
  @Inject CurrentActor current;
  @Inject ReportAccess access;
  @Inject ReportQueries reports;
  @Inject com.fasterxml.jackson.databind.ObjectMapper json;
  @Inject FilingStandard standard;

  @POST
  @RolesAllowed({
    Roles.COLLECTOR,
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.HOTLINE_PLATFORM,
    Roles.COUNTY_SYSTEM
  })
  @Operation(
      operationId = "registerReport",
      summary = "登记一次上报 / register an arrival",
      description =
          "Registers at once with a number and a server timestamp (R-04) from any channel: PATROL"
              + " (collector: categoryCode, location, collectorId, deviceTime), VIDEO (cameraId,"
              + " detected categoryCode, confidence, sourceRef = alarm id; position from gis-service"
              + " if no location), LEADER/MEDIA/WEBSITE/WEIBO/HOTLINE/PHONE/WALK_IN (description,"
              + " sourceRef for pushed channels, reporter). A repeated call with the same"
              + " Idempotency-Key and body from the same client returns the original registration (200);"
              + " the same key with another body is 422. A HOTLINE ticket (sourceRef) is registered"
              + " once: pushed again, with or without a key, it answers the first report (200), or 409"
              + " naming sourceRef when its content differs. 400 names the field; 403 when"
              + " the collector may not report (R-09)."
              + " Who may use which channel: a collector PATROL only (as the collector of their"
              + " token); operators and shift leads LEADER, MEDIA, WEBSITE, WEIBO and the calls"
              + " and visits the center takes itself, PHONE 来电 and WALK_IN 来访; the hotline"
              + " platform HOTLINE; county systems VIDEO, WEBSITE, WEIBO, MEDIA — otherwise 403"
              + " naming the channel. Idempotency keys are per client of the bearer token.")
  @APIResponse(
      responseCode = "201",
      description = "登记成功 / registered",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ReportView.class)))
  @APIResponse(
      responseCode = "200",
      description = "已登记过 / the original registration (same Idempotency-Key or hotline ticket)",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = ReportView.class)))
  public Response register(
      @NotNull @Valid RegisterReportRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
      throw ProblemException.invalidField(
          "Idempotency-Key", "invalid", "1 to 128 characters / 长度须为1至128个字符");
    }
    requireChannelAllowed(request);
    boolean reporter = access.seesReporter();
    String client = current.idempotencyScope();
    ReportCommand arrival = toCommand(request);
    String hash = requestHash(request);
    String ticket = RegistrationService.hotlineTicket(arrival);
    var previous = registration.findPrevious(client, idempotencyKey, ticket);
    if (previous.isPresent()) {
      return replay(previous.get(), hash, reporter);
    }
    Instant now = Instant.now();
    var prepared = registration.prepare(arrival, now);
    Report r;
    try {
      r =
          registration.register(
              arrival,
              request.confidence(),
              prepared,
              client,
              idempotencyKey,
              hash,
              current.id(),
              now);
    } catch (ProblemException e) {
      throw e; // 503: queue full, or the database unreachable — nothing was registered
    } catch (RuntimeException e) {
      // A concurrent retry with the same key (or ticket) won the race: answer as to a retry.
      var winner = registration.findPrevious(client, idempotencyKey, ticket);
      if (winner.isPresent()) {
        return replay(winner.get(), hash, reporter);
      }
      throw e;
    }
    return Response.created(URI.create("/api/v1/reports/" + r.id))
        .entity(ReportView.of(r, reporter))
        .build();
  }

  /** The arrival as the domain's command (the HTTP body's fields, nothing decided yet). */
  static ReportCommand toCommand(RegisterReportRequest req) {
    return new ReportCommand(
        req.channel(),
        req.kind(),
        req.categoryCode(),
        req.location() == null || req.location().lon() == null || req.location().lat() == null
            ? null
            : new GeoPoint(req.location().lon(), req.location().lat()),
        req.address(),
        req.description(),
        req.collectorId(),
        req.cameraId(),
        req.sourceRef(),
        req.deviceTime() == null ? null : req.deviceTime().toInstant(),
        req.reporter() == null ? null : req.reporter().name(),
        req.reporter() == null ? null : req.reporter().phone(),
        List.of());
  }

  /**
   * SHA-256 (hex) of the canonical request: the parsed body written again by the service's
   * ObjectMapper (fields in declaration order, no whitespace), so spacing and field order of the
   * client's JSON do not matter, its values do.
   */
  String requestHash(RegisterReportRequest req) {
    try {
      byte[] canonical = json.writeValueAsBytes(req);
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (com.fasterxml.jackson.core.JsonProcessingException
        | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("request hash", e);
    }
  }

  /**
   * The answer to a repeated registration (issue 19): the same Idempotency-Key with the same body →
   * the first report (200); with another body → 422 naming the key. The same hotline ticket
   * (sourceRef) again, without a key or under another key → the first report (200) when the body is
   * the same, 409 naming {@code sourceRef} when it is not — a ticket is registered once. Reports
   * registered before the body was hashed have no hash and are answered as before.
   */
  private Response replay(RegistrationService.Previous previous, String hash, boolean reporter) {
    Report first = previous.report();
    boolean same = first.requestHash == null || first.requestHash.equals(hash);
    if (!same && previous.byKey()) {
      throw new ProblemException(
          422,
          "idempotency-key-reused",
          "幂等键已用于另一请求 / Idempotency-Key reused",
          "该幂等键已用于内容不同的登记请求（上报 "
              + first.reportNo
              + "）/ this Idempotency-Key was used for a different request (report "
              + first.reportNo
              + ")",
          List.of(
              new Problem.FieldError(
                  "Idempotency-Key",
                  "reused",
                  "幂等键已用于内容不同的请求 / the key was used for a different request")));
    }
    if (!same) {
      throw new ProblemException(
          409,
          "ticket-already-registered",
          Problems.TITLE_CONFLICT,
          "热线工单 "
              + first.sourceRef
              + " 已登记为上报 "
              + first.reportNo
              + "，内容不同 / hotline ticket "
              + first.sourceRef
              + " is already registered as report "
              + first.reportNo
              + " with different content",
          List.of(
              new Problem.FieldError(
                  "sourceRef",
                  "already-registered",
                  "工单已登记 / the ticket is already registered as " + first.reportNo)));
    }
    return Response.ok(ReportView.of(first, reporter)).build();
  }

  /** 403 naming the channel (or the collector) when the caller may not register this arrival. */
  private void requireChannelAllowed(RegisterReportRequest request) {
    Channel ch = request.channel();
    Set<ChannelPermissions.Submitter> as = current.submitters();
    if (!ChannelPermissions.mayRegister(as, ch)) {
      String allowed =
          String.join(", ", ChannelPermissions.channelsFor(as).stream().map(Enum::name).toList());
      throw new ProblemException(
          403,
          "channel-not-allowed",
          Problems.TITLE_FORBIDDEN,
          "无权登记渠道 "
              + ch
              + " 的上报（可登记："
              + (allowed.isEmpty() ? "无" : allowed)
              + "）/ you may not register reports of channel "
              + ch
              + " (allowed: "
              + (allowed.isEmpty() ? "none" : allowed)
              + ")",
          List.of(
              new Problem.FieldError(
                  "channel",
                  "channel_not_allowed",
                  "无权登记该渠道 / channel " + ch + " not allowed for this caller")));
    }
    if (ch == Channel.PATROL) {
      String mine = current.collectorId();
      if (mine == null || !mine.equals(request.collectorId())) {
        throw new ProblemException(
            403,
            "collector-not-caller",
            Problems.TITLE_FORBIDDEN,
            "信息采集员只能以本人编号上报（令牌中的编号："
                + (mine == null ? "无" : mine)
                + "）/ a collector reports under their own collector id (token: "
                + (mine == null ? "none" : mine)
                + ")",
            List.of(
                new Problem.FieldError(
                    "collectorId",
                    "not_the_caller",
                    "与令牌中的采集员编号不符 / not the collector id of the token")));
      }
    }
  }

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
      operationId = "listReports",
      summary = "受理列表 / list reports for operators",
      description =
          "Filtered by status, channel, township, community, category and registration time [from,"
              + " to); newest first. A collector"
              + " gets their own reports only; the reporter's name and phone only for the center.")
  @Transactional
  public PageView<ReportView> list(
      @Parameter(schema = @Schema(implementation = IntakeState.class))
          @QueryParam("status")
          @Pattern(regexp = "[A-Z_]+")
          String status,
      @Parameter(schema = @Schema(implementation = Channel.class))
          @QueryParam("channel")
          @Pattern(regexp = "[A-Z_]+")
          String channel,
      @QueryParam("from") @Size(max = 40) String fromParam,
      @QueryParam("to") @Size(max = 40) String toParam,
      @Parameter(description = "乡镇代码 / township code (9 digits, 350124xxx)")
          @QueryParam("townshipCode")
          @Size(max = 40)
          String townshipCode,
      @Parameter(description = "社区代码 / community code (12 digits)")
          @QueryParam("communityCode")
          @Size(max = 40)
          String communityCode,
      @Parameter(description = "问题类别 / category code of the filing standard (E-0101)")
          @QueryParam("categoryCode")
          @Size(max = 40)
          String categoryCode,
      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    OffsetDateTime from = instantParam("from", fromParam);
    OffsetDateTime to = instantParam("to", toParam);
    ReportListFilter area = ReportListFilter.of(townshipCode, communityCode, categoryCode);
    String onlyCollector = access.collectorScope();
    if (status != null) {
      try {
        IntakeState.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "status", "unknown_status", "未知状态 / unknown status " + status);
      }
    }
    if (channel != null) {
      try {
        Channel.valueOf(channel);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "channel", "unknown_channel", "未知渠道 / unknown channel " + channel);
      }
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.invalidField(
          "to", "before_from", "结束时间须晚于开始时间 / to must be after from");
    }
    ReportQueries.Listed listed =
        reports.list(
            onlyCollector,
            status,
            channel,
            area,
            from == null ? null : from.toInstant(),
            to == null ? null : to.toInstant(),
            page,
            size);
    long total = listed.total();
    boolean reporter = access.seesReporter();
    List<ReportView> items = listed.items().stream().map(r -> ReportView.of(r, reporter)).toList();
    return new PageView<>(items, page, size, total);
  }

  @GET
  @Path("/{id}")
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
  @Operation(
      operationId = "getReport",
      summary = "查看一次上报 / read a report",
      description =
          "The center's view: reporter name and phone, location context, decision, the steps"
              + " allowed now and the proposed duplicates (open reports of the same category"
              + " nearby). Reporter, allowed steps and duplicates for the center only; a collector"
              + " reads their own reports. A unit whose unit holds or held an order of the case"
              + " (a department: a sub-order), and the collector ordered to check it, read the"
              + " problem: description, position, township/community/grid, nearest components,"
              + " category with its filing and closing conditions, time limit — never the"
              + " reporter (R-13, R-14, R-15). The efficiency office and the county government"
              + " read every report the same way, with its history (R-23, R-24). 404 for anyone"
              + " else.")
  @Transactional
  public ReportView get(@PathParam("id") UUID id) {
    return fullView(access.readable(id));
  }

  @GET
  @Path("/{id}/history")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.EFFICIENCY_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.COLLECTOR
  })
  @Operation(operationId = "getReportHistory", summary = "办理记录 / who did what, when and why")
  @Transactional
  public List<Map<String, Object>> history(@PathParam("id") UUID id) {
    access.readableWithHistory(id);
    List<Map<String, Object>> out = new ArrayList<>();
    for (ReportQueries.Step o : reports.history(id)) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("from", o.from());
      m.put("to", o.to());
      m.put("action", o.action());
      m.put("actorId", o.actorId());
      m.put("actorRole", o.actorRole());
      m.put("at", String.valueOf(o.at()));
      m.put("note", o.note());
      out.add(m);
    }
    return out;
  }

  @POST
  @Path("/{id}/filing")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "fileCase",
      summary = "立案 / file a case",
      description =
          "Files the report against the filing standard in force (R-05, R-12). Public reports are"
              + " filed after on-site verification confirmed them; a shift lead may file earlier"
              + " with overrideReason. The case-filed event carries the category, the catalogue"
              + " version, the time limit, the zone and the emergency flag.")
  public ReportView file(@PathParam("id") UUID id, @NotNull @Valid FileCaseRequest request) {
    Report r =
        filing.file(
            id,
            new FilingDecision(
                request.categoryCode(), request.emergency(), request.overrideReason()),
            current.actor(),
            Instant.now());
    return ReportView.of(r, access.seesReporter());
  }

  @POST
  @Path("/{id}/rejection")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "rejectReport",
      summary = "不予立案 / reject",
      description =
          "With a reason; unfounded=true marks a false collector report (R-08), counted against"
              + " the collector and the collection unit.")
  public ReportView reject(@PathParam("id") UUID id, @NotNull @Valid ActionRequests.Reject body) {
    return ReportView.of(
        actions.reject(
            id,
            body.reason(),
            Boolean.TRUE.equals(body.unfounded()),
            current.actor(),
            Instant.now()),
        access.seesReporter());
  }

  @POST
  @Path("/{id}/merge")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "mergeReport",
      summary = "合并重复件 / merge a duplicate",
      description =
          "Merges this report into another open case; its reporter gets the outcome of that case"
              + " (the hotline status follows the primary).")
  public ReportView merge(@PathParam("id") UUID id, @NotNull @Valid ActionRequests.Merge body) {
    return ReportView.of(
        actions.merge(id, body.intoCaseId(), current.actor(), Instant.now()),
        access.seesReporter());
  }

  @POST
  @Path("/{id}/keep-separate")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD})
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "keepReportSeparate",
      summary = "不是重复件 / keep separate (dismiss the duplicate proposals)")
  public ReportView keepSeparate(@PathParam("id") UUID id) {
    return ReportView.of(
        actions.keepSeparate(id, current.actor(), Instant.now()), access.seesReporter());
  }

  @POST
  @Path("/{id}/answer")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "answerConsultation",
      summary = "答复咨询 / answer and close a consultation (never filed)")
  public ReportView answer(@PathParam("id") UUID id, @NotNull @Valid ActionRequests.Answer body) {
    return ReportView.of(
        actions.answer(id, body.answer(), current.actor(), Instant.now()), access.seesReporter());
  }

  @POST
  @Path("/{id}/verification")
  @RolesAllowed({Roles.OPERATOR, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "requestVerification",
      summary = "派发核实 / request on-site verification",
      description =
          "Creates a verification task for the given collector, or the nearest eligible collector"
              + " with a known position, or unassigned (R-05). Emits verification-requested.")
  public Response requestVerification(
      @PathParam("id") UUID id, @Valid ActionRequests.RequestVerification body) {
    VerificationTask t =
        actions.requestVerification(
            id, body == null ? null : body.collectorId(), current.actor(), Instant.now());
    return Response.created(URI.create("/api/v1/verifications/" + t.id))
        .entity(VerificationView.of(t))
        .build();
  }

  @POST
  @Path("/{id}/attachments")
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.COLLECTOR,
    Roles.HOTLINE_PLATFORM,
    Roles.COUNTY_SYSTEM
  })
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "uploadAttachment",
      summary = "上传附件 / upload a photo or document",
      description =
          "The body is the raw file; Content-Type is its type (image/jpeg, image/png, image/webp ≤"
              + " 10 MiB; video/mp4 ≤ 50 MiB; application/pdf ≤ 20 MiB), and the bytes must be that"
              + " type (magic number; images are decoded): 415 naming contentType otherwise. At"
              + " most 9 per report, purpose and uploader (400 too_many); the file name is stored"
              + " without path parts or control characters."
              + " purpose = BEFORE (default), SNAPSHOT or VERIFICATION (with verificationTaskId)."
              + " Stored with its SHA-256; the same bytes again return the first upload (200)."
              + " 415 for a type not allowed, 413 over the size limit. Operators and shift leads"
              + " attach to any report; a collector to their own report or, with"
              + " verificationTaskId, to the report of a task given to them; the hotline platform"
              + " and county systems to the reports they registered (404 otherwise).")
  public Response upload(
      @PathParam("id") UUID id,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"BEFORE", "SNAPSHOT", "VERIFICATION"},
                      defaultValue = "BEFORE"))
          @QueryParam("purpose")
          @Pattern(regexp = "[A-Za-z]+")
          String purpose,
      @QueryParam("verificationTaskId") UUID taskId,
      @QueryParam("fileName") @Size(max = 255) String fileName,
      @HeaderParam("Content-Type") String contentType,
      byte[] body) {
    access.requireMayAttach(id, taskId);
    AttachmentService.Stored stored;
    try {
      stored =
          attachments.store(
              id, purpose, taskId, fileName, contentType, body, current.id(), Instant.now());
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      // the same bytes uploaded concurrently: the other upload won, answer with it
      var winner = attachments.existing(id, body);
      if (winner == null) {
        throw e;
      }
      stored = new AttachmentService.Stored(winner, false);
    }
    AttachmentView v = AttachmentView.of(stored.attachment());
    return stored.created()
        ? Response.created(URI.create("/api/v1/attachments/" + v.id())).entity(v).build()
        : Response.ok(v).build();
  }

  @GET
  @Path("/{id}/attachments")
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
  @Operation(
      operationId = "listAttachments",
      summary = "附件列表 / attachments of a report (metadata and hashes)",
      description =
          "BEFORE, SNAPSHOT and VERIFICATION photos with SHA-256. The center; a collector for"
              + " their own report; a unit or department holding or having held an order of the"
              + " case and the collector ordered to check it (R-13, R-15); 404 for anyone else.")
  @Transactional
  public List<AttachmentView> attachments(@PathParam("id") UUID id) {
    access.readable(id);
    return AttachmentView.listFor(id);
  }

  private static OffsetDateTime instantParam(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw ProblemException.invalidField(
          name, "bad_format", "应为带时区的 ISO-8601 时间 / must be an ISO-8601 date-time with offset");
    }
  }

  private ReportView fullView(Report r) {
    Category category = standard.category(r.catalogueVersion, r.categoryCode).orElse(null);
    if (!access.seesAll()) {
      if (access.isOwnReport(r)) {
        // a collector's own report: no reporter, no steps to take, no other reports
        return ReportView.of(r, false).withConditions(category);
      }
      // a holder of the case (unit, department, check collector): the problem, never who
      return ReportView.forHolder(r).withConditions(category);
    }
    boolean shiftLead = current.actor().role() == Actor.Role.SHIFT_LEAD;
    List<String> allowed =
        access.decides()
            ? ReportRows.toDomain(r).allowedActions(shiftLead).stream()
                .sorted()
                .map(IntakeAction::name)
                .toList()
            : List.of();
    List<DuplicateMatch> matches = duplicates.candidates(r);
    List<ReportView.DuplicateCandidate> candidates = new ArrayList<>();
    for (DuplicateMatch m : matches) {
      Report c = Report.findById(UUID.fromString(m.candidate().caseId()));
      candidates.add(
          new ReportView.DuplicateCandidate(
              c.id,
              c.reportNo,
              c.status,
              Math.round(m.distanceMetres() * 10) / 10.0,
              c.registeredAt));
    }
    return ReportView.of(r, access.seesReporter(), allowed, candidates).withConditions(category);
  }
}
