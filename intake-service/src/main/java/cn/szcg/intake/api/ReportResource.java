package cn.szcg.intake.api;

import cn.szcg.intake.domain.Actor;
import cn.szcg.intake.domain.FilingDecision;
import cn.szcg.intake.infra.FilingService;
import cn.szcg.intake.infra.RegistrationService;
import cn.szcg.intake.infra.Report;
import cn.szcg.platform.web.ProblemException;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Arrivals from every channel, registered at once. */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reports", description = "受理登记 / registration of arrivals")
public class ReportResource {

  @Inject RegistrationService registration;
  @Inject FilingService filing;

  @POST
  @Operation(
      summary = "登记一次上报 / register an arrival",
      description =
          "Registers at once with a number and a server timestamp (R-04). A repeated call with the"
              + " same Idempotency-Key returns the original registration (200).")
  public Response register(
      @NotNull @Valid RegisterReportRequest request,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
      throw ProblemException.invalidField(
          "Idempotency-Key", "invalid", "1 to 128 characters / 长度须为1至128个字符");
    }
    String client = "anonymous";
    var previous = registration.findByIdempotencyKey(client, idempotencyKey);
    if (previous.isPresent()) {
      return Response.ok(ReportView.of(previous.get())).build();
    }
    Report r;
    try {
      r = registration.register(request, client, idempotencyKey, Instant.now());
    } catch (RuntimeException e) {
      // A concurrent retry with the same key won the race: answer with its registration.
      var winner = registration.findByIdempotencyKey(client, idempotencyKey);
      if (winner.isPresent()) {
        return Response.ok(ReportView.of(winner.get())).build();
      }
      throw e;
    }
    return Response.created(URI.create("/api/v1/reports/" + r.id)).entity(ReportView.of(r)).build();
  }

  @POST
  @Path("/{id}/filing")
  @Operation(
      summary = "立案 / file a case",
      description =
          "Files the report against the filing standard in force (R-05, R-12). Public reports are"
              + " filed after on-site verification. The case-filed event carries the category, the"
              + " catalogue version, the time limit, the zone and the emergency flag.")
  public ReportView file(@PathParam("id") UUID id, @NotNull @Valid FileCaseRequest request) {
    Report r =
        filing.file(
            id,
            new FilingDecision(request.categoryCode(), request.emergency(), null),
            Actor.operator("center-operator"),
            Instant.now());
    return ReportView.of(r);
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "查看一次上报 / read a report")
  public ReportView get(@PathParam("id") UUID id) {
    Report r = Report.findById(id);
    if (r == null) {
      throw ProblemException.notFound("report", id.toString());
    }
    return ReportView.of(r);
  }
}
