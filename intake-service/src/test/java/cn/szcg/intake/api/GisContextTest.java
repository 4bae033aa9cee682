package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import cn.szcg.gisclient.ServiceToken;
import cn.szcg.intake.infra.GisClient;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Location context from gis-service, and registration that does not wait for a dead gis. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class GisContextTest {

  /** What the stub's locate answer becomes in intake's events (GisStub.COMPONENTS). */
  static final List<NearbyComponent> EXPECTED =
      List.of(
          new NearbyComponent(
              "3501240101000007",
              "0101",
              "上水井盖",
              "梅城镇上水井盖",
              "DAMAGED",
              "县住房和城乡建设局",
              "闽清县自来水公司",
              "闽清县自来水公司",
              3.4),
          new NearbyComponent(
              "3501240117000021",
              "0117",
              "路灯",
              "梅城镇路灯",
              "INTACT",
              "县城市管理局",
              "县城市管理局",
              "国网闽清县供电公司",
              41.0));

  @Inject GisClient gis;
  @Inject ServiceToken serviceToken;

  @BeforeEach
  void setUp() {
    Api.signIn(Api.OPERATOR);
    Api.eligibleCollector("C0001");
    gis.resetBreaker();
    serviceToken.invalidate();
  }

  @Test
  void contextAttachedAtRegistrationWhenGisAnswers() {
    try (GisStub stub = GisStub.start()) {
      gis.resetBreaker(); // the background enricher may have found no gis before the stub started
      String id = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
      given()
          .get("/api/v1/reports/" + id)
          .then()
          .body("contextResolved", equalTo(true))
          .body("townshipName", equalTo("梅城镇"))
          .body("communityCode", equalTo("350124100001"))
          .body("gridCode", equalTo("350124100001001"))
          .body("zone", equalTo("FRINGE"))
          // the nearest components (部件) in the center's view, nearest first; the stub's entry
          // without a class code is skipped, gis's geometry and gridCode are not kept
          .body("nearestComponents.size()", equalTo(2))
          .body("nearestComponents[0].componentId", equalTo("3501240101000007"))
          .body("nearestComponents[0].classCode", equalTo("0101"))
          .body("nearestComponents[0].className", equalTo("上水井盖"))
          .body("nearestComponents[0].state", equalTo("DAMAGED"))
          .body("nearestComponents[0].maintainer", equalTo("闽清县自来水公司"))
          .body("nearestComponents[0].distanceM", equalTo(3.4f))
          .body("nearestComponents[1].componentId", equalTo("3501240117000021"))
          .body("nearestComponents[1].distanceM", equalTo(41.0f))
          .body("nearestComponents[0].geometry", nullValue());
      ReportRegistered e = (ReportRegistered) Api.event(id, "report-registered");
      assertEquals(Zone.FRINGE, e.context().zone());
      assertEquals(EXPECTED, e.context().nearestComponents());
      assertTrue(stub.locateCalls.get() >= 1);
      // asked with the configured radius and limit (szcg.gis.nearest-components.*)
      assertTrue(
          stub.locateQueries.stream().anyMatch(q -> q.endsWith("&radius=50&limit=5")),
          stub.locateQueries.toString());

      // filed: case-filed carries them too (event-carried state for dispatch)
      given()
          .contentType("application/json")
          .body("{\"categoryCode\":\"E-0101\"}")
          .post("/api/v1/reports/" + id + "/filing")
          .then()
          .statusCode(200);
      CaseFiled filed = (CaseFiled) Api.event(id, "case-filed");
      assertEquals(EXPECTED, filed.context().nearestComponents());
      // every gis call carried intake's service token
      assertTrue(
          stub.gisAuthorizations.stream().allMatch(a -> a.equals("Bearer " + GisStub.TOKEN)),
          stub.gisAuthorizations.toString());

      // video alarm without a point: the camera's position from gis
      String video =
          Api.register(
              "{\"channel\":\"VIDEO\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
                  + "\"cameraId\":\"CAM-1\",\"sourceRef\":\"AL-77\",\"confidence\":0.8}");
      given()
          .get("/api/v1/reports/" + video)
          .then()
          .body("lon", equalTo(118.8701f))
          .body("contextResolved", equalTo(true));
    }
  }

  @Test
  void gisDownRegistersAtOnceAndTheContextFollows() {
    // no stub listening: connection refused, breaker opens
    long t0 = System.nanoTime();
    String id = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
    String video =
        Api.register(
            "{\"channel\":\"VIDEO\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
                + "\"cameraId\":\"CAM-1\",\"sourceRef\":\"AL-78\"}");
    assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 3000, "no waiting on gis");
    given()
        .get("/api/v1/reports/" + id)
        .then()
        .body("contextResolved", equalTo(false))
        .body("nearestComponents", nullValue());
    ReportRegistered e = (ReportRegistered) Api.event(id, "report-registered");
    assertNull(e.context());

    try (GisStub stub = GisStub.start()) {
      LocationResolved resolved = (LocationResolved) Api.event(id, "location-resolved");
      assertEquals("350124100001001", resolved.context().gridCode());
      assertEquals(EXPECTED, resolved.context().nearestComponents());
      assertTrue(resolved.resolvedAt().isBefore(Instant.now().plusSeconds(1)));
      given()
          .get("/api/v1/reports/" + id)
          .then()
          .body("contextResolved", equalTo(true))
          .body("nearestComponents.componentId", contains("3501240101000007", "3501240117000021"));
      Api.event(video, "location-resolved");
      given().get("/api/v1/reports/" + video).then().body("lat", equalTo(26.2299f));
    }
  }

  /**
   * gis-service wants a bearer token of the role szcg-service: intake gets one from the realm's
   * token endpoint with its client credentials, sends it on each call and keeps it while it is
   * valid.
   */
  @Test
  void theServiceTokenComesFromTheTokenEndpointAndReachesGis() {
    try (GisStub stub = GisStub.start()) {
      gis.resetBreaker(); // the background enricher may have found no gis before the stub started
      String id = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
      given().get("/api/v1/reports/" + id).then().body("contextResolved", equalTo(true));
      assertEquals(1, stub.tokenCalls.get(), "one token request");
      String tokenRequest = stub.tokenRequests.get(0);
      assertTrue(tokenRequest.contains("grant_type=client_credentials"), tokenRequest);
      String basic =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      "intake-service:intake-service-local-secret"
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertTrue(
          tokenRequest.startsWith(basic)
              || (tokenRequest.contains("client_id=intake-service")
                  && tokenRequest.contains("client_secret=intake-service-local-secret")),
          tokenRequest);
      assertTrue(stub.gisAuthorizations.contains("Bearer " + GisStub.TOKEN));
      // the token is kept: the next registration asks gis, not the token endpoint
      int locates = stub.locateCalls.get();
      Api.register(Api.patrol("C0001", "E-0101", 118.8633, 26.2232));
      assertEquals(1, stub.tokenCalls.get(), "the cached token is reused");
      assertTrue(stub.locateCalls.get() > locates);
    }
  }

  /** Without a token gis counts as down: registration succeeds, the context follows later. */
  @Test
  void noServiceTokenIsTreatedLikeGisDown() {
    String id;
    try (GisStub stub = GisStub.refusingTokens()) {
      gis.resetBreaker();
      // again now that no token can be had: the background enricher may have cached one from the
      // previous test's stub after setUp's invalidate (same port, same token)
      serviceToken.invalidate();
      long t0 = System.nanoTime();
      id = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
      assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 3000, "no waiting");
      assertEquals(0, stub.locateCalls.get(), "no call to gis without a token");
      assertTrue(stub.tokenCalls.get() >= 1);
      given().get("/api/v1/reports/" + id).then().body("contextResolved", equalTo(false));
    }
    try (GisStub stub = GisStub.start()) {
      LocationResolved resolved = (LocationResolved) Api.event(id, "location-resolved");
      assertEquals("350124100001001", resolved.context().gridCode());
    }
  }

  /**
   * 受理台 filters (issue 17): township (乡镇), community (社区) and category (问题类别) narrow the operators'
   * list; a malformed or foreign code is a 400 naming the field.
   */
  @Test
  void listFiltersByTownshipCommunityAndCategory() {
    String since =
        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1).toString();
    String garbage;
    String cover;
    try (GisStub stub = GisStub.start()) {
      gis.resetBreaker();
      garbage = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
      cover = Api.register(Api.patrol("C0001", "C-0101", 118.8632, 26.2231));
    }
    // the stub located both in 梅城镇 350124100 / 解放社区 350124100001
    List<String> inTownshipAndCategory =
        given()
            .queryParam("townshipCode", "350124100")
            .queryParam("categoryCode", "E-0101")
            .queryParam("from", since)
            .queryParam("size", 200)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .body("items.townshipCode", org.hamcrest.Matchers.everyItem(equalTo("350124100")))
            .body("items.categoryCode", org.hamcrest.Matchers.everyItem(equalTo("E-0101")))
            .extract()
            .path("items.id");
    assertTrue(inTownshipAndCategory.contains(garbage), inTownshipAndCategory.toString());
    assertTrue(!inTownshipAndCategory.contains(cover), "another category is filtered out");
    List<String> inCommunity =
        given()
            .queryParam("communityCode", "350124100001")
            .queryParam("from", since)
            .queryParam("size", 200)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .body("items.communityCode", org.hamcrest.Matchers.everyItem(equalTo("350124100001")))
            .extract()
            .path("items.id");
    assertTrue(inCommunity.containsAll(List.of(garbage, cover)), inCommunity.toString());
    List<String> elsewhere =
        given()
            .queryParam("townshipCode", "350124101")
            .queryParam("from", since)
            .queryParam("size", 200)
            .get("/api/v1/reports")
            .then()
            .statusCode(200)
            .extract()
            .path("items.id");
    assertTrue(!elsewhere.contains(garbage) && !elsewhere.contains(cover), elsewhere.toString());
    // bad input: 400 problem+json naming the field, never a 500
    badFilter("townshipCode", "3501", "bad_format");
    badFilter("townshipCode", "440100001", "other_county");
    badFilter("communityCode", "35012410000x", "bad_format");
    badFilter("categoryCode", "垃圾", "bad_format");
    given()
        .queryParam("townshipCode", "350124101")
        .queryParam("communityCode", "350124100001")
        .get("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("communityCode"))
        .body("errors[0].code", equalTo("not_in_township"));
    given()
        .queryParam("categoryCode", "E".repeat(41))
        .get("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private static void badFilter(String field, String value, String code) {
    given()
        .queryParam(field, value)
        .get("/api/v1/reports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo(field))
        .body("errors[0].code", equalTo(code));
  }
}
