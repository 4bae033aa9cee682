package cn.szcg.assessment.api;

import cn.szcg.assessment.application.Commendations;
import cn.szcg.assessment.application.FiguresRecompute;
import cn.szcg.assessment.application.FiguresRecompute.RecomputeResult;
import cn.szcg.assessment.application.Page;
import cn.szcg.assessment.application.UnitFiguresQueries;
import cn.szcg.assessment.application.UnitFiguresQueries.NoticeView;
import cn.szcg.assessment.application.UnitFiguresQueries.UnitFiguresView;
import cn.szcg.assessment.application.WeightsSettings;
import cn.szcg.assessment.domain.Period;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.CurrentActor;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Unit figures, the county ranking, notices, commendations and the score weights (R-22..R-25).
 *
 * <p>Who reads (docs/security.md): the efficiency office, the supervision office, the county
 * government, the shift lead and the administrator read everything; a unit leader reads only its
 * own unit's figures (another unit's → 404, as if it did not exist) and the notices addressed to
 * its unit. The weights are set by the efficiency office and the administrator; the recompute is
 * the administrator's.
 *
 * <p>HTTP only: parameters checked and mapped to the use cases of {@code application/} ({@link
 * UnitFiguresQueries}, {@link Commendations}, {@link WeightsSettings}, {@link FiguresRecompute})
 * and their results returned as they are.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "assessment", description = "考核评价 / figures, ranking, notices, commendations")
public class FiguresResource {

  @Inject UnitFiguresQueries queries;
  @Inject Commendations commendations;
  @Inject WeightsSettings weights;
  @Inject FiguresRecompute recompute;
  @Inject CurrentActor actor;
  @Inject Caller caller;

  /** New weights: points per indicator name, summing to 100; and why. */
  public record WeightsRequest(@NotNull Map<String, BigDecimal> weights, String reason) {}

  static Period period(String text) {
    try {
      return Period.parse(text);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField(
          "period", "pattern", "须为 yyyy-MM 或 yyyy / must be yyyy-MM (month) or yyyy (year)");
    }
  }

  static void checkPage(int page, int size) {
    if (page < 0) {
      throw ProblemException.invalidField("page", "min", "页码不能为负 / page must be >= 0");
    }
    if (size < 1 || size > 200) {
      throw ProblemException.invalidField("size", "range", "每页 1..200 条 / size must be 1..200");
    }
  }

  @GET
  @Path("/figures/units/{unitId}")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.UNIT_LEADER,
    Roles.COUNTY_SYSTEM
  })
  @Operation(
      operationId = "getUnitFigures",
      summary = "单位考核数据 / a unit's figures, rates, score and grade of a month or year")
  public UnitFiguresView unitFigures(
      @PathParam("unitId") String unitId,
      @QueryParam("period") String periodText,
      @QueryParam("category") String category,
      @QueryParam("township") String township) {
    if (caller.isUnitScoped() && !unitId.equals(caller.unit())) {
      // a unit leader sees its own unit only; another unit does not exist for it
      throw ProblemException.notFound("unit", unitId);
    }
    return queries.unitFigures(unitId, period(periodText), category, township);
  }

  @GET
  @Path("/rankings")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.COUNTY_SYSTEM
  })
  @Operation(
      operationId = "getUnitRanking",
      summary = "全县排名 / county ranking of units for a month or year")
  public Page<Map<String, Object>> ranking(
      @QueryParam("period") String periodText,
      @QueryParam("category") String category,
      @QueryParam("township") String township,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    Period p = period(periodText);
    checkPage(page, size);
    return queries.ranking(p, category, township, page, size);
  }

  @GET
  @Path("/notices")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(
      operationId = "listAccountabilityNotices",
      summary = "问责通报 / accountability notices and warnings (R-24), newest first")
  public Page<NoticeView> notices(
      @QueryParam("unitId") String unitId,
      @QueryParam("month") String month,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "CENTER_NOTICE",
                        "EFFICIENCY_OFFICE_NOTICE",
                        "EFFICIENCY_WARNING"
                      }))
          @QueryParam("type")
          String type,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    checkPage(page, size);
    if (month != null && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      throw ProblemException.invalidField("month", "pattern", "须为 yyyy-MM / must be yyyy-MM");
    }
    if (type != null
        && !Set.of("CENTER_NOTICE", "EFFICIENCY_OFFICE_NOTICE", "EFFICIENCY_WARNING")
            .contains(type)) {
      throw ProblemException.invalidField(
          "type",
          "enum",
          "须为 CENTER_NOTICE / EFFICIENCY_OFFICE_NOTICE / EFFICIENCY_WARNING / unknown type");
    }
    String unit = unitId;
    if (caller.isUnitScoped()) {
      // a unit leader sees the notices addressed to its own unit only
      String own = caller.unit();
      if (own == null || (unitId != null && !unitId.equals(own))) {
        return new Page<>(List.of(), page, size, 0);
      }
      unit = own;
    }
    return queries.notices(unit, month, type, page, size);
  }

  @GET
  @Path("/commendations")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN
  })
  @Operation(
      operationId = "listCommendationCandidates",
      summary =
          "年度通报表扬候选（处置单位、信息采集员、坐席） / yearly commendation candidates: units,"
              + " collectors and operators (R-25)")
  public Commendations.Year commendations(@QueryParam("year") String year) {
    if (year == null || !year.matches("\\d{4}")) {
      throw ProblemException.invalidField("year", "pattern", "须为 yyyy / must be yyyy");
    }
    return commendations.of(Integer.parseInt(year));
  }

  @GET
  @Path("/config/weights")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.UNIT_LEADER
  })
  @Operation(
      operationId = "getScoreWeights",
      summary = "综合指标权重 / composite-score weights in force (points, sum 100)")
  public Map<String, BigDecimal> getWeights() {
    return weights.current();
  }

  @PUT
  @Path("/config/weights")
  @RolesAllowed({Roles.EFFICIENCY_OFFICE, Roles.ADMIN})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "setScoreWeights",
      summary = "设置综合指标权重 / set the composite-score weights (must sum to 100)")
  public Map<String, BigDecimal> putWeights(@Valid @NotNull WeightsRequest request) {
    return weights.replace(request.weights(), actor.userId(), request.reason());
  }

  @POST
  @Path("/admin/figures/recompute")
  @RolesAllowed(Roles.ADMIN)
  @Operation(
      operationId = "recomputeFigures",
      summary =
          "由事实重算考核数据（处置单位与人员）并比对 / recompute the unit figures and the staff"
              + " figures (collectors, collection units, operators) of a period (or all) from the"
              + " stored facts and compare with the incremental cells; repair=true replaces them")
  public RecomputeResult recompute(
      @QueryParam("period") String periodText,
      @QueryParam("repair") @DefaultValue("false") boolean repair) {
    Period p = periodText == null ? null : period(periodText);
    return recompute.recompute(p, repair, actor.userId());
  }
}
