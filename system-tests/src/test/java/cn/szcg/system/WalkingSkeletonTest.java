package cn.szcg.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The spine of the suite, end to end on the running local stack (real processes, real broker, real
 * database): a collector's report is registered and filed in intake-service; dispatch-service,
 * sla-service and assessment-service each consume the events and show the case through their own
 * REST API.
 */
@Order(2)
class WalkingSkeletonTest {

  @Test
  void aReportTravelsThroughAllServices() {
    for (String url :
        List.of(Stack.GIS, Stack.INTAKE, Stack.DISPATCH, Stack.SLA, Stack.ASSESSMENT)) {
      for (String probe : List.of("/q/health/live", "/q/health/ready", "/q/health/started")) {
        Stack.at(url).get(probe).then().statusCode(200);
      }
      Stack.at(url).get("/q/metrics").then().statusCode(200);
      Stack.at(url).get("/q/openapi").then().statusCode(200);
    }

    // Every call below carries a real access token from the locally started Keycloak.
    // Only a certified, active collector of a contracted collection unit may report.
    Stack.as("admin1", Stack.INTAKE)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"闽清城市服务有限公司\",\"contractFrom\":\"2025-01-01\","
                + "\"contractTo\":\"2030-12-31\"}")
        .put("/api/v1/collection-units/U-SYS-01")
        .then()
        .statusCode(200);
    Stack.as("admin1", Stack.INTAKE)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"林采集\",\"unitId\":\"U-SYS-01\",\"certificate\":{\"number\":"
                + "\"MQ-CERT-SYS-1\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2030-12-31\"}}")
        .put("/api/v1/collectors/C0001")
        .then()
        .statusCode(200);

    String id =
        Stack.as("collector1", Stack.INTAKE) // collector_id C0001
            .contentType(ContentType.JSON)
            .body(
                """
                {"channel":"PATROL","kind":"REPORT","categoryCode":"E-0101",
                 "location":{"lon":118.8632,"lat":26.2231},"address":"梅城镇解放大街12号",
                 "description":"暴露垃圾 / exposed garbage","collectorId":"C0001"}
                """)
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("reportNo", notNullValue())
            .extract()
            .path("id");

    Stack.as("shiftlead1", Stack.INTAKE)
        .contentType(ContentType.JSON)
        .body("{\"categoryCode\":\"E-0101\"}")
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILED"));

    Duration timeout = Duration.ofSeconds(60);
    Stack.await(
        "the case in dispatch-service",
        timeout,
        () ->
            Stack.as("dispatcher1", Stack.DISPATCH).get("/api/v1/cases/" + id).statusCode() == 200);
    Stack.as("dispatcher1", Stack.DISPATCH)
        .get("/api/v1/cases/" + id)
        .then()
        .statusCode(200)
        .body("caseId", equalTo(id));

    Stack.await(
        "the R-12 clock in sla-service",
        timeout,
        () ->
            !Stack.as("operator1", Stack.SLA)
                .get("/api/v1/cases/" + id + "/clocks")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$")
                .isEmpty());
    List<Map<String, Object>> clocks =
        Stack.as("operator1", Stack.SLA)
            .get("/api/v1/cases/" + id + "/clocks")
            .jsonPath()
            .getList("$");
    assertEquals("REGISTRATION_TO_DISPATCH", clocks.get(0).get("stage"));

    Stack.await(
        "the filed case in assessment-service",
        timeout,
        () ->
            Stack.as("efficiency1", Stack.ASSESSMENT)
                    .get("/api/v1/cases/" + id)
                    .then()
                    .extract()
                    .path("filedAt")
                != null);
  }
}
