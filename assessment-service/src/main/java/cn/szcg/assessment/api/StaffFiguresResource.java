package cn.szcg.assessment.api;

import cn.szcg.assessment.domain.CollectorFigures;
import cn.szcg.assessment.domain.CollectorReportRow;
import cn.szcg.assessment.domain.CollectorScoring;
import cn.szcg.assessment.domain.OperatorFigures;
import cn.szcg.assessment.domain.OperatorIndicator;
import cn.szcg.assessment.domain.OperatorScoring;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.ReportTable;
import cn.szcg.assessment.domain.Score;
import cn.szcg.assessment.infra.CollectorRegister;
import cn.szcg.assessment.infra.ReportFiles;
import cn.szcg.assessment.infra.StaffFigureStore;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Collector, collection-unit and center-operator figures of a month or year. Read by
 * the figure readers (efficiency office, supervision office, county government, shift lead,
 * administrator); a collector reads its own row of the collector ranking only (collector_id claim),
 * with its rank among all collectors.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "staff figures",
    description = "采集员、采集单位、坐席考核 / collectors, collection units, operators")
public class StaffFiguresResource {

  @Inject EntityManager em;
  @Inject Caller caller;
  @Inject StaffFigureStore staffFigures;
  @Inject CollectorRegister register;

  /** Who reads all staff figures. */
  static final List<String> READERS =
      List.of(
          Roles.EFFICIENCY_OFFICE,
          Roles.SUPERVISION_OFFICE,
          Roles.COUNTY_GOVERNMENT,
          Roles.SHIFT_LEAD,
          Roles.ADMIN);

  /** An operator's figures, rates (%) and score. */
  public record OperatorView(
      String operatorId,
      OperatorFigures figures,
      Map<String, BigDecimal> ratesPercent,
      BigDecimal score,
      String grade) {}

  @GET
  @Path("/figures/collectors")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN,
    Roles.COLLECTOR
  })
  @Operation(summary = "采集员考核排名 / collectors ranked by score (R-08)")
  public FiguresResource.Page<Map<String, Object>> collectors(
      @QueryParam("period") String period,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return collectorBook("COLLECTOR", period, page, size);
  }

  @GET
  @Path("/figures/collection-units")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN
  })
  @Operation(summary = "采集单位考核排名 / collection units ranked by score (R-11)")
  public FiguresResource.Page<Map<String, Object>> collectionUnits(
      @QueryParam("period") String period,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return collectorBook("COLLECTION_UNIT", period, page, size);
  }

  private FiguresResource.Page<Map<String, Object>> collectorBook(
      String book, String periodText, int page, int size) {
    Period p = FiguresResource.period(periodText);
    FiguresResource.checkPage(page, size);
    List<CollectorReportRow.Entry> entries = new ArrayList<>();
    Map<String, long[]> cells = staffFigures.subjectCells(book, p);
    // collectors by their registered name (collector-registered), else the id
    Map<String, String> names =
        "COLLECTOR".equals(book) ? register.namesOf(cells.keySet()) : Map.of();
    cells.forEach(
        (id, v) ->
            entries.add(
                new CollectorReportRow.Entry(
                    id,
                    names.getOrDefault(id, id),
                    new CollectorFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]))));
    List<CollectorReportRow> ranked =
        CollectorReportRow.rank(entries, p, CollectorScoring.defaults());
    if (!caller.hasAny(READERS)) {
      // a collector: its own row only (ranked among all), nobody else's figures
      String own = caller.collectorId();
      ranked = ranked.stream().filter(r -> own != null && own.equals(r.subjectId())).toList();
    }
    ReportTable<CollectorReportRow> table = new ReportTable<>(CollectorReportRow.columns(), ranked);
    return FiguresResource.slice(ReportFiles.rows(table), page, size);
  }

  @GET
  @Path("/figures/operators")
  @RolesAllowed({
    Roles.EFFICIENCY_OFFICE,
    Roles.SUPERVISION_OFFICE,
    Roles.COUNTY_GOVERNMENT,
    Roles.SHIFT_LEAD,
    Roles.ADMIN
  })
  @Operation(
      summary = "坐席考核 / center operators: filed on time, dispatched accurately, closed on time")
  public FiguresResource.Page<OperatorView> operators(
      @QueryParam("period") String periodText,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    Period p = FiguresResource.period(periodText);
    FiguresResource.checkPage(page, size);
    OperatorScoring scoring = OperatorScoring.defaults();
    List<OperatorView> out = new ArrayList<>();
    staffFigures
        .subjectCells("OPERATOR", p)
        .forEach(
            (id, v) -> {
              OperatorFigures f = new OperatorFigures(v[0], v[1], v[2], v[3], v[4], v[5]);
              Map<String, BigDecimal> rates = new LinkedHashMap<>();
              for (OperatorIndicator i : OperatorIndicator.values()) {
                rates.put(i.name(), i.of(f).percent());
              }
              Score s = scoring.score(f);
              out.add(
                  new OperatorView(id, f, rates, s.value(), s.graded() ? s.grade().name() : null));
            });
    out.sort(
        Comparator.comparing(
                OperatorView::score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(OperatorView::operatorId));
    return FiguresResource.slice(out, page, size);
  }
}
