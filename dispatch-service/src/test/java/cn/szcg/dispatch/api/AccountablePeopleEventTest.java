package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.DISPATCHER;
import static cn.szcg.dispatch.api.Api.body;
import static cn.szcg.dispatch.api.Api.file;
import static cn.szcg.dispatch.api.Api.ok;
import static cn.szcg.dispatch.api.Api.receiver;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DISPATCH and SIGN_FOR events name the unit's accountable people from the unit register at the
 * time of the step: the person on duty, the leader in charge and the head of the
 * handling organ — the keys assessment-service reads into accountability notices.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class AccountablePeopleEventTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static void admin(String path, Map<String, Object> b, int status) {
    assertEquals(
        status,
        Api.ADMIN.spec().contentType(ContentType.JSON).body(b).post(path).statusCode(),
        path);
  }

  static Map<String, Object> contact(String role, String id, String name, String user) {
    Map<String, Object> b =
        body("role", role, "personId", id, "name", name, "validFrom", "2026-01-01T00:00:00Z");
    if (user != null) {
      b.put("userId", user);
    }
    return b;
  }

  static CaseTransitioned step(List<CaseTransitioned> events, String transition) {
    return events.stream().filter(e -> transition.equals(e.transition())).findFirst().orElseThrow();
  }

  @Test
  void dispatchAndSignForCarryThePeopleOfTheRegister() {
    String unit = "U-ACC-" + UUID.randomUUID().toString().substring(0, 8);
    admin(
        "/api/v1/units",
        body(
            "unitId",
            unit,
            "name",
            "测试问责单位",
            "kind",
            "COMPANY",
            "validFrom",
            "2026-01-01T00:00:00Z"),
        201);
    admin(
        "/api/v1/units/" + unit + "/contacts", contact("DAILY_RECEIVER", "p-wu", "吴海燕", "wu"), 200);
    // the matrix test's receiver account signs: registered as the second receiver
    admin(
        "/api/v1/units/" + unit + "/contacts",
        contact("DAILY_RECEIVER", "p-lin", "林晓东", unit + "-rcv"),
        200);
    admin(
        "/api/v1/units/" + unit + "/contacts",
        contact("LEADER_IN_CHARGE", "p-chen", "陈建华", null),
        200);
    admin(
        "/api/v1/units/" + unit + "/contacts",
        contact("HEAD_OF_HANDLING_ORGAN", "p-huang", "黄志强", null),
        200);

    String caseId = file("C-0401", "350124100", null, false, Channel.PATROL);
    ok(
        DISPATCHER,
        caseId,
        "dispatch",
        body("unitId", unit, "overrideReason", "问责测试", "requirements", "处置"));
    ok(receiver(unit), caseId, "sign-for", null);

    List<CaseTransitioned> events = Api.events(caseId, 3);
    Map<String, String> dispatch = step(events, "DISPATCH").data();
    assertEquals("p-wu", dispatch.get("personOnDutyId"));
    assertEquals("吴海燕", dispatch.get("personOnDutyName"));
    assertEquals("p-chen", dispatch.get("leaderInChargeId"));
    assertEquals("陈建华", dispatch.get("leaderInChargeName"));
    assertEquals("p-huang", dispatch.get("headId"));
    assertEquals("黄志强", dispatch.get("headName"));
    Map<String, String> signFor = step(events, "SIGN_FOR").data();
    assertEquals("p-lin", signFor.get("personOnDutyId"), "the signing receiver is on duty");
    assertEquals("林晓东", signFor.get("personOnDutyName"));
    assertEquals("p-chen", signFor.get("leaderInChargeId"));
    assertEquals("p-huang", signFor.get("headId"));
    // other steps do not carry them
    assertFalse(step(events, "OPEN").data().containsKey("leaderInChargeId"));
  }

  @Test
  void aUnitWithoutRegisteredPeopleDispatchesWithoutThem() {
    String unit = "U-ACC0-" + UUID.randomUUID().toString().substring(0, 8);
    admin(
        "/api/v1/units",
        body(
            "unitId",
            unit,
            "name",
            "无联系人单位",
            "kind",
            "COMPANY",
            "validFrom",
            "2026-01-01T00:00:00Z"),
        201);
    String caseId = file("C-0401", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body("unitId", unit, "overrideReason", "问责测试"));
    Map<String, String> d = step(Api.events(caseId, 2), "DISPATCH").data();
    for (String k :
        List.of(
            "personOnDutyId",
            "personOnDutyName",
            "leaderInChargeId",
            "leaderInChargeName",
            "headId",
            "headName")) {
      assertFalse(d.containsKey(k), k);
    }
    given().get("/api/v1/cases/" + caseId).then().statusCode(200);
  }
}
