package cn.szcg.sla.api;

import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.sla.domain.Stage;
import cn.szcg.sla.infra.ClockRecord;
import cn.szcg.sla.infra.ClockSupervision;
import cn.szcg.sla.infra.ClockSupervision.Light;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The supervision list (督办, R-22): running clocks in warning or breached across cases, oldest
 * first, with counts by unit and stage (docs/sla-clocks.md §4a). Scoped as the clocks of a case.
 */
@Path("/api/v1/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "clocks", description = "计时 / the clocks of a case")
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
public class SupervisionResource {

  /** {@code unitId=CENTER}: the clocks without a unit, the center's own stages (立案派遣, 核查). */
  public static final String CENTER = "CENTER";

  @Inject ClockSupervision supervision;
  @Inject Caller caller;

  /** One line of the list: {@code since} is when the light turned (warning or deadline). */
  public record SupervisedClock(
      String clockId,
      String caseId,
      String reportNo,
      String categoryCode,
      String categoryName,
      String orderId,
      String unitId,
      String parentUnitId,
      String stage,
      String stageName,
      String requirement,
      boolean emergency,
      String light,
      Instant since,
      Instant startedAt,
      Instant warningAt,
      Instant deadline,
      Duration remaining) {}

  public record StageUnitCount(
      String unitId, String stage, String stageName, long warning, long breached) {}

  public record SupervisionPage(
      Instant now,
      long total,
      int page,
      int size,
      List<SupervisedClock> items,
      List<StageUnitCount> counts) {}

  @GET
  @Operation(
      operationId = "listSupervision",
      summary = "督办：预警与超时的计时 / running clocks in warning or breached, oldest first")
  public SupervisionPage list(
      @QueryParam("state") @DefaultValue("WARNING,BREACHED") String state,
      @QueryParam("stage") String stage,
      @QueryParam("unitId") String unitId,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    Set<Light> lights = lights(state);
    String st = blankToNull(stage);
    if (st != null) {
      try {
        Stage.valueOf(st);
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField("stage", "unknown", "未知的计时环节 / unknown stage: " + st);
      }
    }
    if (page < 0 || page > cn.szcg.platform.web.Paging.MAX_PAGE) {
      throw ProblemException.invalidField(
          "page", "range", "页码须在 0–100000 之间 / page must be 0–100000");
    }
    if (size < 1 || size > cn.szcg.platform.web.Paging.MAX_SIZE) {
      throw ProblemException.invalidField("size", "range", "每页条数须在 1–500 之间 / size must be 1–500");
    }
    String unit = blankToNull(unitId);
    if (CENTER.equals(unit)) {
      unit = "";
    }
    String scope = null;
    if (caller.isUnitScoped()) {
      scope = caller.unit() == null ? "\u0000none" : caller.unit();
    }
    ClockSupervision.Result r =
        supervision.list(
            new ClockSupervision.Query(lights, st, unit, scope, page, size), Instant.now());
    return new SupervisionPage(
        r.now(),
        r.total(),
        r.page(),
        r.size(),
        r.rows().stream().map(SupervisionResource::view).toList(),
        r.counts().stream()
            .map(
                c ->
                    new StageUnitCount(
                        c.unitId(),
                        c.stage(),
                        Stage.valueOf(c.stage()).chineseName(),
                        c.warning(),
                        c.breached()))
            .toList());
  }

  private static SupervisedClock view(ClockSupervision.Row row) {
    ClockRecord c = row.clock();
    Stage s = Stage.valueOf(c.stage);
    return new SupervisedClock(
        c.id.toString(),
        c.caseId,
        row.reportNo(),
        row.categoryCode(),
        row.categoryName(),
        c.orderId,
        c.unitId,
        c.parentUnitId,
        c.stage,
        s.chineseName(),
        s.requirement(),
        c.emergency,
        row.light().name(),
        row.since(),
        c.startedAt,
        c.warningAt,
        c.deadline,
        row.remaining());
  }

  private static Set<Light> lights(String state) {
    Set<Light> out = EnumSet.noneOf(Light.class);
    for (String p : state.split(",")) {
      String t = p.trim();
      if (t.isEmpty()) {
        continue;
      }
      try {
        out.add(Light.valueOf(t));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalidField(
            "state",
            "unknown",
            "state 只能是 WARNING、BREACHED / state must be WARNING or BREACHED: " + t);
      }
    }
    if (out.isEmpty()) {
      throw ProblemException.invalidField(
          "state", "required", "请给出 WARNING 或 BREACHED / state must name WARNING or BREACHED");
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
