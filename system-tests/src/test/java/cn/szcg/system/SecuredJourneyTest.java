package cn.szcg.system;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 on the running stack: real tokens from the locally started Keycloak (password grant of
 * the demo users, client credentials of the hotline platform) drive a case through the services;
 * each step is done by the role the regulation gives it, the wrong role and the wrong unit are
 * refused, the reporter's identity stays with the center, and every change is in the audit trail.
 */
@Order(3)
class SecuredJourneyTest {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void aCaseTravelsWithRealTokensAndEachRoleStaysInItsLane() {
    // no token, no API (the operational endpoints stay open for Kubernetes)
    for (String url :
        List.of(Stack.GIS, Stack.INTAKE, Stack.DISPATCH, Stack.SLA, Stack.ASSESSMENT)) {
      Stack.at(url)
          .get("/api/v1/audit")
          .then()
          .statusCode(401)
          .contentType(
              anyOf(is("application/problem+json"), is("application/problem+json;charset=UTF-8")));
      Stack.at(url).get("/q/health/ready").then().statusCode(200);
    }
    // the published filing standard is public by design
    Stack.at(Stack.INTAKE).get("/api/v1/filing-standard").then().statusCode(200);

    // reference data is kept by the administrator
    Stack.as("admin1", Stack.INTAKE)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"闽清城市服务有限公司\",\"contractFrom\":\"2025-01-01\","
                + "\"contractTo\":\"2030-12-31\"}")
        .put("/api/v1/collection-units/U-SYS-02")
        .then()
        .statusCode(200);
    Stack.as("admin1", Stack.INTAKE)
        .contentType(ContentType.JSON)
        .body(
            "{\"name\":\"林采集\",\"unitId\":\"U-SYS-02\",\"certificate\":{\"number\":"
                + "\"MQ-CERT-SYS-2\",\"validFrom\":\"2025-01-01\",\"validTo\":\"2030-12-31\"}}")
        .put("/api/v1/collectors/C0002")
        .then()
        .statusCode(200);

    // a collector reports in their own name only
    String patrol =
        "{\"channel\":\"PATROL\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
            + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"address\":\"梅城镇解放大街12号\","
            + "\"description\":\"暴露垃圾 / exposed garbage\",\"collectorId\":\"%s\"}";
    Stack.as("collector1", Stack.INTAKE) // collector_id C0001
        .contentType(ContentType.JSON)
        .body(patrol.formatted("C0002"))
        .post("/api/v1/reports")
        .then()
        .statusCode(403);
    String id =
        Stack.as("collector2", Stack.INTAKE) // collector_id C0002
            .contentType(ContentType.JSON)
            .body(patrol.formatted("C0002"))
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .body("reportNo", notNullValue())
            .extract()
            .path("id");

    // the hotline platform pushes a ticket with the citizen's name and phone (client credentials)
    String ticket = "SYS-12345-" + System.nanoTime();
    String hotlineId =
        Stack.asClient("hotline-12345", Stack.INTAKE)
            .contentType(ContentType.JSON)
            .body(
                "{\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\",\"description\":\"路灯不亮\","
                    + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"sourceRef\":\""
                    + ticket
                    + "\",\"reporter\":{\"name\":\"张三\",\"phone\":\"13800000000\"}}")
            .post("/api/v1/reports")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    // … the center sees who called, the hotline platform's own answer does not repeat it
    Stack.as("operator1", Stack.INTAKE)
        .get("/api/v1/reports/" + hotlineId)
        .then()
        .statusCode(200)
        .body("reporterPhone", equalTo("13800000000"));
    Stack.asClient("hotline-12345", Stack.INTAKE)
        .get("/api/v1/hotline/tickets/" + ticket + "/status")
        .then()
        .statusCode(200)
        .body("reporterPhone", nullValue())
        .body("reporterName", nullValue());
    // … and the hotline platform cannot dispatch, nor read the map
    Stack.asClient("hotline-12345", Stack.GIS)
        .queryParam("lon", 118.8632)
        .queryParam("lat", 26.2231)
        .get("/api/v1/locate")
        .then()
        .statusCode(403);

    // filing is the center's, not the collector's
    String filing = "{\"categoryCode\":\"E-0101\"}";
    Stack.as("collector2", Stack.INTAKE)
        .contentType(ContentType.JSON)
        .body(filing)
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(403);
    Stack.as("shiftlead1", Stack.INTAKE)
        .contentType(ContentType.JSON)
        .body(filing)
        .post("/api/v1/reports/" + id + "/filing")
        .then()
        .statusCode(200)
        .body("status", equalTo("FILED"));

