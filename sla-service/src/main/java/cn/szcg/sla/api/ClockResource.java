package cn.szcg.sla.api;

import cn.szcg.sla.infra.ClockRecord;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clocks of a case: what an operator shows a unit that disputes a breach. */
@Path("/api/v1/cases/{caseId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "clocks", description = "计时 / the clocks of a case")
public class ClockResource {

  /** One stage clock. */
  public record ClockView(
      String stage,
      String zone,
      boolean emergency,
      int limitAmount,
      String limitUnit,
      Instant startedAt,
      Instant warningAt,
      Instant deadline,
      String state,
      Instant stoppedAt,
      String policyVersion,
      String calendarVersion) {}

  @GET
  @Operation(summary = "案件计时 / every clock of a case")
  public List<ClockView> clocks(@PathParam("caseId") String caseId) {
    return ClockRecord.ofCase(caseId).stream()
        .map(
            c ->
                new ClockView(
                    c.stage,
                    c.zone,
                    c.emergency,
                    c.limitAmount,
                    c.limitUnit,
                    c.startedAt,
                    c.warningAt,
                    c.deadline,
                    c.state,
                    c.stoppedAt,
                    c.policyVersion,
                    c.calendarVersion))
        .toList();
  }
}
