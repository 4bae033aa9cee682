package cn.szcg.intake.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open311 GeoReport v2 end to end (issue 22, docs/api.md "Open311 GeoReport v2"): requests built
 * exactly as the spec's examples (form-encoded POST with api_key, jurisdiction_id, service_code,
 * lat/long, address_string, email, device_id, account_id, first_name, last_name, phone,
 * description, media_url; GET with the spec's query parameters), in JSON and XML, against the real
 * registration, the real api_key check (a client-credentials grant at the realm's token endpoint,
 * {@link KeycloakTokenStub}) and the case events intake follows.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(KeycloakTokenStub.class)
class Open311Test {

  static final String KEY = KeycloakTokenStub.APP_KEY;
  static final String ADMIN = TestTokens.user("admin-1", "admin").build();
  static final String OPERATOR = TestTokens.user("center-operator", "operator").build();
  static final String SHIFT_LEAD = TestTokens.user("lead-1", "shift-lead").build();

  @BeforeEach
  void plain() {
    TestTokens.clearDefault();
    RestAssured.requestSpecification = null;
  }

  /** The spec's POST example, with Minqing's values (梅城镇台山路, a street lamp). */
  static RequestSpecification specExample(String description) {
    return specExample(description, Map.of());
  }

  /** The spec's POST example with some parameters replaced. */
  static RequestSpecification specExample(String description, Map<String, String> replaced) {
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("api_key", KEY);
    form.put("jurisdiction_id", "minqing");
    form.put("service_code", "C-0109");
    form.put("lat", "26.2231");
    form.put("long", "118.8632");
    form.put("address_string", "梅城镇台山路 12 号");
    form.put("email", "zhang@example.cn");
    form.put("device_id", "tt222111");
    form.put("account_id", "123456");
    form.put("first_name", "三");
    form.put("last_name", "张");
    form.put("phone", "13800000000");
    form.put("description", description);
    form.put("media_url", "https://photos.example.cn/lamp.jpg");
    form.putAll(replaced);
    return given().contentType(ContentType.URLENC.withCharset("UTF-8")).formParams(form);
  }

  static String create(String description) {
    return specExample(description)
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(201)
        .contentType(containsString("application/json"))
        .extract()
        .path("[0].service_request_id");
  }

