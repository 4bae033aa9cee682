package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Handling, extension, on-site check and outcomes: check failed once then
 * passed, check failed twice (逾期处置 overdue handling), extension granted, transfer to law
 * enforcement, and the HANDLING clock's breach shown on the order (过期未处置).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class HandlingPathsTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static final String UNIT = "U-GARDENS";

  /** 行道树 anywhere: the landscaping centre, signed for and approved. */
  static String inHandling() {
    String caseId = file("C-0401", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body("requirements", "修剪"));
    ok(receiver(UNIT), caseId, "sign-for", null);
    ok(leader(UNIT), caseId, "leader-approval", body("instructions", "养护队处理"));
    return caseId;
  }

  static void feedbackAndCheck(String caseId) {
    String a1 = photo(handler(UNIT), caseId, "AFTER");
    ok(handler(UNIT), caseId, "feedback", body("description", "已修剪", "photoIds", List.of(a1)));
    ok(DISPATCHER, caseId, "check-orders", body("collectorId", "collector7"));
  }

  /** After a failed check the same unit gets the order again: sign-for, approval, handling. */
  static void nextRound(String caseId) {
    ok(receiver(UNIT), caseId, "sign-for", null);
    ok(leader(UNIT), caseId, "leader-approval", null);
    feedbackAndCheck(caseId);
  }

  @Test
  void checkFailedOnceThenPassed() {
    String caseId = inHandling();
    feedbackAndCheck(caseId);
    // only the collector ordered may report; for another collector the case is not one of its
    // check tasks at all (collector_id claim)
    Response other =
        post(
            new Api.As("collector9", "COLLECTOR", null),
            caseId,
            "checks/pass",
            body("photoIds", List.of("c")));
    assertEquals(404, other.statusCode(), other.asString());
    assertEquals("CHECK_ORDERED", state(caseId));
    String c1 = photo(COLLECTOR, caseId, "CHECK");
    JsonPath f =
        ok(COLLECTOR, caseId, "checks/fail", body("reason", "枝条仍遮挡路灯", "photoIds", List.of(c1)));
    assertEquals("DISPATCHED", f.getString("caseAfter.state"));
    assertEquals(UNIT, f.getString("caseAfter.responsibleUnitId"));
    assertEquals(2, f.getInt("caseAfter.orders[1].round"));
    assertEquals("REDISPATCH_AFTER_FAILED_CHECK", f.getString("caseAfter.orders[1].origin"));
    assertFalse(f.getBoolean("caseAfter.overdueHandling"));
    nextRound(caseId);
    String c2 = photo(COLLECTOR, caseId, "CHECK");
    ok(COLLECTOR, caseId, "checks/pass", body("photoIds", List.of(c2)));
    JsonPath closed = ok(OPERATOR, caseId, "close", null);
    assertEquals("CLOSED", closed.getString("caseAfter.state"));
    // not a public report: no satisfaction
    Response sat = post(OPERATOR, caseId, "satisfaction", body("level", "SATISFIED"));
    assertEquals(409, sat.statusCode());
    assertEquals("NOT_A_PUBLIC_REPORT", sat.jsonPath().getString("code"));

    List<CaseTransitioned> ev = events(caseId, 13);
    CaseTransitioned fail =
        ev.stream().filter(e -> e.transition().equals("FAIL_CHECK")).findFirst().orElseThrow();
    assertEquals("DISPATCHED", fail.toState());
    assertEquals(caseId + "-O2", fail.orderId());
    assertNotNull(fail.handlingLimit());
    assertEquals("CLOSE", ev.get(ev.size() - 1).transition());
  }

  @Test
  void checkFailedTwiceMarksOverdueHandlingAndGoesOnUntilPassed() {
    String caseId = inHandling();
    feedbackAndCheck(caseId);
    String c1 = photo(COLLECTOR, caseId, "CHECK");
    ok(COLLECTOR, caseId, "checks/fail", body("reason", "未处理到位", "photoIds", List.of(c1)));
    nextRound(caseId);
    String c2 = photo(COLLECTOR, caseId, "CHECK");
    JsonPath second =
        ok(COLLECTOR, caseId, "checks/fail", body("reason", "仍未处理到位", "photoIds", List.of(c2)));
    assertTrue(second.getBoolean("caseAfter.overdueHandling"));
    assertEquals(2, second.getInt("caseAfter.failedChecks"));
    assertEquals("true", second.getString("step.data.overdueHandlingMarked"));
    nextRound(caseId);
    String c3 = photo(COLLECTOR, caseId, "CHECK");
    JsonPath passed = ok(COLLECTOR, caseId, "checks/pass", body("photoIds", List.of(c3)));
    assertEquals("CHECK_PASSED", passed.getString("caseAfter.state"));
    assertTrue(passed.getBoolean("caseAfter.overdueHandling"), "the mark stays");

    List<CaseTransitioned> ev = events(caseId, 17);
    List<CaseTransitioned> fails =
        ev.stream().filter(e -> e.transition().equals("FAIL_CHECK")).toList();
    assertEquals(2, fails.size());
    assertFalse(fails.get(0).overdueHandling());
    assertTrue(fails.get(1).overdueHandling());
    assertEquals("true", fails.get(1).data().get("overdueHandlingMarked"));
    assertTrue(ev.get(ev.size() - 1).overdueHandling());
    // the case list can find overdue cases of the unit
    var list =
        given().queryParam("unitId", UNIT).queryParam("size", 200).get("/api/v1/cases").jsonPath();
    assertTrue(list.getList("items.caseId").contains(caseId));
  }

  @Test
  void extensionGranted() {
    String caseId = inHandling();
    Instant requested = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Instant granted = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Response bad = post(leader(UNIT), caseId, "extension-requests", body("reason", "需吊车"));
    assertEquals(400, bad.statusCode());
    assertEquals("requestedDeadline", bad.jsonPath().getString("errors[0].field"));
    ok(
        leader(UNIT),
        caseId,
        "extension-requests",
        body("reason", "需吊车作业", "requestedDeadline", requested.toString()));
    assertEquals("EXTENSION_REQUESTED", state(caseId));
    JsonPath g =
        ok(
            SHIFT_LEAD,
            caseId,
            "extension-requests/approve",
            body("grantedDeadline", granted.toString(), "note", "同意延期两天"));
    assertEquals("IN_HANDLING", g.getString("caseAfter.state"));
    assertEquals("APPROVED", g.getString("caseAfter.extensions[0].decision"));
    List<CaseTransitioned> ev = events(caseId, 6);
    CaseTransitioned grant = ev.get(5);
    assertEquals("GRANT_EXTENSION", grant.transition());
    assertEquals(granted, grant.newDeadline());
    assertEquals(UNIT, grant.unitId());
  }

  @Test
  void transferToLawEnforcementWithdrawsTheOrder() {
    String caseId = inHandling();
    JsonPath t =
        ok(
            SHIFT_LEAD,
            caseId,
            "law-enforcement-transfer",
            body("enforcementBody", "闽清县城市管理综合执法大队", "reason", "擅自砍伐行道树，涉嫌违法"));
    assertEquals("TRANSFERRED_TO_LAW_ENFORCEMENT", t.getString("caseAfter.state"));
    assertEquals("WITHDRAWN", t.getString("caseAfter.orders[0].status"));
    assertTrue(t.getList("caseAfter.allowedTransitions").isEmpty());
    // a closed outcome: nothing more
    Response after =
        post(handler(UNIT), caseId, "feedback", body("description", "x", "photoIds", List.of("p")));
    assertEquals(409, after.statusCode());
    assertEquals("TRANSFERRED_TO_LAW_ENFORCEMENT", after.jsonPath().getString("currentState"));
    List<CaseTransitioned> ev = events(caseId, 5);
    assertEquals("TRANSFER_TO_LAW_ENFORCEMENT", ev.get(4).transition());
    assertEquals("闽清县城市管理综合执法大队", ev.get(4).data().get("enforcementBody"));
  }

  @Test
  void cancelWithAReason() {
    String caseId = file("E-0201", "350124100", null, false, Channel.PATROL);
    assertEquals(403, post(DISPATCHER, caseId, "cancel", body("reason", "重复立案")).statusCode());
    JsonPath c = ok(SHIFT_LEAD, caseId, "cancel", body("reason", "重复立案"));
    assertEquals("CANCELLED", c.getString("caseAfter.state"));
    assertEquals("重复立案", c.getString("caseAfter.outcomeNote"));
  }

  /** {@code GET /api/v1/units/open-load}: one unit's line, or zeros when it has no open order. */
  static long[] load(String unit) {
    JsonPath j =
        SHIFT_LEAD
            .spec()
            .get("/api/v1/units/open-load")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<java.util.Map<String, Object>> units = j.getList("units");
    return units.stream()
        .filter(u -> unit.equals(u.get("unitId")))
        .map(
            u ->
                new long[] {
                  ((Number) u.get("open")).longValue(),
                  ((Number) u.get("unsigned")).longValue(),
                  ((Number) u.get("inHandling")).longValue(),
                  ((Number) u.get("overdue")).longValue()
                })
        .findFirst()
        .orElse(new long[4]);
  }

  /** The open load of every unit at once (派遣台): dispatched, signed for, overdue, closed. */
  @Test
  void theOpenLoadOfEveryUnitFollowsTheOrders() {
    long[] before = load(UNIT);
    String caseId = file("C-0401", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body("requirements", "修剪"));
    long[] dispatched = load(UNIT);
    assertEquals(before[0] + 1, dispatched[0], "open");
    assertEquals(before[1] + 1, dispatched[1], "unsigned");
    assertEquals(before[2], dispatched[2], "in handling");
    ok(receiver(UNIT), caseId, "sign-for", null);
    long[] signed = load(UNIT);
    assertEquals(before[0] + 1, signed[0], "open");
    assertEquals(before[1], signed[1], "unsigned");
    assertEquals(before[2] + 1, signed[2], "in handling");
    String orderId = caseId + "-O1";
    TestEvents.send(
        bootstrap(),
        Topics.CLOCKS,
        EventCodec.wrap(
            "sla-service",
            caseId,
            Instant.now(),
            new ClockBreached(
                caseId,
                "clk-load-" + orderId,
                "HANDLING",
                orderId,
                UNIT,
                Instant.now().minusSeconds(5),
                Instant.now(),
                false)));
    await(() -> load(UNIT)[3] == before[3] + 1);
    ok(SHIFT_LEAD, caseId, "cancel", body("reason", "重复立案"));
    long[] after = load(UNIT);
    assertEquals(before[0], after[0], "open after the cancel");
    assertEquals(before[3], after[3], "overdue after the cancel");
    // a unit sees no other unit's load
    receiver(UNIT).spec().get("/api/v1/units/open-load").then().statusCode(403);
  }

  @Test
  void aBreachedHandlingClockShowsTheOrderExpired() {
    String caseId = inHandling();
    String orderId = caseId + "-O1";
    ClockBreached b =
        new ClockBreached(
            caseId,
            "clk-h-" + orderId,
            "HANDLING",
            orderId,
            UNIT,
            Instant.now().minusSeconds(5),
            Instant.now(),
            false);
    TestEvents.send(
        bootstrap(), Topics.CLOCKS, EventCodec.wrap("sla-service", caseId, Instant.now(), b));
    await(
        () ->
            given()
                .get("/api/v1/cases/" + caseId)
                .jsonPath()
                .getBoolean("orders[0].handlingExpired"));
    var mine =
        receiver(UNIT)
            .spec()
            .queryParam("open", true)
            .queryParam("size", 200)
            .get("/api/v1/units/" + UNIT + "/orders")
            .jsonPath();
    List<String> ids = mine.getList("items.orderId");
    int i = ids.indexOf(orderId);
    assertTrue(i >= 0, mine.prettify());
    assertTrue(mine.getBoolean("items[" + i + "].handlingExpired"));
  }
}
