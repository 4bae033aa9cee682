package cn.szcg.intake.api;

import cn.szcg.intake.application.DutyRoster;
import cn.szcg.intake.infra.CurrentActor;
import cn.szcg.intake.infra.DutyShifts;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The collectors' duty roster (排班/当班, issue 7): which unit grids (万米单元网格) a collector is on duty
 * over and when. Shift leads and administrators record, correct and cancel shifts (a shift changes
 * only while it has not ended, with the reason kept); the center and the efficiency office read
 * them; a collector reads only their own. Every change is published as {@code
 * collector-duty-recorded}: assessment-service charges missed reports (漏报, R-08) from it. Rules:
 * {@code DutyRosterRules}.
 */
@Path("/api/v1/duty-shifts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "duty roster", description = "采集员排班 / collectors' duty shifts over unit grids")
public class DutyRosterResource {

  private static final String ID = "[A-Za-z0-9_-]{1,64}";

  /** Who sees every collector's shifts. */
  private static final List<String> ROSTER_READERS =
      List.of(
          Roles.OPERATOR,
          Roles.SHIFT_LEAD,
          Roles.DISPATCHER,
          Roles.SUPERVISION_OFFICE,
          Roles.ADMIN,
          Roles.EFFICIENCY_OFFICE);

  @Inject CurrentActor current;
  @Inject DutyRoster roster;
  @Inject DutyShifts shifts;

  @Schema(name = "DutyShiftRequest", description = "登记班次 / record a shift")
  public record ShiftBody(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String collectorId,
      @Schema(description = "万米单元网格编码（16 位）/ unit grid codes (16 digits)", maxItems = 200)
          @NotNull
          @Size(max = 1000)
          List<@Size(max = 32) String> gridCodes,
      @Schema(description = "开始（含）/ start, inclusive, ISO-8601 with offset") @NotNull
          OffsetDateTime start,
      @Schema(description = "结束（不含），最长 24 小时 / end, exclusive, at most 24 h after start") @NotNull
          OffsetDateTime end) {}

  @Schema(name = "DutyShiftCorrection", description = "更正班次（未结束前）/ correct a shift before it ends")
  public record Correction(
      @NotNull @Size(max = 1000) List<@Size(max = 32) String> gridCodes,
      @NotNull OffsetDateTime start,
      @NotNull OffsetDateTime end,
      @NotBlank @Size(max = 500) String reason) {}

  @Schema(name = "DutyShiftCancellation", description = "取消班次（未结束前）/ cancel a shift before it ends")
  public record Cancellation(@NotBlank @Size(max = 500) String reason) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChangeView(
      long revision,
      String action,
      List<String> gridCodes,
      Instant start,
      Instant end,
      String reason,
      Instant at,
      String by) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ShiftView(
      String id,
      String collectorId,
      String collectionUnitId,
      List<String> gridCodes,
      Instant start,
      Instant end,
      boolean cancelled,
      boolean ended,
      long revision,
      Instant recordedAt,
      String recordedBy,
      Instant updatedAt,
      String updatedBy,
      String changeReason,
      List<ChangeView> history) {
    static ShiftView of(DutyShifts.Stored s, List<DutyShifts.Change> history) {
      return new ShiftView(
          s.shift().shiftId(),
          s.shift().collectorId(),
          s.collectionUnitId(),
          s.shift().gridCodes(),
          s.shift().start(),
          s.shift().end(),
          s.shift().cancelled(),
          s.shift().endedAt(Instant.now()),
          s.revision(),
          s.recordedAt(),
          s.recordedBy(),
          s.updatedAt(),
          s.updatedBy(),
          s.changeReason(),
          history == null
              ? null
              : history.stream()
                  .map(
                      c ->
                          new ChangeView(
                              c.revision(),
                              c.action(),
                              c.gridCodes(),
                              c.start(),
                              c.end(),
                              c.reason(),
                              c.at(),
                              c.by()))
                  .toList());
    }
  }

  @POST
  @RolesAllowed({Roles.ADMIN, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "recordDutyShift",
      summary = "登记采集员班次 / record a collector's duty shift",
      description =
          "The collector must be registered; 1–200 unit grid codes of the county (16 digits); end"
              + " after start, at most 24 h, not already ended. A collector's shifts never overlap"
              + " (409 naming start). Published as collector-duty-recorded.")
  public Response record(@NotNull @Valid ShiftBody body) {
    DutyShifts.Stored s =
        roster.record(
            body.collectorId(),
            body.gridCodes(),
            instant("start", body.start()),
            instant("end", body.end()),
            current.id());
    return Response.status(201).entity(ShiftView.of(s, null)).build();
  }

  @PUT
  @Path("/{id}")
  @RolesAllowed({Roles.ADMIN, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "correctDutyShift",
      summary = "更正班次 / correct a shift (grids, times) with a reason",
      description =
          "Only while the shift has not ended and is not cancelled (409 otherwise); same rules as"
              + " recording. The collector stays the same.")
  public ShiftView correct(
      @PathParam("id") @Pattern(regexp = ID) String id, @NotNull @Valid Correction body) {
    DutyShifts.Stored s =
        roster.correct(
            uuid(id),
            body.gridCodes(),
            instant("start", body.start()),
            instant("end", body.end()),
            body.reason(),
            current.id());
    return ShiftView.of(s, null);
  }

  @POST
  @Path("/{id}/cancellation")
  @RolesAllowed({Roles.ADMIN, Roles.SHIFT_LEAD})
  @Operation(
      operationId = "cancelDutyShift",
      summary = "取消班次 / cancel a shift with a reason",
      description = "Only while the shift has not ended and is not cancelled (409 otherwise).")
  public ShiftView cancel(
      @PathParam("id") @Pattern(regexp = ID) String id, @NotNull @Valid Cancellation body) {
    return ShiftView.of(roster.cancel(uuid(id), body.reason(), current.id()), null);
  }

  @GET
  @RolesAllowed({
    Roles.OPERATOR,
    Roles.SHIFT_LEAD,
    Roles.DISPATCHER,
    Roles.SUPERVISION_OFFICE,
    Roles.ADMIN,
    Roles.EFFICIENCY_OFFICE,
    Roles.COLLECTOR
  })
  @Operation(
      operationId = "listDutyShifts",
      summary = "班次列表 / duty shifts (newest first)",
      description =
          "Filters: collectorId, and the shifts overlapping [from, to). A collector sees only"
              + " their own shifts (another collectorId → 403).")
  public PageView<ShiftView> list(
      @QueryParam("collectorId") @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+")
          String collectorId,
      @QueryParam("from") @Size(max = 40) String fromParam,
      @QueryParam("to") @Size(max = 40) String toParam,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
    String only = collectorScope();
    if (only != null) {
      if (collectorId != null && !collectorId.equals(only)) {
        throw ProblemException.forbidden(
            "信息采集员只能查看本人的班次 / a collector reads only their own shifts");
      }
      collectorId = only;
    }
    Instant from = time("from", fromParam);
    Instant to = time("to", toParam);
    if (from != null && to != null && !from.isBefore(to)) {
      throw ProblemException.invalidField(
          "to", "not_after_from", "截止时间须晚于开始时间 / to must be after from");
    }
    return new PageView<>(
        shifts.list(collectorId, from, to, page, size).stream()
            .map(s -> ShiftView.of(s, null))
            .toList(),
        page,
        size,
        shifts.count(collectorId, from, to));
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
    Roles.COLLECTOR
  })
  @Operation(
      operationId = "getDutyShift",
      summary = "班次及其变更记录 / a shift and its changes",
      description = "A collector reads only their own shifts (404 for another's).")
  public ShiftView get(@PathParam("id") @Pattern(regexp = ID) String id) {
    DutyShifts.Stored s = shifts.find(uuid(id));
    String only = collectorScope();
    if (s == null || (only != null && !only.equals(s.shift().collectorId()))) {
      throw ProblemException.notFound("duty shift", id);
    }
    return ShiftView.of(s, shifts.history(s.shift().shiftId()));
  }

  /** The collector a collector-only caller is limited to, or null when the caller sees all. */
  private String collectorScope() {
    if (current.caller().hasAny(ROSTER_READERS)) {
      return null;
    }
    String c = current.collectorId();
    // "!" never occurs in a collector id: a collector token without its claim owns nothing
    return c == null ? "!no-collector" : c;
  }

  /** A shift id is a UUID; anything else names no shift (404). */
  private static String uuid(String id) {
    try {
      return java.util.UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("duty shift", id);
    }
  }

  private static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant t;
    try {
      t = OffsetDateTime.parse(value).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw ProblemException.invalidField(
          name, "bad_format", "应为带时区的 ISO-8601 时间 / must be an ISO-8601 date-time with offset");
    }
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw ProblemException.invalidField(
          name, "out_of_range", "时间超出范围（2000–2999 年）/ time out of range (years 2000–2999)");
    }
    return t;
  }

  private static Instant instant(String name, OffsetDateTime t) {
    try {
      return t.toInstant();
    } catch (java.time.DateTimeException e) {
      throw ProblemException.invalidField(name, "out_of_range", "时间超出范围 / time out of range");
    }
  }

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2999-12-31T00:00:00Z");
}
