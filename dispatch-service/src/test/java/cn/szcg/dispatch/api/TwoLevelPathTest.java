package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The full path of a public report through two-level command (两级指挥, R-02, R-13, R-14, R-15, R-25):
 * filed → matrix proposal (territorial township) → dispatch → sign-for → leader approval →
 * sub-order to the township's department → its sign-for and feedback → feedback up → check → pass →
 * close → satisfaction; and every step as a CaseTransitioned event on szcg.cases, in sequence.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class TwoLevelPathTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static final String TOWN = "350124105"; // 池园镇
  static final String TOWN_BODY = "T-" + TOWN;
  static final String DEPT = TOWN_BODY + "-ENV";

  @Test
  void twoLevelRedispatchFromFilingToSatisfactionWithEvents() {
    String caseId = file("E-0104", TOWN, null, false, Channel.HOTLINE); // 乱堆物堆料
    JsonPath opened = given().get("/api/v1/cases/" + caseId).jsonPath();
    assertEquals("AWAITING_DISPATCH", opened.getString("state"));
    assertTrue(opened.getBoolean("publicReport"));

    JsonPath p = given().get("/api/v1/cases/" + caseId + "/dispatch-proposal").jsonPath();
    assertEquals(TOWN_BODY, p.getString("proposedUnitId"));
    assertEquals("TERRITORIAL-" + TOWN, p.getString("ruleId"));
    assertEquals("池园镇人民政府", p.getString("proposedUnitName"));

    JsonPath d = ok(DISPATCHER, caseId, "dispatch", body("requirements", "当日清理"));
    assertEquals("DISPATCHED", d.getString("caseAfter.state"));
    assertEquals(TOWN_BODY, d.getString("caseAfter.responsibleUnitId"));
    assertEquals("PROVISIONAL", d.getString("caseAfter.orders[0].returnDeadlineSource"));
    assertFalse(d.getBoolean("caseAfter.orders[0].decision.overridden"));

    ok(receiver(TOWN_BODY), caseId, "sign-for", null);
    ok(leader(TOWN_BODY), caseId, "leader-approval", body("instructions", "环卫站处理"));
    JsonPath sub = ok(leader(TOWN_BODY), caseId, "sub-orders", body("subUnitId", DEPT));
    String subId = sub.getString("step.orderId");
    assertEquals(caseId + "-O1-S1", subId);

    // the township cannot report up while its department has not (逐级反馈)
    String p1 = photo(handler(TOWN_BODY), caseId, "AFTER");
    var early =
        post(
            handler(TOWN_BODY),
            caseId,
            "feedback",
            body("description", "已处理", "photoIds", List.of(p1)));
    assertEquals(409, early.statusCode(), early.asString());
    assertEquals("SUB_ORDERS_OPEN", early.jsonPath().getString("code"));

    ok(receiver(DEPT), caseId, "sub-orders/" + subId + "/sign-for", null);
    String subAfter1 = photo(handler(DEPT), caseId, "SUB_AFTER");
    ok(
        handler(DEPT),
        caseId,
        "sub-orders/" + subId + "/feedback",
        body("description", "已清理堆物", "photoIds", List.of(subAfter1)));
    String after1 = photo(handler(TOWN_BODY), caseId, "AFTER");
    String after2 = photo(handler(TOWN_BODY), caseId, "AFTER");
    ok(
        handler(TOWN_BODY),
        caseId,
        "feedback",
        body("description", "已处理完毕", "photoIds", List.of(after1, after2)));
    ok(OPERATOR, caseId, "check-orders", body("collectorId", "collector7"));
    String check1 = photo(COLLECTOR, caseId, "CHECK");
    ok(COLLECTOR, caseId, "checks/pass", body("photoIds", List.of(check1)));
    ok(OPERATOR, caseId, "close", body("note", "结案"));
    JsonPath sat = ok(OPERATOR, caseId, "satisfaction", body("level", "SATISFIED"));
    assertEquals("SATISFIED", sat.getString("caseAfter.satisfaction.level"));
    assertEquals("CLOSED", sat.getString("caseAfter.state"));

    List<String> expected =
        List.of(
            "OPEN",
            "DISPATCH",
            "SIGN_FOR",
            "APPROVE_BY_LEADER",
            "REDISPATCH_TO_SUB_UNIT",
            "SIGN_FOR_SUB_ORDER",
            "SUBMIT_SUB_FEEDBACK",
            "SUBMIT_FEEDBACK",
            "ORDER_CHECK",
            "PASS_CHECK",
            "CLOSE",
            "RECORD_SATISFACTION");
    List<CaseTransitioned> events = events(caseId, expected.size());
    assertEquals(expected, events.stream().map(CaseTransitioned::transition).toList());
    for (int i = 0; i < events.size(); i++) {
      assertEquals(i + 1, events.get(i).sequence(), "gap-free sequence");
      assertTrue(events.get(i).publicReport());
      assertEquals("E-0104", events.get(i).categoryCode());
    }
    CaseTransitioned open = events.get(0);
    assertNull(open.fromState());
    assertEquals("SYSTEM", open.actorRole());
    CaseTransitioned dispatch = events.get(1);
    assertEquals(TOWN_BODY, dispatch.unitId());
    assertEquals(caseId + "-O1", dispatch.orderId());
    assertNotNull(dispatch.returnDeadline());
    assertNotNull(dispatch.handlingLimit());
    assertEquals("DISPATCHER", dispatch.actorRole());
    assertEquals(DEPT, events.get(4).unitId());
    assertEquals(DEPT, events.get(5).actorUnitId());
    assertEquals("SATISFIED", events.get(11).data().get("level"));

    List<String> history =
        given().get("/api/v1/cases/" + caseId + "/history").jsonPath().getList("transition");
    assertEquals(expected, history);

    // the department's own work list shows its sub-order; the township body sees it too
    var deptOrders = receiver(DEPT).spec().get("/api/v1/units/" + DEPT + "/orders").jsonPath();
    assertTrue(deptOrders.getList("items.orderId").contains(subId));
    assertEquals(
        200, receiver(TOWN_BODY).spec().get("/api/v1/units/" + DEPT + "/orders").statusCode());
    assertEquals(
        403, receiver("U-WATER").spec().get("/api/v1/units/" + DEPT + "/orders").statusCode());
  }
}
