package cn.szcg.assessment.api;

import cn.szcg.assessment.application.Page;
import cn.szcg.assessment.application.StaffFiguresQueries;
import cn.szcg.assessment.application.StaffFiguresQueries.OperatorView;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Collector, collection-unit and center-operator figures of a month or year. Read by
 * the figure readers (efficiency office, supervision office, county government, shift lead,
 * administrator); a collector reads its own row of the collector ranking only (collector_id claim),
 * with its rank among all collectors. The figures are read by {@link StaffFiguresQueries}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "staff figures",
    description = "采集员、采集单位、坐席考核 / collectors, collection units, operators")
public class StaffFiguresResource {

  @Inject StaffFiguresQueries queries;
  @Inject Caller caller;

  /** Who reads all staff figures. */
  static final List<String> READERS =
      List.of(
          Roles.EFFICIENCY_OFFICE,
          Roles.SUPERVISION_OFFICE,
          Roles.COUNTY_GOVERNMENT,
          Roles.SHIFT_LEAD,
          Roles.ADMIN);

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
  @Operation(
      operationId = "rankCollectors",
      summary = "采集员考核排名 / collectors ranked by score (R-08)")
  public Page<Map<String, Object>> collectors(
      @QueryParam("period") String period,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return collectorBook(StaffFiguresBook.Book.COLLECTOR, period, page, size);
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
  @Operation(
      operationId = "rankCollectionUnits",
      summary = "采集单位考核排名 / collection units ranked by score (R-11)")
  public Page<Map<String, Object>> collectionUnits(
      @QueryParam("period") String period,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    return collectorBook(StaffFiguresBook.Book.COLLECTION_UNIT, period, page, size);
  }

  private Page<Map<String, Object>> collectorBook(
      StaffFiguresBook.Book book, String periodText, int page, int size) {
    Period p = FiguresResource.period(periodText);
    FiguresResource.checkPage(page, size);
    // a collector (not a reader of all): its own row only (ranked among all)
    boolean ownRowOnly = !caller.hasAny(READERS);
    return queries.collectorBook(book, p, ownRowOnly, caller.collectorId(), page, size);
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
      operationId = "listOperatorFigures",
      summary = "坐席考核 / center operators: filed on time, dispatched accurately, closed on time")
  public Page<OperatorView> operators(
      @QueryParam("period") String periodText,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("50") int size) {
    Period p = FiguresResource.period(periodText);
    FiguresResource.checkPage(page, size);
    return queries.operators(p, page, size);
  }
}
