package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static cn.szcg.assessment.infra.CaseEvents.stopped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * a month of realistic order lives of one unit over the real broker (cases and clocks
 * interleave as they will), every counter, rate, score and the accountability notices checked.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class UnitFiguresFlowTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("admin"));
  }

  static final String SIGN = "DISPATCH_TO_SIGN_FOR";
  static final String HANDLING = "HANDLING";

  static Instant at(String local) {
    // March 2026, Asia/Shanghai (UTC+8)
    return Instant.parse("2026-03-" + local + "Z").minus(Duration.ofHours(8));
  }

  @Test
  void aMonthOfOrderLivesGivesEveryFigure() {
    String unit = "U-" + UUID.randomUUID().toString().substring(0, 8);
    String p = unit + "-c";
    CaseEvents ev = new CaseEvents();
    // c1: signed for on time, handled on time, satisfied
    ev.step(p + 1, "DISPATCH", p + "1-O1", unit, at("02T09:00:00"));
    stopped(p + 1, SIGN, p + "1-O1", unit, at("02T09:20:00"), true);
    ev.step(p + 1, "SIGN_FOR", p + "1-O1", unit, at("02T09:20:00"), "receiver-1", null);
    stopped(p + 1, HANDLING, p + "1-O1", unit, at("02T10:30:00"), true);
    ev.step(p + 1, "PASS_CHECK", p + "1-O1", unit, at("02T11:00:00"));
    ev.step(p + 1, "CLOSE", null, null, at("02T11:10:00"));
    ev.step(
        p + 1,
        "RECORD_SATISFACTION",
        null,
        null,
        at("03T10:00:00"),
        "op",
        Map.of("level", "SATISFIED"));
    // c2: late sign-for (breach, then late stop), first check failed, round 2 on time
    ev.step(p + 2, "DISPATCH", p + "2-O1", unit, at("03T09:00:00"));
    breached(p + 2, SIGN, p + "2-O1", unit, at("03T10:00:00"));
    stopped(p + 2, SIGN, p + "2-O1", unit, at("03T10:30:00"), false);
    ev.step(p + 2, "SIGN_FOR", p + "2-O1", unit, at("03T10:30:00"), "receiver-2", null);
    ev.step(
        p + 2,
        "FAIL_CHECK",
        p + "2-O2",
        unit,
        at("03T14:00:00"),
        "collector-1",
        Map.of("round", "2"));
    stopped(p + 2, SIGN, p + "2-O2", unit, at("03T14:10:00"), true);
    stopped(p + 2, HANDLING, p + "2-O2", unit, at("03T15:00:00"), true);
    ev.step(p + 2, "PASS_CHECK", p + "2-O2", unit, at("03T16:00:00"));
    // c3: handling limit passed, never handled (过期未处置)
    ev.step(p + 3, "DISPATCH", p + "3-O1", unit, at("04T09:00:00"));
    breached(p + 3, HANDLING, p + "3-O1", unit, at("04T11:00:00"));
    // c4: extension granted, finished late (逾期处置)
    ev.step(p + 4, "DISPATCH", p + "4-O1", unit, at("05T09:00:00"));
    ev.step(p + 4, "GRANT_EXTENSION", p + "4-O1", unit, at("05T10:00:00"));
    stopped(p + 4, HANDLING, p + "4-O1", unit, at("06T10:00:00"), false);
    ev.step(p + 4, "PASS_CHECK", p + "4-O1", unit, at("06T11:00:00"));
    // c5: return asked and approved
    ev.step(p + 5, "DISPATCH", p + "5-O1", unit, at("06T09:00:00"));
    ev.step(p + 5, "REQUEST_RETURN", p + "5-O1", unit, at("06T09:30:00"));
    ev.step(p + 5, "APPROVE_RETURN", p + "5-O1", unit, at("06T09:40:00"));
    // c6: two failed checks (the second is 逾期处置, Art 33(2))
    ev.step(p + 6, "DISPATCH", p + "6-O1", unit, at("09T09:00:00"));
    ev.step(
        p + 6,
        "FAIL_CHECK",
        p + "6-O2",
        unit,
        at("09T12:00:00"),
        "collector-1",
        Map.of("round", "2"));
    ev.step(
        p + 6,
        "FAIL_CHECK",
        p + "6-O3",
        unit,
        at("10T12:00:00"),
        "collector-1",
        Map.of("round", "3"));

    JsonPath f =
        CaseEvents.awaitFigures(
            unit,
            "2026-03",
            j ->
                j.getInt("figures.received") == 6
                    && j.getInt("figures.handled") == 3
                    && j.getInt("figures.signedOnTime") == 2
                    && j.getInt("figures.signedLate") == 1
                    && j.getInt("figures.checksFailed") == 3
                    && j.getInt("figures.expiredUnhandled") == 1
                    && j.getInt("figures.satisfied") == 1
                    && j.getInt("figures.returnsApproved") == 1
                    && j.getInt("figures.overdueHandling") == 2);
    Map<String, Integer> expected =
        Map.ofEntries(
            Map.entry("received", 6),
            Map.entry("signedOnTime", 2),
            Map.entry("signedLate", 1),
            Map.entry("returnsRequested", 1),
            Map.entry("returnsApproved", 1),
            Map.entry("handled", 3),
            Map.entry("handledOnTime", 2),
            Map.entry("overdueHandling", 2),
            Map.entry("expiredUnhandled", 1),
            Map.entry("checked", 4),
            Map.entry("reworked", 2),
            Map.entry("checksFailed", 3),
            Map.entry("extensionsGranted", 1),
            Map.entry("extendedOrders", 1),
            Map.entry("satisfied", 1),
            Map.entry("basicallySatisfied", 0),
            Map.entry("dissatisfied", 0));
    expected.forEach((k, v) -> assertEquals(v, f.getInt("figures." + k), k));
    assertEquals(5, f.getInt("derived.toHandle"));
    assertEquals(5, f.getInt("derived.assigned"));
    assertEquals(0, f.getInt("derived.pending"));
    // rates: 处置率 3/5, 按期 2/5, 返工 2/4, 超期 2/5, 延期 1/5
    assertEquals(60.0f, f.getFloat("rates.find { it.key == 'HANDLING_RATE' }.percent"));
    assertEquals(40.0f, f.getFloat("rates.find { it.key == 'ON_TIME_HANDLING_RATE' }.percent"));
    assertEquals(50.0f, f.getFloat("rates.find { it.key == 'REWORK_RATE' }.percent"));
    assertEquals(40.0f, f.getFloat("rates.find { it.key == 'OVERDUE_RATE' }.percent"));
    assertEquals(20.0f, f.getFloat("rates.find { it.key == 'EXTENSION_RATE' }.percent"));
    assertEquals(66.67f, f.getFloat("rates.find { it.key == 'ON_TIME_SIGN_FOR_RATE' }.percent"));
    // 30×3/5 + 20×2/5 + 20×(1−1/2) + 20×(1−2/5) + 10×(1−1/5) = 18 + 8 + 10 + 12 + 8 = 56 → D
    assertEquals(56.0f, f.getFloat("score.score"));
    assertEquals("D", f.getString("score.grade"));
    // the year cell holds the same
    assertEquals(6, CaseEvents.figures(unit, "2026").getInt("figures.received"));
    // the category cell too
    assertEquals(
        6,
        io.restassured.RestAssured.given()
            .queryParam("period", "2026-03")
            .queryParam("category", CaseEvents.CATEGORY)
            .get("/api/v1/figures/units/" + unit)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getInt("figures.received"));

    // Accountability: 1 late sign-for, 2 not to standard, 3 overdue/expired → 6 center notices,
    // and the third overdue/expired one escalates (efficiency-office notice + warning).
    JsonPath n = CaseEvents.awaitNotices(unit, "2026-03", 8);
    assertEquals(8, n.getInt("total"));
    List<Map<String, Object>> items = n.getList("items");
    assertEquals(6, items.stream().filter(i -> "CENTER_NOTICE".equals(i.get("type"))).count());
    assertEquals(
        1,
        items.stream()
            .filter(
                i ->
                    "EFFICIENCY_OFFICE_NOTICE".equals(i.get("type"))
                        && "OVERDUE_OR_EXPIRED_HANDLING".equals(i.get("kind"))
                        && Integer.valueOf(3).equals(i.get("ordinal")))
            .count());
    Map<String, Object> warning =
        items.stream()
            .filter(i -> "EFFICIENCY_WARNING".equals(i.get("type")))
            .findFirst()
            .orElseThrow();
    assertEquals("PERSON_RESPONSIBLE", warning.get("level"));
    assertEquals(
        1,
        items.stream().filter(i -> "LATE_SIGN_FOR".equals(i.get("kind"))).count(),
        "the breach and the late sign-for are one incident");

    // published on szcg.assessment, keyed by the case id
    List<ConsumerRecord<String, String>> published =
        TestEvents.readUntil(
            CaseEvents.bootstrap(),
            Topics.ASSESSMENT,
            Duration.ofSeconds(30),
            seen -> seen.stream().filter(r -> r.value().contains(unit)).count() >= 8);
    List<ConsumerRecord<String, String>> mine =
        published.stream().filter(r -> r.value().contains("\"unitId\":\"" + unit + "\"")).toList();
    assertEquals(8, mine.size());
    assertTrue(mine.stream().allMatch(r -> r.key().startsWith(p)));
    assertTrue(mine.stream().anyMatch(r -> r.value().contains("EFFICIENCY_WARNING")));
  }

  @Test
  void theTownshipCellComesFromTheFiledCase() {
    String unit = "T-" + UUID.randomUUID().toString().substring(0, 8);
    String c = unit + "-c1";
    CaseEvents.filed(c, "350124100", at("11T08:00:00"));
    CaseEvents.flush();
    // the consumer of the three topics knows the case before the dispatch arrives
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end && !known(c)) {
      CaseEvents.sleep(100);
    }
    assertTrue(known(c));
    new CaseEvents().step(c, "DISPATCH", c + "-O1", unit, at("11T09:00:00"));
    CaseEvents.awaitFigures(unit, "2026-03", j -> j.getInt("figures.received") == 1);
    JsonPath t =
        io.restassured.RestAssured.given()
            .queryParam("period", "2026-03")
            .queryParam("township", "350124100")
            .get("/api/v1/figures/units/" + unit)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, t.getInt("figures.received"));
    assertEquals("350124100", t.getString("township"));
    // nothing due yet: not graded
    assertFalse(t.getBoolean("score.graded"));
    assertNull(t.get("score.grade"));
  }

  @Test
  void clockEventsBeforeTheirOrderAreParkedAndReplayed() {
    String unit = "P-" + UUID.randomUUID().toString().substring(0, 8);
    String c = unit + "-c1";
    String o = c + "-O1";
    // the clocks arrive first (consumer lag on cases), the dispatch afterwards
    breached(c, SIGN, o, unit, at("12T10:00:00"));
    stopped(c, SIGN, o, unit, at("12T10:20:00"), false);
    breached(c, HANDLING, o, unit, at("12T15:00:00"));
    CaseEvents.flush();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end && parked(o) < 3) {
      CaseEvents.sleep(100);
    }
    assertEquals(3, parked(o), "parked until the order is known");
    new CaseEvents().step(c, "DISPATCH", o, unit, at("12T09:00:00"));
    JsonPath f =
        CaseEvents.awaitFigures(
            unit,
            "2026-03",
            j -> j.getInt("figures.received") == 1 && j.getInt("figures.expiredUnhandled") == 1);
    assertEquals(1, f.getInt("figures.signedLate"));
    assertEquals(0, f.getInt("figures.signedOnTime"));
    assertEquals(1, f.getInt("derived.toHandle"));
    assertEquals(0, parked(o));
    JsonPath n = CaseEvents.awaitNotices(unit, "2026-03", 2);
    assertEquals(2, n.getInt("total"));
    List<Map<String, Object>> items = n.getList("items");
    assertTrue(items.stream().anyMatch(i -> "LATE_SIGN_FOR".equals(i.get("kind"))));
    assertTrue(items.stream().anyMatch(i -> "OVERDUE_OR_EXPIRED_HANDLING".equals(i.get("kind"))));
    // nobody signed for it: the person on duty is not known
    assertTrue(items.stream().allMatch(i -> Boolean.TRUE.equals(i.get("personMissing"))));
  }

  long parked(String orderId) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM parked_event WHERE order_id = ?1")
                            .setParameter(1, orderId)
                            .getSingleResult())
                    .longValue());
  }

  @jakarta.inject.Inject jakarta.persistence.EntityManager em;

  boolean known(String caseId) {
    return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .call(
            () ->
                !em.createNativeQuery("SELECT 1 FROM case_context WHERE case_id = ?1")
                    .setParameter(1, caseId)
                    .getResultList()
                    .isEmpty());
  }
}
