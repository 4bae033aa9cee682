package cn.szcg.gis.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.szcg.testsupport.security.AuthzMatrix;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may call what in gis-service (docs/security.md): every operation × every role, no token, an
 * expired and a foreign-signed token. The map is shared reference data: every human role, the
 * suite's services (szcg-service: intake and dispatch locate, read cameras and components) and the
 * county systems read it; only administrators change it (imports, zone changes). The 12345 hotline
 * platform has no business with the map. No unit scoping: every unit sees the whole map.
 */
@QuarkusTest
class GisAuthorizationMatrixTest {

  /** Every role but hotline-platform. */
  static final Set<String> MAP_READERS = mapReaders();

  /** A component this test imports, so its read is an exact 200. */
  static final String COMPONENT = "3501240101940001";

  /** Well-formed codes that are never imported (exact 404). */
  static final String NO_CAMERA = "35012400009999999999";

  static final String NO_GRID = "3501241000019998";

  static final String NO_AREA = "350124199999";

  static final String IN_COUNTY_LON = "118.8625";
  static final String IN_COUNTY_LAT = "26.2215";

  static Set<String> mapReaders() {
    Set<String> s = new TreeSet<>(AuthzMatrix.ANY_ROLE);
    s.remove("hotline-platform");
    return s;
  }

  static String featureCollection(String... features) {
    return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
  }

