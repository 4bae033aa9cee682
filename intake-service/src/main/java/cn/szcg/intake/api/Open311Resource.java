package cn.szcg.intake.api;

import cn.szcg.intake.application.Open311Requests;
import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.domain.IntakeState;
import cn.szcg.intake.domain.Open311;
import cn.szcg.intake.infra.FilingStandard;
import cn.szcg.intake.infra.Open311Keys;
import cn.szcg.intake.infra.Open311Store;
import cn.szcg.intake.infra.Report;
import cn.szcg.platform.audit.AuditTrail;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Open311 GeoReport v2 (issue 22; R-04 the public's reports, R-07 sharing; docs/api.md "Open311
 * GeoReport v2") for citizens' and third parties' apps: the services (the filing standard's
 * publicly reportable categories), their definitions, POST a request (registered as a public report
 * like any other arrival), tokens, GET requests. Every path in two formats ({@code .json}, {@code
 * .xml}); errors in the spec's shape ({@code [{code, description}]}), not problem+json. The
 * services are public like the filing standard; requests need the app's {@code api_key} (an OAuth
 * client of the realm with role {@code open311-app}, {@link Open311Keys}), checked here rather than
 * by a bearer token — so these operations are {@code @PermitAll} at the HTTP layer. Every call with
 * an api_key is in the audit trail under the app's client id. No answer ever carries the reporter.
 */
@Path("/open311")
@SecurityScheme(
    securitySchemeName = Open311Resource.API_KEY,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.QUERY,
    apiKeyName = "api_key",
    description =
        "Open311 api_key = <client_id>:<client_secret> of a realm client with role open311-app"
            + " (docs/api.md); on POST it travels in the form body, as the spec says")
@Tag(name = "open311", description = "Open311 GeoReport v2 / 公众应用接口")
public class Open311Resource {

  static final String SPEC = "http://wiki.open311.org/GeoReport_v2";
  static final String API_KEY = "open311ApiKey";

  @Inject FilingStandard standard;
  @Inject Open311Requests requests;
  @Inject Open311Keys keys;
  @Inject AuditTrail audit;
  @Inject Caller caller;

