package cn.szcg.intake.api;

import cn.szcg.intake.application.StandardPublishing;
import cn.szcg.intake.domain.Catalogue;
import cn.szcg.intake.domain.CatalogueDraft;
import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.infra.CatalogueJson;
import cn.szcg.intake.infra.CurrentActor;
import cn.szcg.intake.infra.FilingStandard;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The filing standard (《立案、结案规范》, R-05): published, so readable by anyone without a token (the only
 * public operations of the suite); maintained by administrators publishing new versions (an
 * existing version never changes; a case keeps its version).
 */
@Path("/api/v1/filing-standard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "filing-standard", description = "立案、结案规范 / the filing standard catalogue")
public class CatalogueResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject FilingStandard standard;
  @Inject StandardPublishing publishing;
  @Inject CurrentActor current;

  @GET
  @PermitAll
  @SecurityRequirementsSet // public: no token needed (explicitly anonymous in the document)
  @Operation(
      operationId = "getFilingStandard",
      summary = "现行立案、结案规范 / the filing standard in force",
      description = "Public: categories with codes, filing and closing conditions, time limits.")
  public Response inForce() {
    return json(standard.inForce(Instant.now()));
  }

  @GET
  @PermitAll
  @SecurityRequirementsSet // public: no token needed (explicitly anonymous in the document)
  @Path("/versions")
  @Operation(operationId = "listFilingStandardVersions", summary = "全部版本 / all published versions")
  public List<Map<String, Object>> versions() {
    return standard.versions().stream()
        .map(
            c ->
                Map.<String, Object>of(
                    "version", c.version(),
                    "effectiveFrom", c.effectiveFrom().toString(),
                    "categories", c.categories().size()))
        .toList();
  }

  @GET
  @PermitAll
  @SecurityRequirementsSet // public: no token needed (explicitly anonymous in the document)
  @Path("/versions/{version}")
  @Operation(operationId = "getFilingStandardVersion", summary = "某一版本 / one version")
  public Response version(@PathParam("version") @Min(1) int version) {
    return json(
        standard
            .version(version)
            .orElseThrow(() -> ProblemException.notFound("filing standard version", "" + version)));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Path("/versions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "publishFilingStandardVersion",
      summary = "发布新版本 / publish a new version",
      description =
          "Body: the catalogue in the shipped JSON form (majorClasses, categories, effectiveFrom"
              + " as ISO-8601 with offset; a version field is ignored — the next number is"
              + " assigned). Validated field by field (400 naming each field).")
  public Response publish(String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.invalidField("body", "required", "请求体不能为空 / the body is required");
    }
    CatalogueDraft draft = CatalogueJson.readDraft(body);
    Instant effectiveFrom = null;
    try {
      JsonNode root = JSON.readTree(body);
      String ef = root.path("effectiveFrom").asText(null);
      if (ef != null) {
        effectiveFrom = OffsetDateTime.parse(ef).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new DomainValidationException(
          "立案、结案规范修订无效",
          "invalid filing standard edit",
          List.of(
              FieldViolation.of(
                  "effectiveFrom",
                  "bad_format",
                  "生效时间应为带时区偏移的 ISO-8601 时间",
                  "effectiveFrom must be an ISO-8601 date-time with offset")));
    } catch (Exception e) {
      throw ProblemException.invalidField(
          "body", "malformed-json", "请求体不是有效的 JSON / the body is not valid JSON");
    }
    Catalogue added = publishing.publish(draft, effectiveFrom, current.id(), Instant.now());
    return Response.created(URI.create("/api/v1/filing-standard/versions/" + added.version()))
        .type(MediaType.APPLICATION_JSON)
        .entity(CatalogueJson.write(added))
        .build();
  }

  private static Response json(Catalogue c) {
    return Response.ok(CatalogueJson.write(c), MediaType.APPLICATION_JSON).build();
  }
}
