package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import cn.szcg.intake.infra.GisClient;
import cn.szcg.intake.infra.ServiceToken;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Location context from gis-service, and registration that does not wait for a dead gis. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class GisContextTest {

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
          .body("zone", equalTo("FRINGE"));
      ReportRegistered e = (ReportRegistered) Api.event(id, "report-registered");
      assertEquals(Zone.FRINGE, e.context().zone());
      assertTrue(stub.locateCalls.get() >= 1);
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
    given().get("/api/v1/reports/" + id).then().body("contextResolved", equalTo(false));
    ReportRegistered e = (ReportRegistered) Api.event(id, "report-registered");
    assertNull(e.context());

    try (GisStub stub = GisStub.start()) {
      LocationResolved resolved = (LocationResolved) Api.event(id, "location-resolved");
      assertEquals("350124100001001", resolved.context().gridCode());
      assertTrue(resolved.resolvedAt().isBefore(Instant.now().plusSeconds(1)));
      given().get("/api/v1/reports/" + id).then().body("contextResolved", equalTo(true));
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
}
