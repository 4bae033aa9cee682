package cn.szcg.intake.api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Zone;
import cn.szcg.gisclient.ServiceToken;
import cn.szcg.intake.infra.GisClient;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unit sees the problem (R-13, R-14, R-15, R-28; docs/intake.md §12): the unit an order of the
 * case is addressed to, the department of a sub-order and the collector ordered to check read the
 * report (what, where, category with its conditions) and every photo of it — while they hold the
 * case and afterwards — and never the reporter. Any other unit or collector gets 404, as for a
 * report that does not exist. Holders come from the szcg.cases events, in any order, repeated.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CaseHolderAccessTest {

  static final byte[] BEFORE = TestImages.jpeg("before");
  static final byte[] ON_SITE = TestImages.jpeg("on-site");

  @Inject GisClient gis;
  @Inject ServiceToken serviceToken;
  @Inject AgroalDataSource ds;

  @BeforeEach
  void setUp() {
    Api.signIn(Api.OPERATOR);
    Api.eligibleCollector("C-HOLD-V");
    gis.resetBreaker();
    serviceToken.invalidate();
  }

  static String unit(String role, String unitId) {
    return TestTokens.ofUnit(role, unitId);
  }

  static void step(
      String caseId,
      long seq,
      String transition,
      String toState,
      String orderId,
      String unitId,
      Map<String, String> data) {
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
            orderId,
            unitId,
            "E-0101",
            Zone.URBAN,
            false,
            null,
            null,
            null,
            false,
            true,
            data);
    TestEvents.send(
        Api.bootstrap(),
        Topics.CASES,
        EventCodec.wrap("dispatch-service", caseId, Instant.now(), t));
  }

  static int status(String token, String path) {
    return Api.as(token).get(path).then().extract().statusCode();
  }

  @Test
  void holdersReadTheProblemAndItsPhotosNobodyElseDoes() throws Exception {
    String ref = "12345-HOLD-" + UUID.randomUUID();
    String id;
    String beforePhoto;
    String sitePhoto;
    try (GisStub stub = GisStub.start()) {
      gis.resetBreaker();
      id = Api.register(Api.hotline(ref, "REPORT"));
      beforePhoto =
          Api.as(Api.HOTLINE)
              .contentType("image/jpeg")
              .body(BEFORE)
              .post("/api/v1/reports/" + id + "/attachments")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      String task =
          Api.as(Api.OPERATOR)
              .contentType(ContentType.JSON)
              .body("{\"collectorId\":\"C-HOLD-V\"}")
              .post("/api/v1/reports/" + id + "/verification")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      sitePhoto =
          Api.as(Api.collector("C-HOLD-V"))
              .contentType("image/jpeg")
              .queryParam("purpose", "VERIFICATION")
              .queryParam("verificationTaskId", task)
              .body(ON_SITE)
              .post("/api/v1/reports/" + id + "/attachments")
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      Api.as(Api.SHIFT_LEAD)
          .contentType(ContentType.JSON)
          .body("{\"categoryCode\":\"E-0101\",\"overrideReason\":\"值班长确认\"}")
          .post("/api/v1/reports/" + id + "/filing")
          .then()
          .statusCode(200);
    }
    String water = unit("unit-receiver", "U-HOLD-WATER");
    String roads = unit("unit-handler", "U-HOLD-ROADS");
    String other = unit("unit-leader", "U-HOLD-OTHER");
    String checker = Api.collector("C-HOLD-K");
    String report = "/api/v1/reports/" + id;

    // nobody outside the center holds the case yet
    assertEquals(404, status(water, report));
    assertEquals(404, status(checker, report));

    // the check arrives first, the dispatch twice (any order, repeated)
    step(
        id,
        6,
        "ORDER_CHECK",
        "CHECK_ORDERED",
        "O-1",
        "U-HOLD-WATER",
        Map.of("collectorId", "C-HOLD-K"));
    step(id, 2, "DISPATCH", "DISPATCHED", "O-1", "U-HOLD-WATER", Map.of());
    step(id, 2, "DISPATCH", "DISPATCHED", "O-1", "U-HOLD-WATER", Map.of());
    step(
        id,
        4,
        "REDISPATCH_TO_SUB_UNIT",
        "IN_HANDLING",
        "O-1-S1",
        "U-HOLD-ROADS",
        Map.of("parentOrderId", "O-1", "parentUnitId", "U-HOLD-WATER"));
    for (String holder : new String[] {water, roads, checker}) {
      Await.until(
          "holder reads the report", Duration.ofSeconds(30), () -> status(holder, report) == 200);
    }

    // the unit's view: what, where, which category and when it counts as fixed — not who
    for (String holder : new String[] {water, roads, checker}) {
      String view =
          Api.as(holder)
              .get(report)
              .then()
              .statusCode(200)
              .body("description", equalTo("市民来电反映路灯不亮"))
              .body("lon", equalTo(118.8632f))
              .body("lat", equalTo(26.2231f))
              .body("townshipName", equalTo("梅城镇"))
              .body("communityCode", equalTo("350124100001"))
              .body("gridCode", equalTo("350124100001001"))
              .body("nearestComponents[0].componentId", equalTo("3501240101000007"))
              .body("categoryCode", equalTo("E-0101"))
              .body("categoryName", equalTo("暴露垃圾"))
              .body("filingCondition.zh", equalTo("道路、广场、绿地等公共场所有暴露垃圾，面积 0.5 平方米以上"))
              .body("closingCondition.zh", equalTo("暴露垃圾已清除，现场干净"))
              .body("limitAmount", equalTo(4))
              .body("$", not(hasKey("reporterName")))
              .body("$", not(hasKey("reporterPhone")))
              .body("$", not(hasKey("sourceRef")))
              .body("$", not(hasKey("decidedBy")))
              .body("$", not(hasKey("allowedActions")))
              .extract()
              .asString();
      assertFalse(view.contains("张三") || view.contains("13800000000"), view);
      // every photo: the report's and the verification's, as uploaded
      Api.as(holder)
          .get(report + "/attachments")
          .then()
          .statusCode(200)
          .body("purpose", containsInAnyOrder("BEFORE", "VERIFICATION"));
      assertArrayEquals(
          BEFORE,
          Api.as(holder)
              .get("/api/v1/attachments/" + beforePhoto)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray());
      assertArrayEquals(
          ON_SITE,
          Api.as(holder)
              .get("/api/v1/attachments/" + sitePhoto)
              .then()
              .statusCode(200)
              .extract()
              .asByteArray());
      Api.as(holder).get("/api/v1/attachments/" + sitePhoto + "/meta").then().statusCode(200);
      // not the center's record of its work
      assertEquals(holder == checker ? 404 : 403, status(holder, report + "/history"));
    }

    // any other unit, or another collector: as if the report did not exist
    for (String stranger :
        new String[] {
          other,
          unit("unit-receiver", "U-HOLD-ROADS-2"),
          Api.collector("C-HOLD-X"),
          TestTokens.user("no-unit", "unit-leader").build()
        }) {
      assertEquals(404, status(stranger, report));
      assertEquals(404, status(stranger, report + "/attachments"));
      assertEquals(404, status(stranger, "/api/v1/attachments/" + beforePhoto));
      assertEquals(404, status(stranger, "/api/v1/attachments/" + sitePhoto + "/meta"));
    }

    // afterwards: the return approved and the case closed, the unit still reads what it worked on
    step(id, 7, "APPROVE_RETURN", "AWAITING_DISPATCH", "O-1", "U-HOLD-WATER", Map.of());
    step(id, 9, "CLOSE", "CLOSED", null, null, Map.of());
    Await.until(
        "the case closed",
        Duration.ofSeconds(30),
        () ->
            "CLOSED"
                .equals(
                    Api.as(Api.OPERATOR)
                        .get("/api/v1/hotline/tickets/" + ref + "/status")
                        .then()
                        .extract()
                        .path("caseState")));
    assertEquals(200, status(water, report));
    // the report tells the case's outcome as intake followed it (the collector's app, 我的上报)
    assertEquals("CLOSED", Api.as(Api.OPERATOR).get(report).then().extract().path("caseState"));
    assertNotNull(Api.as(Api.OPERATOR).get(report).then().extract().path("caseStateAt"));
    assertEquals(200, status(roads, "/api/v1/attachments/" + beforePhoto));
    assertEquals(200, status(checker, report + "/attachments"));

    // one row per holding, however often and in whatever order the steps came
    try (var c = ds.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT holder_kind || ':' || holder_id FROM case_holder WHERE case_id = ?"
                    + " ORDER BY 1")) {
      ps.setObject(1, UUID.fromString(id));
      var rs = ps.executeQuery();
      var rows = new java.util.ArrayList<String>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      assertEquals(
          java.util.List.of("COLLECTOR:C-HOLD-K", "DEPARTMENT:U-HOLD-ROADS", "UNIT:U-HOLD-WATER"),
          rows);
    }
  }
}