  @Test
  void servicesAreThePubliclyReportableCategoriesInJsonAndXml() {
    List<String> codes =
        given()
            .get("/open311/v2/services.json")
            .then()
            .statusCode(200)
            .body("find { it.service_code == 'C-0109' }.service_name", equalTo("路灯 / Street lamp"))
            .body("find { it.service_code == 'C-0109' }.metadata", equalTo(true))
            .body("find { it.service_code == 'C-0109' }.type", equalTo("realtime"))
            .body("find { it.service_code == 'C-0109' }.group", equalTo("公用设施 / Public utilities"))
            .extract()
            .path("service_code");
    assertTrue(codes.contains("E-0101"));
    assertFalse(codes.contains("C-0111"), "通信交接箱 is not publicly reportable");
    String xml =
        given()
            .get("/open311/v2/services.xml?jurisdiction_id=350124")
            .then()
            .statusCode(200)
            .contentType(containsString("text/xml"))
            .extract()
            .asString();
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), xml);
    XmlPath x = new XmlPath(xml);
    assertEquals(codes.size(), x.getList("services.service.service_code").size());
    assertEquals(
        "路灯 / Street lamp",
        x.getString("services.service.find { it.service_code == 'C-0109' }.service_name"));
  }

  @Test
  void aServiceDefinitionListsItsAttributes() {
    given()
        .get("/open311/v2/services/E-0101.json?jurisdiction_id=minqing")
        .then()
        .statusCode(200)
        .body("service_code", equalTo("E-0101"))
        .body("attributes[0].code", equalTo("kind"))
        .body("attributes[0].datatype", equalTo("singlevaluelist"))
        .body("attributes[0].values.key", equalTo(List.of("REPORT", "COMPLAINT")));
    XmlPath x =
        new XmlPath(
            given()
                .get("/open311/v2/services/E-0101.xml")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertEquals("E-0101", x.getString("service_definition.service_code"));
    assertEquals("kind", x.getString("service_definition.attributes.attribute.code"));
    assertEquals(
        List.of("REPORT", "COMPLAINT"),
        x.getList("service_definition.attributes.attribute.values.value.key"));
    // not a service: unknown, or a category the public may not report
    given()
        .get("/open311/v2/services/C-0111.json")
        .then()
        .statusCode(404)
        .body("[0].code", equalTo(404))
        .body("[0].description", containsString("service_code"));
    XmlPath err =
        new XmlPath(
            given()
                .get("/open311/v2/services/C-9999.xml")
                .then()
                .statusCode(404)
                .extract()
                .asString());
    assertEquals("404", err.getString("errors.error.code"));
  }

  @Test
  void anotherJurisdictionOrFormatIsRefusedInTheSpecsShape() {
    given()
        .get("/open311/v2/services.json?jurisdiction_id=city.gov")
        .then()
        .statusCode(400)
        .body("[0].code", equalTo(400))
        .body("[0].description", containsString("jurisdiction_id"));
    specExample("x", Map.of("jurisdiction_id", "city.gov"))
        .post("/open311/v2/requests.xml")
        .then()
        .statusCode(400)
        .body("errors.error.description", containsString("jurisdiction_id"));
    given()
        .get("/open311/v2/services.csv")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("format"));
  }

  @Test
  void aRequestIsRegisteredAndReadBackWithoutTheReporter() {
    String desc = "路灯不亮 " + UUID.randomUUID();
    Response posted = specExample(desc).post("/open311/v2/requests.json");
    posted.then().statusCode(201);
    String id = posted.path("[0].service_request_id");
    String token = posted.path("[0].token");
    assertTrue(id.startsWith("MQ"), id);
    assertTrue(((String) posted.path("[0].service_notice")).contains(id));

    String one =
        given()
            .queryParam("api_key", KEY)
            .get("/open311/v2/requests/" + id + ".json")
            .then()
            .statusCode(200)
            .body("[0].service_request_id", equalTo(id))
            .body("[0].status", equalTo("open"))
            .body("[0].extended_attributes.detailed_status", equalTo("submitted"))
            .body("[0].service_code", equalTo("C-0109"))
            .body("[0].service_name", equalTo("路灯 / Street lamp"))
            .body("[0].description", equalTo(desc))
            .body("[0].address", equalTo("梅城镇台山路 12 号"))
            .body("[0].lat", equalTo(26.2231f))
            .body("[0].long", equalTo(118.8632f))
            .body("[0].media_url", equalTo("https://photos.example.cn/lamp.jpg"))
            .extract()
            .asString();
    assertFalse(one.contains("13800000000") || one.contains("张") || one.contains("zhang@"), one);

    // the token names the request
    given()
        .queryParam("api_key", KEY)
        .get("/open311/v2/tokens/" + token + ".json")
        .then()
        .statusCode(200)
        .body("[0].service_request_id", equalTo(id))
        .body("[0].token", equalTo(token));
    XmlPath tx =
        new XmlPath(
            given()
                .queryParam("api_key", KEY)
                .get("/open311/v2/tokens/" + token + ".xml")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertEquals(id, tx.getString("service_requests.request.service_request_id"));

    // XML of one request, and the list by id, code, window and status
    XmlPath ox =
        new XmlPath(
            given()
                .queryParam("api_key", KEY)
                .get("/open311/v2/requests/" + id + ".xml")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    assertEquals("open", ox.getString("service_requests.request.status"));
    assertEquals(
        "submitted", ox.getString("service_requests.request.extended_attributes.detailed_status"));
    given()
        .queryParam("api_key", KEY)
        .queryParam("service_code", "C-0109,E-0101")
        .queryParam("status", "open")
        .get("/open311/v2/requests.json")
        .then()
        .statusCode(200)
        .body("service_request_id", hasItem(id));
    given()
        .queryParam("api_key", KEY)
        .queryParam("service_request_id", id)
        .queryParam("status", "closed")
        .get("/open311/v2/requests.json")
        .then()
        .statusCode(200)
        .body("service_request_id", not(hasItem(id)));
    given()
        .queryParam("api_key", KEY)
        .queryParam("start_date", Instant.now().minus(Duration.ofDays(2)).toString())
        .queryParam("end_date", Instant.now().plus(Duration.ofMinutes(5)).toString())
        .get("/open311/v2/requests.xml")
        .then()
        .statusCode(200)
        .body("service_requests.request.service_request_id", hasItem(id));
    given()
        .queryParam("api_key", KEY)
        .queryParam("start_date", "2026-12-01T00:00:00+08:00")
        .queryParam("end_date", "2026-11-01T00:00:00+08:00")
        .get("/open311/v2/requests.json")
        .then()
        .statusCode(400)
        .body("[0].description", containsString("end_date"));

    // the center sees it as a public report of channel WEBSITE, the reporter included
    given()
        .auth()
        .oauth2(OPERATOR)
        .get("/api/v1/reports/" + token)
        .then()
        .statusCode(200)
        .body("channel", equalTo("WEBSITE"))
        .body("reporterName", equalTo("张三"))
        .body("reporterPhone", equalTo("13800000000"));
  }

  @Test
  void theSameKeyOrTheSameContentGivesTheSameRequestNeverTwo() {
    String key = "app-retry-" + UUID.randomUUID();
    String desc = "井盖缺失 " + UUID.randomUUID();
    Response first =
        specExample(desc).header("Idempotency-Key", key).post("/open311/v2/requests.json");
    first.then().statusCode(201);
    specExample(desc)
        .header("Idempotency-Key", key)
        .post("/open311/v2/requests.xml")
        .then()
        .statusCode(200)
        .body(
            "service_requests.request.service_request_id",
            equalTo(first.path("[0].service_request_id")))
        .body("service_requests.request.token", equalTo(first.path("[0].token")));
    specExample("另一件事 " + UUID.randomUUID())
        .header("Idempotency-Key", key)
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(422)
        .body("[0].code", equalTo(422))
        .body("[0].description", containsString("Idempotency-Key"));
    // without a key: the same form again is the same request
    String desc2 = "占道经营 " + UUID.randomUUID();
    String a = create(desc2);
    specExample(desc2)
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(200)
        .body("[0].service_request_id", equalTo(a));
    // another app's identical form is its own request
    specExample(desc2, Map.of("api_key", KeycloakTokenStub.OTHER_APP_KEY))
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(201)
        .body("[0].service_request_id", not(equalTo(a)));
  }

  @Test
  void theApiKeyMustBeAnOpen311AppOfTheRealm() {
    given()
        .contentType(ContentType.URLENC)
        .formParam("service_code", "C-0109")
        .formParam("lat", "26.2231")
        .formParam("long", "118.8632")
        .formParam("description", "无 key")
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(403)
        .body("[0].code", equalTo(403))
        .body("[0].description", containsString("api_key"));
    specExample("错的密钥", Map.of("api_key", "open311-demo:wrong"))
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(403);
    specExample("县级系统不是应用", Map.of("api_key", KeycloakTokenStub.COUNTY_KEY))
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(403);
    given()
        .get("/open311/v2/requests.json")
        .then()
        .statusCode(403)
        .body("[0].description", containsString("api_key"));
    // a good key is checked at the realm once, then remembered
    create("记住的密钥 " + UUID.randomUUID());
    int calls = KeycloakTokenStub.CALLS.get();
    create("记住的密钥 " + UUID.randomUUID());
    given().queryParam("api_key", KEY).get("/open311/v2/requests.json").then().statusCode(200);
    assertEquals(calls, KeycloakTokenStub.CALLS.get());
  }

  @Test
  void badFormsNameTheSpecsParameter() {
    specExample("x", Map.of("service_code", "C-0111"))
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(400)
        .body("description", hasItem(containsString("service_code")));
    given()
        .contentType(ContentType.URLENC)
        .formParam("api_key", KEY)
        .formParam("service_code", "C-0109")
        .formParam("description", "没有位置")
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(400)
        .body("description", hasItem(containsString("lat")));
    specExample("x", Map.of("lat", "north"))
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(400)
        .body("description", hasItem(containsString("lat")));
    specExample("x", Map.of("attribute[kind]", "CONSULTATION"))
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(400)
        .body("description", hasItem(containsString("attribute[kind]")));
    specExample("x", Map.of("media_url", "file:///etc/passwd"))
        .post("/open311/v2/requests.json")
        .then()
        .statusCode(400)
        .body("description", hasItem(containsString("media_url")));
  }

  @Test
  void mediaMayBeUploadedWithTheRequest() {
    byte[] jpeg = cn.szcg.intake.api.TestImages.jpeg("open311-" + UUID.randomUUID());
    Response r =
        given()
            .multiPart("api_key", KEY)
            .multiPart("service_code", "E-0101")
            .multiPart("lat", "26.2231")
            .multiPart("long", "118.8632")
            .multiPart("description", "暴露垃圾 " + UUID.randomUUID())
            .multiPart("attribute[kind]", "COMPLAINT")
            .multiPart("media", "garbage.jpg", jpeg, "image/jpeg")
            .post("/open311/v2/requests.json");
    r.then().statusCode(201);
    String token = r.path("[0].token");
    given()
        .auth()
        .oauth2(OPERATOR)
        .get("/api/v1/reports/" + token + "/attachments")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].purpose", equalTo("BEFORE"))
        .body("[0].contentType", equalTo("image/jpeg"));
    given()
        .auth()
        .oauth2(OPERATOR)
        .get("/api/v1/reports/" + token)
        .then()
        .body("kind", equalTo("COMPLAINT"));
  }

  @Test
  void theStatusFollowsTheCase() {
    String id = create("路灯倒伏 " + UUID.randomUUID());
    String reportId =
        given()
            .queryParam("api_key", KEY)
            .get("/open311/v2/requests/" + id + ".json")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].service_request_id");
    assertEquals(id, reportId);
    String uuid =
        given()
            .queryParam("api_key", KEY)
            .queryParam("service_request_id", id)
            .get("/open311/v2/requests.json")
            .then()
            .extract()
            .path("[0].service_request_id");
    assertEquals(id, uuid);
    String caseId =
        given()
            .auth()
            .oauth2(OPERATOR)
            .queryParam("channel", "WEBSITE")
            .get("/api/v1/reports")
            .then()
            .extract()
            .path("items.find { it.reportNo == '" + id + "' }.id");
    given()
        .auth()
        .oauth2(SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"C-0109\",\"overrideReason\":\"值班长确认\"}")
        .post("/api/v1/reports/" + caseId + "/filing")
        .then()
        .statusCode(200);
    assertDetailed(id, "open", "acknowledged");
    step(caseId, 1, "DISPATCH", "DISPATCHED");
    assertDetailed(id, "open", "in_progress");
    step(caseId, 9, "CLOSE", "CLOSED");
    assertDetailed(id, "closed", "fixed");
    given()
        .queryParam("api_key", KEY)
        .queryParam("service_request_id", id)
        .queryParam("status", "closed")
        .get("/open311/v2/requests.json")
        .then()
        .body("service_request_id", hasItem(id));
  }

  @Test
  void everyCallWithAnApiKeyIsAudited() {
    String id = create("审计 " + UUID.randomUUID());
    given()
        .queryParam("api_key", KEY)
        .get("/open311/v2/requests/" + id + ".json")
        .then()
        .statusCode(200);
    List<Map<String, Object>> rows =
        given()
            .auth()
            .oauth2(ADMIN)
            .queryParam("who", "open311:open311-demo")
            .queryParam("limit", 50)
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    "POST".equals(r.get("method"))
                        && "open311-demo".equals(r.get("client"))
                        && ((String) r.get("path")).startsWith("/open311/v2/requests")),
        rows.toString());
    assertTrue(
        rows.stream().anyMatch(r -> ("/open311/v2/requests/" + id + ".json").equals(r.get("path"))),
        rows.toString());
  }

  private static void assertDetailed(String id, String status, String detailed) {
    long until = System.currentTimeMillis() + 20_000;
    String last = null;
    while (System.currentTimeMillis() < until) {
      Response r = given().queryParam("api_key", KEY).get("/open311/v2/requests/" + id + ".json");
      last = r.asString();
      if (status.equals(r.path("[0].status"))
          && detailed.equals(r.path("[0].extended_attributes.detailed_status"))) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new AssertionError("expected " + status + "/" + detailed + " but was " + last);
  }

  private static void step(String caseId, long seq, String transition, String toState) {
    var t =
        new CaseTransitioned(
            caseId,
            seq,
            transition,
            "BEFORE",
            toState,
            "someone",
            "DISPATCHER",
            null,
            Instant.now(),
            null,
            "O-" + caseId,
            "U-OPEN311",
            "C-0109",
            Zone.URBAN,
            false,
            null,
            null,
            null,
            false,
            true,
            Map.of());
    TestEvents.send(
        KafkaTestResource.kafka().bootstrapServers(),
        Topics.CASES,
        EventCodec.wrap("dispatch-service", caseId, Instant.now(), t));
  }
}
