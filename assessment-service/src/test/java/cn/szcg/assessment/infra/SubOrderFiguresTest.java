package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static cn.szcg.assessment.infra.CaseEvents.stopped;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 5 (R-02, R-13, R-14, R-24, Art 25): a township body re-dispatches to its
 * department; the sub-orders (二级批办件) count in the department's figures as orders count for their
 * unit — received, signed for on time / late (SUB_DISPATCH_TO_SIGN_FOR), handled on time / overdue
 * / expired (SUB_HANDLING), returns asked / approved / refused — and the department's late sign-for
 * and overdue or expired sub-orders are its Art 33 incidents. The township body's figures do not
 * move. Events as dispatch-service and sla-service publish them (CONVENTIONS: orderId = the
 * sub-order, unitId = the department, data.parentOrderId / parentUnitId).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class SubOrderFiguresTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("admin"));
  }

  static final String SIGN = "DISPATCH_TO_SIGN_FOR";
  static final String HANDLING = "HANDLING";
  static final String SUB_SIGN = "SUB_DISPATCH_TO_SIGN_FOR";
  static final String SUB_HANDLING = "SUB_HANDLING";

  static Instant at(String local) {
    // May 2026, Asia/Shanghai (UTC+8)
    return Instant.parse("2026-05-" + local + "Z").minus(Duration.ofHours(8));
  }

  @Test
  void subOrdersCountForTheDepartment() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String town = "T-" + tag; // 乡镇 township body (处置责任单位 of the orders)
    String dept = "D-" + tag; // its department (下属部门)
    String p = tag + "-c";
    CaseEvents ev = new CaseEvents();
    for (int i = 1; i <= 5; i++) {
      String o = p + i + "-O1";
      ev.step(p + i, "DISPATCH", o, town, at("0" + i + "T09:00:00"));
      stopped(p + i, SIGN, o, town, at("0" + i + "T09:10:00"), true);
      ev.step(p + i, "SIGN_FOR", o, town, at("0" + i + "T09:10:00"), "town-receiver", null);
    }
    // c1: sub-order signed for on time and reported back on time; the township body's own order
    // then passes its check and the public is satisfied (the township body's, not the department's)
    String s1 = p + "1-O1-S1";
    sub(ev, p + 1, "REDISPATCH_TO_SUB_UNIT", s1, dept, town, at("01T09:30:00"), "town-leader");
    stopped(p + 1, SUB_SIGN, s1, dept, at("01T09:50:00"), true);
    sub(ev, p + 1, "SIGN_FOR_SUB_ORDER", s1, dept, town, at("01T09:50:00"), "dept-receiver");
    stopped(p + 1, SUB_HANDLING, s1, dept, at("01T10:30:00"), true);
    sub(ev, p + 1, "SUBMIT_SUB_FEEDBACK", s1, dept, town, at("01T10:30:00"), "dept-handler");
    stopped(p + 1, HANDLING, p + "1-O1", town, at("01T11:00:00"), true);
    ev.step(p + 1, "PASS_CHECK", p + "1-O1", town, at("01T12:00:00"));
    ev.step(
        p + 1,
        "RECORD_SATISFACTION",
        null,
        null,
        at("02T10:00:00"),
        "op",
        Map.of("level", "SATISFIED"));
    // c2: signed for late (breach, then the late stop); reported back before the late verdict
    String s2 = p + "2-O1-S1";
    sub(ev, p + 2, "REDISPATCH_TO_SUB_UNIT", s2, dept, town, at("02T09:30:00"), "town-leader");
    breached(p + 2, SUB_SIGN, s2, dept, at("02T10:30:00"));
    stopped(p + 2, SUB_SIGN, s2, dept, at("02T11:00:00"), false);
    sub(ev, p + 2, "SIGN_FOR_SUB_ORDER", s2, dept, town, at("02T11:00:00"), "dept-receiver");
    sub(ev, p + 2, "SUBMIT_SUB_FEEDBACK", s2, dept, town, at("02T17:00:00"), "dept-handler");
    CaseEvents.flush();
    CaseEvents.sleep(500);
    stopped(p + 2, SUB_HANDLING, s2, dept, at("02T17:00:00"), false);
    // c3: return asked and refused; the department goes on, and its limit passes (过期未处置)
    String s3 = p + "3-O1-S1";
    sub(ev, p + 3, "REDISPATCH_TO_SUB_UNIT", s3, dept, town, at("03T09:30:00"), "town-leader");
    stopped(p + 3, SUB_SIGN, s3, dept, at("03T09:40:00"), true);
    sub(ev, p + 3, "REQUEST_SUB_ORDER_RETURN", s3, dept, town, at("03T09:45:00"), "dept-leader");
    sub(ev, p + 3, "REFUSE_SUB_ORDER_RETURN", s3, dept, town, at("03T10:00:00"), "town-leader");
    breached(p + 3, SUB_HANDLING, s3, dept, at("03T11:00:00"));
    // c4: return asked and approved: the sub-order leaves the department; sla-service stops its
    // sign-for clock at the approval, within the hour — counted 按时签收 as for an order (docs §8)
    String s4 = p + "4-O1-S1";
    sub(ev, p + 4, "REDISPATCH_TO_SUB_UNIT", s4, dept, town, at("04T09:30:00"), "town-leader");
    sub(ev, p + 4, "REQUEST_SUB_ORDER_RETURN", s4, dept, town, at("04T09:45:00"), "dept-leader");
    sub(ev, p + 4, "APPROVE_SUB_ORDER_RETURN", s4, dept, town, at("04T10:00:00"), "town-leader");
    stopped(p + 4, SUB_SIGN, s4, dept, at("04T10:00:00"), true);
    // c5: the clock's stop comes before the sub-dispatch is known (parked, then replayed); still
    // within its limit (在办未到期)
    String s5 = p + "5-O1-S1";
    stopped(p + 5, SUB_SIGN, s5, dept, at("05T09:40:00"), true);
    CaseEvents.flush();
    CaseEvents.sleep(500);
    sub(ev, p + 5, "REDISPATCH_TO_SUB_UNIT", s5, dept, town, at("05T09:30:00"), "town-leader");

    JsonPath d =
        CaseEvents.awaitFigures(
            dept,
            "2026-05",
            j ->
                j.getInt("figures.received") == 5
                    && j.getInt("figures.signedOnTime") == 4
                    && j.getInt("figures.signedLate") == 1
                    && j.getInt("figures.handled") == 2
                    && j.getInt("figures.returnsApproved") == 1
                    && j.getInt("figures.returnsRefused") == 1
                    && j.getInt("figures.expiredUnhandled") == 1);
    Map<String, Integer> expected =
        Map.ofEntries(
            Map.entry("received", 5),
            Map.entry("signedOnTime", 4),
            Map.entry("signedLate", 1),
            Map.entry("returnsRequested", 2),
            Map.entry("returnsApproved", 1),
            Map.entry("returnsRefused", 1),
            Map.entry("handled", 2),
            Map.entry("handledOnTime", 1),
            Map.entry("overdueHandling", 1),
            Map.entry("expiredUnhandled", 1),
            Map.entry("checked", 0),
            Map.entry("reworked", 0),
            Map.entry("satisfied", 0));
    expected.forEach((k, v) -> assertEquals(v, d.getInt("figures." + k), "department " + k));
    assertEquals(3, d.getInt("derived.toHandle"));
    assertEquals(4, d.getInt("derived.assigned"));
    assertEquals(1, d.getInt("derived.pending"));
    // 处置率 2/3, 按期处置率 1/3, 按时签收率 4/5
    assertEquals(66.67f, d.getFloat("rates.find { it.key == 'HANDLING_RATE' }.percent"));
    assertEquals(33.33f, d.getFloat("rates.find { it.key == 'ON_TIME_HANDLING_RATE' }.percent"));
    assertEquals(80.0f, d.getFloat("rates.find { it.key == 'ON_TIME_SIGN_FOR_RATE' }.percent"));

    // The township body's own figures: five orders signed on time, one handled and rated — the
    // sub-orders moved nothing of it
    JsonPath t =
        CaseEvents.awaitFigures(
            town,
            "2026-05",
            j -> j.getInt("figures.handled") == 1 && j.getInt("figures.satisfied") == 1);
    assertEquals(5, t.getInt("figures.received"));
    assertEquals(5, t.getInt("figures.signedOnTime"));
    assertEquals(0, t.getInt("figures.signedLate"));
    assertEquals(1, t.getInt("figures.handledOnTime"));
    assertEquals(0, t.getInt("figures.returnsRequested"));
    assertEquals(0, t.getInt("figures.expiredUnhandled"));

    // Art 33 for the department: c2 late sign-for (breach and late stop: one incident), c2
    // reported back late, c3 expired → three center notices, none for the township body
    JsonPath n = CaseEvents.awaitNotices(dept, "2026-05", 3);
    CaseEvents.sleep(1000);
    n = CaseEvents.notices(dept, "2026-05");
    assertEquals(3, n.getInt("total"), n.prettify());
    List<Map<String, Object>> items = n.getList("items");
    Set<String> incidents =
        items.stream().map(i -> (String) i.get("incidentId")).collect(Collectors.toSet());
    assertEquals(
        Set.of(
            s2 + ":LATE_SIGN_FOR:1",
            s2 + ":OVERDUE_OR_EXPIRED_HANDLING",
            s3 + ":OVERDUE_OR_EXPIRED_HANDLING"),
        incidents);
    assertTrue(items.stream().allMatch(i -> "CENTER_NOTICE".equals(i.get("type"))));
    assertEquals(0, CaseEvents.notices(town, "2026-05").getInt("total"));

    // recompute = incremental, also with the sub-order facts
    JsonPath r =
        given()
            .queryParam("period", "2026-05")
            .post("/api/v1/admin/figures/recompute")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(r.getBoolean("equal"), r.prettify());
  }

  private static void sub(
      CaseEvents ev,
      String caseId,
      String transition,
      String subOrderId,
      String dept,
      String town,
      Instant at,
      String actor) {
    String parent = subOrderId.substring(0, subOrderId.lastIndexOf("-S"));
    ev.step(
        caseId,
        transition,
        subOrderId,
        dept,
        at,
        actor,
        Map.of("parentOrderId", parent, "parentUnitId", town));
  }
}