  @GET
  @PermitAll
  @Path("/discovery.{format}")
  @SecurityRequirementsSet // public, as the filing standard: no key needed
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
  @Operation(
      operationId = "open311Discovery",
      summary = "Open311 服务发现 / Open311 service discovery",
      description = "The discovery document: the GeoReport v2 endpoint, its formats and contact.")
  public Response discovery(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "xml"}))
          @PathParam("format")
          String format) {
    return answer(
        format,
        () -> {
          Map<String, Object> endpoint = new LinkedHashMap<>();
          endpoint.put("specification", SPEC);
          endpoint.put("url", "/open311/v2");
          endpoint.put("changeset", "2026-12-07T00:00:00+08:00");
          endpoint.put("type", "production");
          endpoint.put("formats", List.of("text/xml", "application/json"));
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("changeset", "2026-12-07T00:00:00+08:00");
          d.put("contact", "闽清县数字城管指挥中心 / Minqing County digital urban management center");
          d.put(
              "key_service",
              "api_key = <client_id>:<client_secret> of a realm client with role open311-app");
          d.put("endpoints", List.of(endpoint));
          return Open311Format.object(format, "discovery", d);
        });
  }

  @GET
  @PermitAll
  @Path("/v2/services.{format}")
  @SecurityRequirementsSet // public, as the filing standard: no key needed
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
  @Operation(
      operationId = "open311ListServices",
      summary = "Open311 服务列表 / Open311 service list",
      description =
          "The publicly reportable categories (公众可报) of the filing standard in force, as"
              + " services: code, name (中文 / English), filing condition as description, major"
              + " class as group. Public.")
  public Response services(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "xml"}))
          @PathParam("format")
          String format,
      @QueryParam("jurisdiction_id") String jurisdiction) {
    return answer(
        format,
        () -> {
          requireJurisdiction(jurisdiction);
          List<Map<String, Object>> out = new ArrayList<>();
          for (Open311.Service s : Open311.services(standard.inForce(Instant.now()))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("service_code", s.serviceCode());
            m.put("service_name", s.serviceName());
            m.put("description", s.description());
            m.put("metadata", s.metadata());
            m.put("type", s.type());
            m.put("keywords", s.keywords());
            m.put("group", s.group());
            out.add(m);
          }
          return Open311Format.list(200, format, "services", "service", out);
        });
  }

  @GET
  @PermitAll
  @Path("/v2/services/{serviceCode: [A-Za-z0-9_-]+}.{format}")
  @SecurityRequirementsSet // public, as the filing standard: no key needed
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
  @Operation(
      operationId = "open311GetServiceDefinition",
      summary = "Open311 服务定义 / Open311 service definition",
      description = "The attributes of one service (kind: 举报 REPORT or 投诉 COMPLAINT). Public.")
  public Response definition(
      @PathParam("serviceCode") String code,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "xml"}))
          @PathParam("format")
          String format,
      @QueryParam("jurisdiction_id") String jurisdiction) {
    return answer(
        format,
        () -> {
          requireJurisdiction(jurisdiction);
          Open311.Definition d =
              Open311.definition(standard.inForce(Instant.now()), code)
                  .orElseThrow(() -> notFound("service_code", code));
          List<Map<String, Object>> attrs = new ArrayList<>();
          for (Open311.Attribute a : d.attributes()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variable", a.variable());
            m.put("code", a.code());
            m.put("datatype", a.datatype());
            m.put("required", a.required());
            m.put("datatype_description", a.datatypeDescription());
            m.put("order", a.order());
            m.put("description", a.description());
            List<Map<String, Object>> values = new ArrayList<>();
            for (Open311.Value v : a.values()) {
              Map<String, Object> vm = new LinkedHashMap<>();
              vm.put("key", v.key());
              vm.put("name", v.name());
              values.add(vm);
            }
            m.put("values", values);
            attrs.add(m);
          }
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("service_code", d.serviceCode());
          out.put("attributes", attrs);
          return Open311Format.object(format, "service_definition", out);
        });
  }

  @POST
  @PermitAll
  @Path("/v2/requests.{format}")
  @SecurityRequirement(name = API_KEY)
  @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
  @Operation(
      operationId = "open311CreateRequest",
      summary = "Open311 提交服务请求 / Open311 create a service request",
      description =
          "Form-encoded (or multipart with a `media` file) as the spec says: api_key,"
              + " service_code, lat/long or address_string, description, first_name, last_name,"
              + " phone, attribute[kind], media_url. Registered as a public report (channel"
              + " WEBSITE, R-04) with its number as service_request_id and its id as token. The"
              + " same Idempotency-Key (header) — or without one the same content the same day —"
              + " answers the first request (200), never a second report; the same key with other"
              + " content is 422. email, device_id and account_id are not kept.")
  public Response create(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "xml"}))
          @PathParam("format")
          String format,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @RestForm("api_key") String apiKey,
      @RestForm("jurisdiction_id") String jurisdiction,
      @RestForm("service_code") String serviceCode,
      @RestForm("lat") String lat,
      @RestForm("long") String lon,
      @RestForm("address_string") String address,
      @RestForm("description") String description,
      @RestForm("first_name") String firstName,
      @RestForm("last_name") String lastName,
      @RestForm("phone") String phone,
      @RestForm("attribute[kind]") String kind,
      @RestForm("media_url") String mediaUrl,
      @RestForm("media") FileUpload media) {
    return keyed(
        "POST",
        "/open311/v2/requests." + format,
        format,
        jurisdiction,
        apiKey,
        app -> {
          Open311Requests.Submitted s =
              requests.submit(
                  app,
                  new Open311Requests.Submission(
                      serviceCode,
                      lat,
                      lon,
                      address,
                      description,
                      firstName,
                      lastName,
                      phone,
                      kind,
                      mediaUrl),
                  idempotencyKey,
                  upload(media),
                  Instant.now());
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("service_request_id", s.report().reportNo);
          m.put("token", s.report().id.toString());
          m.put(
              "service_notice",
              "已受理，受理编号 " + s.report().reportNo + " / received as " + s.report().reportNo);
          m.put("account_id", null);
          return Open311Format.list(
              s.created() ? 201 : 200, format, "service_requests", "request", List.of(m));
        });
  }

  @GET
  @PermitAll
  @Path("/v2/tokens/{token}.{format}")
  @SecurityRequirement(name = API_KEY)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
  @Operation(
      operationId = "open311GetRequestIdByToken",
      summary = "Open311 令牌查询 / Open311 service request id from a token",
      description = "The service_request_id of a token (needs api_key).")
  @Transactional
  public Response token(
      @PathParam("token") String token,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "xml"}))
          @PathParam("format")
          String format,
      @QueryParam("api_key") String apiKey,
      @QueryParam("jurisdiction_id") String jurisdiction) {
    return keyed(
        "GET",
        "/open311/v2/tokens/" + token + "." + format,
        format,
        jurisdiction,
        apiKey,
        app -> {
          Report r = requests.byToken(token).orElseThrow(() -> notFound("token", token));
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("service_request_id", r.reportNo);
          m.put("token", r.id.toString());
          return Open311Format.list(200, format, "service_requests", "request", List.of(m));
        });
  }

  @GET
  @PermitAll
  @Path("/v2/requests.{format}")
  @SecurityRequirement(name = API_KEY)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
  @Operation(
      operationId = "open311ListRequests",
      summary = "Open311 服务请求列表 / Open311 service requests",
      description =
          "The Open311 requests (of every app) by service_request_id, service_code, start_date,"
              + " end_date (ISO 8601; the last 90 days by default, at most 90 days) and status"
              + " (open, closed), newest first, at most 1000; needs api_key. Never the reporter.")
  @Transactional
  public Response list(
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "xml"}))
          @PathParam("format")
          String format,
      @QueryParam("api_key") String apiKey,
      @QueryParam("jurisdiction_id") String jurisdiction,
      @QueryParam("service_request_id") String ids,
      @QueryParam("service_code") String codes,
      @QueryParam("start_date") String start,
      @QueryParam("end_date") String end,
      @QueryParam("status") String status) {
    return keyed(
        "GET",
        "/open311/v2/requests." + format,
        format,
        jurisdiction,
        apiKey,
        app -> {
          Open311.Query q = Open311.query(ids, codes, start, end, status, Instant.now());
          List<Map<String, Object>> out = new ArrayList<>();
          for (Open311Store.Row row : requests.list(q)) {
            Map<String, Object> m = request(row.report(), row.mediaUrl());
            if (q.statuses().isEmpty() || q.statuses().contains(m.get("status"))) {
              out.add(m);
            }
            if (out.size() == Open311.MAX_RESULTS) {
              break;
            }
          }
          return Open311Format.list(200, format, "service_requests", "request", out);
        });
  }

  @GET
  @PermitAll
  @Path("/v2/requests/{id: [A-Za-z0-9_-]+}.{format}")
  @SecurityRequirement(name = API_KEY)
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_XML})
  @Operation(
      operationId = "open311GetRequest",
      summary = "Open311 查询服务请求 / Open311 one service request",
      description = "One request by its service_request_id (needs api_key). Never the reporter.")
  @Transactional
  public Response one(
      @PathParam("id") String id,
      @Parameter(
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"json", "xml"}))
          @PathParam("format")
          String format,
      @QueryParam("api_key") String apiKey,
      @QueryParam("jurisdiction_id") String jurisdiction) {
    return keyed(
        "GET",
        "/open311/v2/requests/" + id + "." + format,
        format,
        jurisdiction,
        apiKey,
        app -> {
          Open311Store.Row row =
              requests.one(id).orElseThrow(() -> notFound("service_request_id", id));
          return Open311Format.list(
              200,
              format,
              "service_requests",
              "request",
              List.of(request(row.report(), row.mediaUrl())));
        });
  }

  /** A report as a service request: what the public may see, never who reported it. */
  Map<String, Object> request(Report r, String mediaUrl) {
    Open311.Status st = Open311.status(IntakeState.valueOf(r.status), r.caseState);
    Instant updated = r.updatedAt;
    if (r.caseStateAt != null && (updated == null || r.caseStateAt.isAfter(updated))) {
      updated = r.caseStateAt;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("service_request_id", r.reportNo);
    m.put("status", st.status());
    m.put("status_notes", st.note().toString());
    m.put("service_name", serviceName(r));
    m.put("service_code", r.categoryCode);
    m.put("description", r.description);
    m.put("agency_responsible", "闽清县数字城管指挥中心 / Minqing County digital urban management center");
    m.put("service_notice", null);
    m.put("requested_datetime", r.registeredAt == null ? null : r.registeredAt.toString());
    m.put("updated_datetime", updated == null ? null : updated.toString());
    m.put("expected_datetime", null);
    m.put("address", r.address);
    m.put("address_id", null);
    m.put("zipcode", null);
    m.put("lat", r.lat);
    m.put("long", r.lon);
    m.put("media_url", mediaUrl);
    Map<String, Object> ext = new LinkedHashMap<>();
    ext.put("detailed_status", st.detailed());
    ext.put("township", r.townshipName);
    m.put("extended_attributes", ext);
    return m;
  }

  /** The service's name as the service list gives it (中文 / English), in the report's version. */
  private String serviceName(Report r) {
    if (r.categoryCode == null) {
      return r.categoryName;
    }
    var cat =
        r.catalogueVersion != null
            ? standard.category(r.catalogueVersion, r.categoryCode)
            : standard.inForce(r.registeredAt).find(r.categoryCode);
    return cat.map(c -> c.name().toString()).orElse(r.categoryName);
  }

  private static Open311Requests.Media upload(FileUpload media) {
    if (media == null || media.uploadedFile() == null) {
      return null;
    }
    try {
      return new Open311Requests.Media(
          Files.readAllBytes(media.uploadedFile()), media.contentType(), media.fileName());
    } catch (java.io.IOException e) {
      throw ProblemException.invalidField(
          "media", "unreadable", "无法读取上传文件 / the upload could not be read");
    }
  }

  private static void requireJurisdiction(String jurisdiction) {
    if (!Open311.isThisJurisdiction(jurisdiction)) {
      throw new ProblemException(
          400,
          "unknown-jurisdiction",
          "请求参数无效 / Invalid request",
          "jurisdiction_id",
          List.of(
              new Problem.FieldError(
                  "jurisdiction_id",
                  "unknown_jurisdiction",
                  "本服务只受理闽清县（minqing 或 350124） / this server serves Minqing County only"
                      + " (minqing or 350124)")));
    }
  }

  private String requireKey(String apiKey) {
    Open311Keys.Check c = keys.check(apiKey);
    if (c.ok()) {
      return c.clientId();
    }
    if (c.refusal() == Open311Keys.Refusal.UNAVAILABLE) {
      throw ProblemException.unavailable(
          "无法校验 api_key，请稍后重试 / the api_key cannot be checked now, retry", 5);
    }
    throw new ProblemException(
        403,
        "invalid-api-key",
        "无权访问 / Forbidden",
        "api_key",
        List.of(
            new Problem.FieldError(
                "api_key",
                c.refusal() == Open311Keys.Refusal.MISSING ? "required" : "invalid",
                c.refusal() == Open311Keys.Refusal.MISSING
                    ? "缺少 api_key / api_key is required"
                    : "api_key 无效 / invalid api_key")));
  }

  private static ProblemException notFound(String field, String value) {
    return new ProblemException(
        404,
        "not-found",
        "未找到 / Not found",
        field,
        List.of(
            new Problem.FieldError(
                field, "not_found", "未找到 " + value + " / " + field + " not found: " + value)));
  }

  /**
   * Runs the call and answers what it throws in the spec's error shape (each violation one {@code
   * {code, description}}, the description naming the parameter); an unknown format is 400 in JSON.
   */
  static Response answer(String format, Supplier<Response> call) {
    if (!Open311Format.known(format)) {
      return Open311Format.errors(
          400, "json", List.of(error(400, "format", "格式须为 json 或 xml / format is json or xml")));
    }
    try {
      return call.get();
    } catch (DomainValidationException e) {
      List<Map<String, Object>> out = new ArrayList<>();
      for (FieldViolation v : e.violations()) {
        out.add(error(400, parameter(v.field()), v.messageZh() + " / " + v.messageEn()));
      }
      return Open311Format.errors(400, format, out);
    } catch (ProblemException e) {
      List<Map<String, Object>> out = new ArrayList<>();
      if (e.errors() == null || e.errors().isEmpty()) {
        out.add(error(e.status(), null, e.getMessage()));
      } else {
        for (Problem.FieldError f : e.errors()) {
          out.add(error(e.status(), parameter(f.field()), f.message()));
        }
      }
      Response r = Open311Format.errors(e.status(), format, out);
      if (e.retryAfterSeconds() != null) {
        return Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build();
      }
      return r;
    }
  }

  /** The spec's parameter for a field the registration rules name. */
  static String parameter(String field) {
    if (field == null) {
      return null;
    }
    return switch (field) {
      case "categoryCode" -> "service_code";
      case "location", "location.lat" -> "lat";
      case "location.lon" -> "long";
      case "address" -> "address_string";
      case "reporterName", "reporter.name" -> "first_name";
      case "reporterPhone", "reporter.phone" -> "phone";
      case "kind" -> "attribute[kind]";
      case "attachment", "contentType", "fileName" -> "media";
      default -> field;
    };
  }

  private static Map<String, Object> error(int code, String parameter, String description) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", code);
    m.put("description", parameter == null ? description : parameter + ": " + description);
    return m;
  }

  /**
   * A call that needs the app's api_key: the jurisdiction and the key are checked, then {@code
   * call} runs with the app's client id; the answer (or refusal) in the spec's shape ({@link
   * #answer}), and the call in the audit trail under the app — also when the key was refused (app
   * unknown).
   */
  private Response keyed(
      String method,
      String path,
      String format,
      String jurisdiction,
      String apiKey,
      Function<String, Response> call) {
    String[] app = new String[1];
    Response res =
        answer(
            format,
            () -> {
              requireJurisdiction(jurisdiction);
              app[0] = requireKey(apiKey);
              return call.apply(app[0]);
            });
    recordCall(method, path, res.getStatus(), app[0]);
    return res;
  }

  /** The audit row of a call made with an api_key (the app's client id as the client). */
  private void recordCall(String method, String path, int status, String app) {
    audit.record(
        new AuditTrail.Call(
            Instant.now(),
            app == null ? null : "open311:" + app,
            app == null ? null : "open311:" + app,
            app == null ? null : Open311Keys.ROLE,
            null,
            app,
            method,
            path.length() > 2048 ? path.substring(0, 2048) : path,
            status,
            null,
            caller.remoteAddress(),
            null));
  }
}
