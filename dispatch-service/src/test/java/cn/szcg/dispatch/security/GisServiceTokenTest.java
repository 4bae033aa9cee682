package cn.szcg.dispatch.security;

import static cn.szcg.dispatch.api.Api.DISPATCHER;
import static cn.szcg.dispatch.api.Api.body;
import static cn.szcg.dispatch.api.Api.file;
import static cn.szcg.dispatch.api.Api.ok;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.dispatch.api.Api;
import cn.szcg.dispatch.api.GisStub;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dispatch → gis with a service token: the component lookup carries a client-credentials token of
 * dispatch-service (GisStub answers 401 without one, and is its token endpoint too). When no token
 * can be got the lookup degrades like gis being down — the proposal and the dispatch go on.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class GisServiceTokenTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  @AfterEach
  void tokenEndpointUp() {
    System.clearProperty(GisStub.TOKEN_ENDPOINT_DOWN);
  }

  @Test
  void theLookupCarriesAServiceToken() {
    String caseId = file("C-0302", "350124100", GisStub.WATER_COVER, false, Channel.PATROL);
    JsonPath p = proposal(caseId);
    assertEquals("FOUND", p.getString("maintainerStatus"));
    assertEquals("U-WATER", p.getString("proposedUnitId"));
  }

  @Test
  void withoutAServiceTokenTheLookupDegradesLikeGisDown() throws InterruptedException {
    String caseId = file("C-0302", "350124100", GisStub.WATER_COVER, false, Channel.PATROL);
    System.setProperty(GisStub.TOKEN_ENDPOINT_DOWN, "true");
    Thread.sleep(2_100); // the stub's tokens live one second: the next lookup asks for a new one
    long t0 = System.nanoTime();
    JsonPath p = proposal(caseId);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("GIS_UNAVAILABLE", p.getString("maintainerStatus"));
    assertEquals("U-SANITATION", p.getString("proposedUnitId"));
    assertTrue(p.getString("explanationZh").contains("GIS服务暂不可用"), p.getString("explanationZh"));
    assertTrue(ms < 2500, "took " + ms + " ms");
    // the case goes on: dispatched by the matrix without the maintainer
    JsonPath d = ok(DISPATCHER, caseId, "dispatch", body());
    assertEquals("U-SANITATION", d.getString("caseAfter.responsibleUnitId"));
    assertEquals("GIS_UNAVAILABLE", d.getString("step.data.maintainerLookup"));
    // the token server is back: the maintainer is found again
    System.clearProperty(GisStub.TOKEN_ENDPOINT_DOWN);
    String next = file("C-0302", "350124100", GisStub.WATER_COVER, false, Channel.PATROL);
    assertEquals("FOUND", proposal(next).getString("maintainerStatus"));
  }

  static JsonPath proposal(String caseId) {
    var r = given().get("/api/v1/cases/" + caseId + "/dispatch-proposal");
    assertEquals(200, r.statusCode(), r.asString());
    return r.jsonPath();
  }
}
