package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static cn.szcg.assessment.infra.CaseEvents.stopped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R-24 (Art 33), the people named: dispatch-service carries the unit register on DISPATCH /
 * SIGN_FOR (person on duty 责任人, leader in charge 分管领导, head 单位主要负责人); every center notice names the
 * person on duty, the 3rd incident warns the person responsible, the 5th the leader in charge, the
 * 8th the head — by name, none flagged personMissing. The user who signed for the order takes
 * precedence as the person on duty.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AccountablePeopleTest {

  @jakarta.inject.Inject jakarta.persistence.EntityManager em;

  @BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("efficiency-office"));
  }

  static final String SIGN = "DISPATCH_TO_SIGN_FOR";

  static final Map<String, String> REGISTER =
      Map.of(
          "personOnDutyId", "P-DUTY-1",
          "personOnDutyName", "张值班",
          "leaderInChargeId", "P-LEAD-1",
          "leaderInChargeName", "李分管",
          "headId", "P-HEAD-1",
          "headName", "王主任");

  private static List<Map<String, Object>> ofType(JsonPath n, String type) {
    List<Map<String, Object>> items = n.getList("items");
    return items.stream().filter(i -> type.equals(i.get("type"))).toList();
  }

  private static Map<String, Object> warning(JsonPath n, int ordinal) {
    return ofType(n, "EFFICIENCY_WARNING").stream()
        .filter(i -> Integer.valueOf(ordinal).equals(i.get("ordinal")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no warning #" + ordinal));
  }

  @Test
  void noticesNameThePeopleOfTheUnitRegister() {
    String unit = "AP-" + UUID.randomUUID().toString().substring(0, 8);
    CaseEvents ev = new CaseEvents();
    // eight late sign-fors in March 2026 (never signed for: only the DISPATCH names anyone)
    for (int i = 1; i <= 8; i++) {
      String c = unit + "-c" + i;
      Instant at = Instant.parse("2026-03-02T01:00:00Z").plusSeconds(86_400L * i);
      ev.step(c, "DISPATCH", c + "-O1", unit, at, "dispatcher-1", REGISTER);
      breached(c, SIGN, c + "-O1", unit, at.plusSeconds(3600));
    }
    // 8 center notices + (office notice + warning) at the 3rd, 5th and 8th
    JsonPath n = CaseEvents.awaitNotices(unit, "2026-03", 14);
    assertEquals(14, n.getInt("total"));
    List<Map<String, Object>> center = ofType(n, "CENTER_NOTICE");
    assertEquals(8, center.size());
    for (Map<String, Object> c : center) {
      assertEquals("P-DUTY-1", c.get("personId"));
      assertEquals("张值班", c.get("personName"));
      assertEquals(false, c.get("personMissing"));
      assertTrue(((String) c.get("titleZh")).contains("责任人张值班"), (String) c.get("titleZh"));
    }
    Map<String, Object> third = warning(n, 3);
    assertEquals("PERSON_RESPONSIBLE", third.get("level"));
    assertEquals("P-DUTY-1", third.get("personId"));
    assertEquals("张值班", third.get("personName"));
    Map<String, Object> fifth = warning(n, 5);
    assertEquals("LEADER_IN_CHARGE", fifth.get("level"));
    assertEquals("P-LEAD-1", fifth.get("personId"));
    assertEquals("李分管", fifth.get("personName"));
    assertEquals(false, fifth.get("personMissing"));
    assertTrue(((String) fifth.get("titleZh")).contains("李分管"), (String) fifth.get("titleZh"));
    Map<String, Object> eighth = warning(n, 8);
    assertEquals("UNIT_HEAD", eighth.get("level"));
    assertEquals("P-HEAD-1", eighth.get("personId"));
    assertEquals("王主任", eighth.get("personName"));
    assertEquals(false, eighth.get("personMissing"));
    assertTrue(((String) eighth.get("titleZh")).contains("王主任"), (String) eighth.get("titleZh"));
  }

  @Test
  void theSignerTakesPrecedenceAsThePersonOnDuty() {
    String unit = "AP-" + UUID.randomUUID().toString().substring(0, 8);
    CaseEvents ev = new CaseEvents();
    String c = unit + "-c1";
    Instant at = Instant.parse("2026-03-10T01:00:00Z");
    ev.step(c, "DISPATCH", c + "-O1", unit, at, "dispatcher-1", REGISTER);
    // signed for late by another receiver; the sign-for names a new leader in charge
    ev.step(
        c,
        "SIGN_FOR",
        c + "-O1",
        unit,
        at.plusSeconds(5400),
        "receiver-7",
        Map.of("leaderInChargeId", "P-LEAD-2", "leaderInChargeName", "赵分管"));
    // The signer is known once SIGN_FOR is applied. sla publishes the sign-for clock's stop only
    // after dispatch published SIGN_FOR, but the two are on different topics: a consumer may apply
    // the clock's stop first, and then the notice names the receiver on duty from DISPATCH (a
    // registered person of the unit, not the signer) — a known limit (docs/assessment.md). Here
    // the stop follows the applied SIGN_FOR, as it usually does.
    cn.szcg.testsupport.Await.until(
        "SIGN_FOR applied",
        java.time.Duration.ofSeconds(30),
        () ->
            "receiver-7"
                .equals(
                    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(
                            () ->
                                em.createNativeQuery(
                                        "SELECT max(person_on_duty) FROM order_track WHERE"
                                            + " case_id = ?1")
                                    .setParameter(1, c)
                                    .getSingleResult())));
    stopped(c, SIGN, c + "-O1", unit, at.plusSeconds(5400), false);
    JsonPath n = CaseEvents.awaitNotices(unit, "2026-03", 1);
    assertEquals(1, n.getInt("total"));
    Map<String, Object> notice = ofType(n, "CENTER_NOTICE").get(0);
    assertEquals("receiver-7", notice.get("personId"));
    assertNull(notice.get("personName"));
    assertFalse((Boolean) notice.get("personMissing"));
    assertTrue(((String) notice.get("titleZh")).contains("责任人receiver-7"));
  }
}
