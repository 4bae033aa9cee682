package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R-24 (Art 33): per unit, per kind, per Asia/Shanghai month — two incidents give two center
 * notices and nothing to the efficiency office; the third escalates; the next month starts at zero.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class EscalationThresholdTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("efficiency-office"));
  }

  static final String SIGN = "DISPATCH_TO_SIGN_FOR";

  private static void lateSignFor(CaseEvents ev, String unit, String caseId, Instant at) {
    ev.step(caseId, "DISPATCH", caseId + "-O1", unit, at);
    ev.step(caseId, "SIGN_FOR", caseId + "-O1", unit, at.plusSeconds(5400), "receiver-9", null);
    breached(caseId, SIGN, caseId + "-O1", unit, at.plusSeconds(3600));
  }

  private static long count(JsonPath n, String type) {
    List<Map<String, Object>> items = n.getList("items");
    return items.stream().filter(i -> type.equals(i.get("type"))).count();
  }

  @Test
  void twoNotifyThreeEscalateNextMonthStartsAtZero() {
    String unit = "E-" + UUID.randomUUID().toString().substring(0, 8);
    CaseEvents ev = new CaseEvents();
    lateSignFor(ev, unit, unit + "-c1", Instant.parse("2026-03-02T01:00:00Z"));
    lateSignFor(ev, unit, unit + "-c2", Instant.parse("2026-03-03T01:00:00Z"));
    JsonPath two = CaseEvents.awaitNotices(unit, "2026-03", 2);
    CaseEvents.sleep(1500); // nothing else may come
    two = CaseEvents.notices(unit, "2026-03");
    assertEquals(2, two.getInt("total"));
    assertEquals(2, count(two, "CENTER_NOTICE"));
    assertEquals(0, count(two, "EFFICIENCY_OFFICE_NOTICE"));
    assertEquals(0, count(two, "EFFICIENCY_WARNING"));

    // the third: 2026-03-31T15:59:59Z is still March in Shanghai (23:59:59) — breach at +1 h
    // would be April, so dispatch earlier: the breach is at 2026-03-31T14:59:59Z
    lateSignFor(ev, unit, unit + "-c3", Instant.parse("2026-03-31T13:59:59Z"));
    JsonPath three = CaseEvents.awaitNotices(unit, "2026-03", 5);
    assertEquals(5, three.getInt("total"));
    assertEquals(3, count(three, "CENTER_NOTICE"));
    assertEquals(1, count(three, "EFFICIENCY_OFFICE_NOTICE"));
    assertEquals(1, count(three, "EFFICIENCY_WARNING"));
    Map<String, Object> warning =
        three.<Map<String, Object>>getList("items").stream()
            .filter(i -> "EFFICIENCY_WARNING".equals(i.get("type")))
            .findFirst()
            .orElseThrow();
    assertEquals(3, warning.get("ordinal"));
    assertEquals("PERSON_RESPONSIBLE", warning.get("level"));
    assertTrue(((String) warning.get("titleZh")).startsWith("效能告诫"));

    // April (2026-03-31T16:30Z is 2026-04-01 00:30 in Shanghai): starts at zero
    lateSignFor(ev, unit, unit + "-c4", Instant.parse("2026-03-31T15:30:00Z"));
    JsonPath april = CaseEvents.awaitNotices(unit, "2026-04", 1);
    assertEquals(1, april.getInt("total"));
    assertEquals(1, april.getInt("items[0].ordinal"));
    assertEquals("CENTER_NOTICE", april.getString("items[0].type"));
    assertEquals(5, CaseEvents.notices(unit, "2026-03").getInt("total"));

    // filters and paging
    given()
        .queryParam("unitId", unit)
        .queryParam("type", "EFFICIENCY_WARNING")
        .get("/api/v1/notices")
        .then()
        .statusCode(200)
        .body("total", equalTo(1));
    given()
        .queryParam("unitId", unit)
        .queryParam("size", 2)
        .queryParam("page", 1)
        .get("/api/v1/notices")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(2))
        .body("total", equalTo(6));
    given()
        .queryParam("size", 500)
        .get("/api/v1/notices")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("size"));
    given()
        .queryParam("type", "NOPE")
        .get("/api/v1/notices")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("type"));
  }
}