    Stack.await(
        "the case in dispatch-service",
        TIMEOUT,
        () ->
            Stack.as("dispatcher1", Stack.DISPATCH).get("/api/v1/cases/" + id).statusCode() == 200);
    String dispatch =
        "{\"unitId\":\"U-WATER\",\"requirements\":\"请尽快处理\","
            + "\"overrideReason\":\"系统测试指定自来水公司 / chosen by the system test\"}";
    Stack.as("water-receiver", Stack.DISPATCH)
        .contentType(ContentType.JSON)
        .body(dispatch)
        .post("/api/v1/cases/" + id + "/dispatch")
        .then()
        .statusCode(403);
    Stack.as("dispatcher1", Stack.DISPATCH)
        .contentType(ContentType.JSON)
        .body(dispatch)
        .post("/api/v1/cases/" + id + "/dispatch")
        .then()
        .statusCode(200);

    // another unit neither sees nor signs for it
    Stack.as("sanitation-receiver", Stack.DISPATCH)
        .get("/api/v1/cases/" + id)
        .then()
        .statusCode(404);
    Stack.as("sanitation-receiver", Stack.DISPATCH)
        .contentType(ContentType.JSON)
        .body("{\"note\":\"不是我们的\"}")
        .post("/api/v1/cases/" + id + "/sign-for")
        .then()
        .statusCode(anyOf(is(403), is(404)));
    // its own unit does
    Stack.as("water-receiver", Stack.DISPATCH).get("/api/v1/cases/" + id).then().statusCode(200);
    Stack.as("water-receiver", Stack.DISPATCH)
        .contentType(ContentType.JSON)
        .body("{\"note\":\"已签收\"}")
        .post("/api/v1/cases/" + id + "/sign-for")
        .then()
        .statusCode(200);

    // the clocks: the unit sees its own order's clocks, another unit nothing
    Stack.await(
        "the unit's clock in sla-service",
        TIMEOUT,
        () ->
            Stack.as("water-receiver", Stack.SLA)
                    .get("/api/v1/cases/" + id + "/clocks")
                    .statusCode()
                == 200);
    List<Map<String, Object>> own =
        Stack.as("water-receiver", Stack.SLA)
            .get("/api/v1/cases/" + id + "/clocks")
            .jsonPath()
            .getList("$");
    assertTrue(own.stream().allMatch(c -> "U-WATER".equals(c.get("unitId"))), own.toString());
    Stack.as("sanitation-receiver", Stack.SLA)
        .get("/api/v1/cases/" + id + "/clocks")
        .then()
        .statusCode(404);

    // the figures: the efficiency office reads them, a unit receiver does not
    Stack.await(
        "the case in assessment-service",
        TIMEOUT,
        () ->
            Stack.as("efficiency1", Stack.ASSESSMENT)
                    .get("/api/v1/cases/" + id)
                    .then()
                    .extract()
                    .path("filedAt")
                != null);
    Stack.as("water-receiver", Stack.ASSESSMENT).get("/api/v1/rankings").then().statusCode(403);

    // every change is in the audit trail, with who, their role and unit; the chains are whole
    List<Map<String, Object>> trail =
        Stack.as("supervision1", Stack.DISPATCH)
            .queryParam("who", "water-receiver")
            .get("/api/v1/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertTrue(
        trail.stream()
            .anyMatch(
                e ->
                    ("/api/v1/cases/" + id + "/sign-for").equals(e.get("path"))
                        && Integer.valueOf(200).equals(e.get("status"))
                        && "U-WATER".equals(e.get("unit"))
                        && "unit-receiver".equals(e.get("roles"))),
        trail.toString());
    assertTrue(
        trail.stream()
            .anyMatch(
                e ->
                    ("/api/v1/cases/" + id + "/dispatch").equals(e.get("path"))
                        && Integer.valueOf(403).equals(e.get("status"))),
        "the refused dispatch attempt is audited too: " + trail);
    for (String url :
        List.of(Stack.GIS, Stack.INTAKE, Stack.DISPATCH, Stack.SLA, Stack.ASSESSMENT)) {
      Map<String, Object> v =
          Stack.as("supervision1", url).get("/api/v1/audit/verification").jsonPath().getMap("$");
      assertEquals(Boolean.TRUE, v.get("intact"), url + " " + v);
    }
    Stack.as("water-leader", Stack.DISPATCH).get("/api/v1/audit").then().statusCode(403);
  }
}