  static String component(String id) {
    return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[118.8613,"
        + " 26.2213]},\"properties\":{\"id\":\""
        + id
        + "\",\"classCode\":\"0101\",\"name\":\"矩阵测试部件\",\"state\":\"完好\","
        + "\"department\":\"县住房和城乡建设局\",\"owner\":\"闽清县自来水公司\","
        + "\"maintainer\":\"闽清县自来水公司\",\"dataSource\":\"测试\",\"surveyDate\":\"2026-03-01\"}}";
  }

  @BeforeEach
  void ownTokensOnly() {
    // every request of this class carries its own token
    TestTokens.clearDefault();
    given()
        .auth()
        .oauth2(TestTokens.of("admin"))
        .contentType("application/geo+json; charset=UTF-8")
        .body(featureCollection(component(COMPONENT)))
        .post("/api/v1/imports/components")
        .then()
        .statusCode(200)
        .body("accepted", equalTo(1));
  }

  @Test
  void everyOperationTimesEveryRole() {
    AuthzMatrix m = new AuthzMatrix();
    m.op("GET", "/api/v1/locate")
        .allow(MAP_READERS)
        .expect(200)
        .with(r -> r.queryParam("lon", IN_COUNTY_LON).queryParam("lat", IN_COUNTY_LAT));
    m.op("GET", "/api/v1/components/{id}")
        .path("/api/v1/components/" + COMPONENT)
        .allow(MAP_READERS)
        .expect(200);
    m.op("GET", "/api/v1/components")
        .allow(MAP_READERS)
        .expect(200)
        .with(r -> r.queryParam("bbox", "118.86,26.22,118.865,26.225"));
    m.op("GET", "/api/v1/components/near")
        .allow(MAP_READERS)
        .expect(200)
        .with(r -> r.queryParam("lon", IN_COUNTY_LON).queryParam("lat", IN_COUNTY_LAT));
    m.op("GET", "/api/v1/pipes")
        .allow(MAP_READERS)
        .expect(200)
        .with(r -> r.queryParam("bbox", "118.86,26.22,118.865,26.225"));
    m.op("GET", "/api/v1/pipes/near")
        .allow(MAP_READERS)
        .expect(200)
        .with(r -> r.queryParam("lon", IN_COUNTY_LON).queryParam("lat", IN_COUNTY_LAT));
    // a query with a body: readers, not only administrators
    m.op("POST", "/api/v1/pipes/crossing")
        .allow(MAP_READERS)
        .expect(200)
        .with(
            r ->
                r.contentType("application/json; charset=UTF-8")
                    .body(
                        "{\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[118.860,26.220],"
                            + "[118.864,26.223]]},\"bufferM\":5}"));
    m.op("GET", "/api/v1/cameras/{id}")
        .path("/api/v1/cameras/" + NO_CAMERA)
        .allow(MAP_READERS)
        .expect(404);
    m.op("GET", "/api/v1/cameras")
        .allow(MAP_READERS)
        .expect(200)
        .with(r -> r.queryParam("bbox", "118.86,26.22,118.865,26.225"));
    m.op("GET", "/api/v1/areas").allow(MAP_READERS).expect(200);
    m.op("GET", "/api/v1/areas/{code}")
        .path("/api/v1/areas/" + NO_AREA)
        .allow(MAP_READERS)
        .expect(404);
    m.op("GET", "/api/v1/grids")
        .allow(MAP_READERS)
        .expect(200)
        .with(r -> r.queryParam("bbox", "118.86,26.22,118.865,26.225"));
    m.op("GET", "/api/v1/grids/{code}")
        .path("/api/v1/grids/" + NO_GRID)
        .allow(MAP_READERS)
        .expect(404);
    m.op("POST", "/api/v1/grids/{code}/zone-changes")
        .path("/api/v1/grids/" + NO_GRID + "/zone-changes")
        .allow("admin")
        .expect(404)
        .with(
            r ->
                r.contentType("application/json; charset=UTF-8")
                    .body(
                        "{\"zone\":\"FRINGE\",\"effectiveFrom\":\"2026-07-01T00:00:00Z\","
                            + "\"reason\":\"矩阵测试\"}"));
    // an empty collection: the gate is what is tested, nothing is loaded
    m.op("POST", "/api/v1/imports/{kind}")
        .path("/api/v1/imports/components")
        .allow("admin")
        .expect(200)
        .with(r -> r.contentType("application/geo+json; charset=UTF-8").body(featureCollection()));
    // the county seat's tile at zoom 14 (an empty tile is a 200 too)
    m.op("GET", "/api/v1/tiles/{z}/{x}/{y}.mvt")
        .path("/api/v1/tiles/14/13601/6954.mvt")
        .allow(MAP_READERS)
        .expect(200);
    m.op("GET", "/api/v1/audit").allow("supervision-office", "admin").expect(200);
    m.op("GET", "/api/v1/audit/verification").allow("supervision-office", "admin").expect(200);
    m.verify();
  }

  @Test
  void aRefusedImportLoadsNothing() {
    String id = "3501240101940002";
    given()
        .auth()
        .oauth2(TestTokens.of("operator"))
        .contentType("application/geo+json; charset=UTF-8")
        .body(featureCollection(component(id)))
        .post("/api/v1/imports/components")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(TestTokens.of("szcg-service"))
        .get("/api/v1/components/" + id)
        .then()
        .statusCode(404);
  }

  @Test
  void theAuditTrailRecordsChangesAndRefusalsAndStaysIntact() {
    String user = "gis-audit-probe-" + System.nanoTime();
    given()
        .auth()
        .oauth2(TestTokens.user(user, "admin").build())
        .contentType("application/json; charset=UTF-8")
        .body("{\"zone\":\"FRINGE\",\"effectiveFrom\":\"2026-07-01T00:00:00Z\",\"reason\":\"审计\"}")
        .post("/api/v1/grids/" + NO_GRID + "/zone-changes")
        .then()
        .statusCode(404);
    String intruder = "gis-audit-intruder-" + System.nanoTime();
    given()
        .auth()
        .oauth2(TestTokens.user(intruder, "hotline-platform").client("hotline-12345").build())
        .contentType("application/geo+json; charset=UTF-8")
        .body(featureCollection())
        .post("/api/v1/imports/grids")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.of("supervision-office"))
        .queryParam("who", user)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].method", equalTo("POST"))
        .body("[0].path", equalTo("/api/v1/grids/" + NO_GRID + "/zone-changes"))
        .body("[0].status", equalTo(404))
        .body("[0].roles", equalTo("admin"));
    given()
        .auth()
        .oauth2(TestTokens.of("admin"))
        .queryParam("who", intruder)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].path", equalTo("/api/v1/imports/grids"))
        .body("[0].status", equalTo(403))
        .body("[0].roles", equalTo("hotline-platform"))
        .body("[0].client", equalTo("hotline-12345"));
    given()
        .auth()
        .oauth2(TestTokens.of("admin"))
        .get("/api/v1/audit/verification")
        .then()
        .statusCode(200)
        .body("intact", equalTo(true));
  }
}
