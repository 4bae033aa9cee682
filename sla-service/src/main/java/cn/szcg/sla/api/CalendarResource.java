package cn.szcg.sla.api;

import cn.szcg.platform.security.Roles;
import cn.szcg.sla.application.CalendarMaintenance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Calendar maintenance (工作日历维护) over HTTP; the use cases are {@link CalendarMaintenance}'s: read a
 * year; store a year's State Council notice (JSON, {@code szcg-holidays/1}, the shipped format) or
 * import an ICS file. Every change is a new calendar revision with its own version; running
 * working-time clocks whose deadline reaches a changed day (or a year that was not certain before)
 * are recomputed on it (docs/sla-calendar.md §2).
 */
@Path("/api/v1/calendar")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "工作日历 / working-time calendar")
public class CalendarResource {

  @Inject CalendarMaintenance calendar;

  @GET
  @Path("/years/{year}")
  @Operation(operationId = "getCalendarYear", summary = "某年日历 / the calendar of a year")
  public CalendarMaintenance.YearView getYear(@PathParam("year") String yearText) {
    return calendar.getYear(yearText);
  }

  @GET
  @Path("/revisions")
  @Operation(
      operationId = "listCalendarRevisions",
      summary = "日历版本 / calendar revisions, newest first")
  public List<CalendarMaintenance.RevisionView> revisions(
      @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    return calendar.revisions(page, size);
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Path("/years/{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putCalendarYear",
      summary = "录入某年节假日安排通知 / store a year's holiday notice (szcg-holidays/1 JSON)")
  public CalendarMaintenance.YearView putYear(
      @PathParam("year") String yearText, @QueryParam("reason") String reason, String body) {
    return calendar.putYear(yearText, reason, body);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Path("/years/{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "postCalendarYear",
      summary = "录入某年节假日安排通知（同 PUT）/ store a year's notice (same as PUT)")
  public CalendarMaintenance.YearView postYear(
      @PathParam("year") String yearText, @QueryParam("reason") String reason, String body) {
    return putYear(yearText, reason, body);
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Path("/ics")
  @Consumes("text/calendar")
  @Operation(
      operationId = "importHolidaysIcs",
      summary = "导入 iCalendar 节假日 / import holidays from an ICS file")
  public CalendarMaintenance.YearView importIcs(
      @QueryParam("year") String yearText, @QueryParam("reason") String reason, String body) {
    return calendar.importIcs(yearText, reason, body);
  }
}
