package cn.szcg.assessment.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** collector, collection-unit and operator figures from the events. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class StaffFiguresTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("admin"));
  }

  static final Instant T = Instant.parse("2026-06-02T01:00:00Z");

  static CaseFiled filed(String caseId, String collector, String operator) {
    return new CaseFiled(
        caseId,
        "MQ" + caseId,
        Channel.PATROL,
        ReportKind.REPORT,
        "0101",
        "暴露垃圾",
        1,
        new TimeLimit(2, LimitUnit.WORKING_HOURS),
        Zone.URBAN,
        false,
        null,
        null,
        null,
        collector,
        T,
        T.plusSeconds(600),
        operator);
  }

  static void clock(String caseId, String stage, String orderId, boolean onTime, Instant at) {
    CaseEvents.send(
        Topics.CLOCKS,
        "sla-service",
        caseId,
        at,
        new ClockStopped(
            caseId, UUID.randomUUID().toString(), stage, orderId, null, at, at, onTime));
  }

  static JsonPath await(String path, String find, Predicate<JsonPath> done) {
    CaseEvents.flush();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonPath last = null;
    while (System.nanoTime() < end) {
      last =
          given()
              .queryParam("period", "2026-06")
              .queryParam("size", 200)
              .get(path)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .setRootPath("items.find { " + find + " }");
      if (last.get() != null && done.test(last)) {
        return last;
      }
      CaseEvents.sleep(200);
    }
    throw new AssertionError("not reached: " + path);
  }

  @Test
  void collectorsAndOperatorsAreCountedFromTheEvents() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String col = "col-" + tag;
    String op = "op-" + tag;
    String c1 = "S1-" + tag;
    String c2 = "S2-" + tag;
    String c3 = "S3-" + tag;
    // reports: valid, false (unfounded), not filed
    CaseEvents.send(Topics.INTAKE, "intake-service", c1, T, filed(c1, col, op));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        c2,
        T,
        new ReportRejected(c2, "现场不存在", true, col, T.plusSeconds(900), "operator-2"));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        c3,
        T,
        new ReportRejected(c3, "不属于立案范围", false, col, T.plusSeconds(900), "operator-2"));
    // verifications: one within the hour, one after
    CaseEvents.send(
        Topics.INTAKE, "intake-service", c2, T, new VerificationRequested(c2, "v1-" + tag, col, T));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        c2,
        T,
        new VerificationCompleted(c2, "v1-" + tag, col, false, T.plusSeconds(1800)));
    CaseEvents.send(
        Topics.INTAKE, "intake-service", c3, T, new VerificationRequested(c3, "v2-" + tag, col, T));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        c3,
        T,
        new VerificationCompleted(c3, "v2-" + tag, col, true, T.plusSeconds(7200)));
    // the operator filed c1 on time (R-12 clock), dispatched twice, one returned, closed on time
    clock(c1, "REGISTRATION_TO_DISPATCH", null, true, T.plusSeconds(1200));
    CaseEvents ev = new CaseEvents();
    ev.step(c1, "DISPATCH", c1 + "-O1", "unit-" + tag, T.plusSeconds(1200), op, null);
    ev.step(c1, "APPROVE_RETURN", c1 + "-O1", "unit-" + tag, T.plusSeconds(2000), "lead", null);
    ev.step(c1, "DISPATCH", c1 + "-O2", "unit2-" + tag, T.plusSeconds(2400), op, null);
    // checks by the collector: O2 failed late, O3 passed on time
    ev.step(
        c1,
        "FAIL_CHECK",
        c1 + "-O3",
        "unit2-" + tag,
        T.plusSeconds(9000),
        col,
        Map.of("failedOrderId", c1 + "-O2"));
    clock(c1, "FEEDBACK_TO_CHECK", c1 + "-O2", false, T.plusSeconds(9000));
    clock(c1, "FEEDBACK_TO_CHECK", c1 + "-O3", true, T.plusSeconds(12000));
    ev.step(c1, "PASS_CHECK", c1 + "-O3", "unit2-" + tag, T.plusSeconds(12000), col, null);
    ev.step(c1, "CLOSE", null, null, T.plusSeconds(13000), op, null);

    JsonPath c =
        await(
            "/api/v1/figures/collectors",
            "it.id == '" + col + "'",
            j ->
                j.getInt("checksLate") + j.getInt("checksOnTime") == 2 && j.getInt("reports") == 3);
    assertEquals(3, c.getInt("reports"));
    assertEquals(1, c.getInt("validReports"));
    assertEquals(1, c.getInt("falseReports"));
    assertEquals(1, c.getInt("verificationsOnTime"));
    assertEquals(1, c.getInt("verificationsLate"));
    assertEquals(1, c.getInt("checksOnTime"));
    assertEquals(1, c.getInt("checksLate"));

    JsonPath o =
        await(
            "/api/v1/figures/operators",
            "it.operatorId == '" + op + "'",
            j -> j.getInt("figures.closed") == 1 && j.getInt("figures.filed") == 1);
    assertEquals(1, o.getInt("figures.filed"));
    assertEquals(1, o.getInt("figures.filedOnTime"));
    assertEquals(2, o.getInt("figures.dispatched"));
    assertEquals(1, o.getInt("figures.dispatchesReturned"));
    assertEquals(1, o.getInt("figures.closed"));
    assertEquals(1, o.getInt("figures.closedOnTime"));
    // 40 × 1 + 30 × 1/2 + 30 × 1 = 85.00 (B)
    assertEquals(85.0f, o.getFloat("score"));
    assertEquals("B", o.getString("grade"));

    given()
        .queryParam("period", "2026-06")
        .get("/api/v1/figures/collection-units")
        .then()
        .statusCode(200);
  }
}
