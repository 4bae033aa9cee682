package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
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
 * Unclear responsibility and emergencies without a unit: coordination
 * with a binding agreement, escalation to the county government and its designation, the county
 * government's emergency arrangement first.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class CoordinationPathsTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  /** 架空线缆脱落 somewhere gis could not place: no rule matches. */
  static String unclearCase(boolean emergency) {
    return file("E-0508", null, null, emergency, Channel.PATROL);
  }

  @Test
  void noUnitFoundThenCoordinationAgreementBinds() {
    String caseId = unclearCase(false);
    JsonPath p = given().get("/api/v1/cases/" + caseId + "/dispatch-proposal").jsonPath();
    assertNull(p.getString("proposedUnitId"));
    assertTrue(p.getString("explanationZh").contains("协调"), p.prettify());
    Response d = post(DISPATCHER, caseId, "dispatch", body("requirements", "x"));
    assertEquals(400, d.statusCode(), d.asString());
    assertEquals("unitId", d.jsonPath().getString("errors[0].field"));

    ok(DISPATCHER, caseId, "coordination", body("reason", "线缆权属不明"));
    JsonPath a =
        ok(
            SHIFT_LEAD,
            caseId,
            "coordination/agreement",
            body(
                "agreedUnitId", "U-TELECOM",
                "participatingUnitIds", List.of("U-TELECOM", "U-MOBILE", "U-UNICOM"),
                "agreementText", "经协调，由中国电信闽清分公司牵头处置"));
    assertEquals("DISPATCHED", a.getString("caseAfter.state"));
    assertEquals("COORDINATION_AGREEMENT", a.getString("caseAfter.orders[0].origin"));
    assertEquals("U-TELECOM", a.getString("caseAfter.agreements[0].agreedUnitId"));
    // the agreement binds: no return
    Response ret =
        post(
            receiver("U-TELECOM"),
            caseId,
            "return-requests",
            body("reason", "不是我们的", "proposedUnitId", "U-MOBILE"));
    assertEquals(409, ret.statusCode());
    assertEquals("RETURN_NOT_ALLOWED", ret.jsonPath().getString("code"));
  }

  @Test
  void escalationToTheCountyGovernmentWhichDesignatesTheUnit() {
    String caseId = unclearCase(false);
    ok(DISPATCHER, caseId, "coordination", body("reason", "责任不明"));
    // only the shift lead escalates
    assertEquals(
        403,
        post(DISPATCHER, caseId, "escalation-to-county-government", body("reason", "x"))
            .statusCode());
    ok(SHIFT_LEAD, caseId, "escalation-to-county-government", body("reason", "协调未果，报县政府"));
    assertEquals("ESCALATED_TO_COUNTY_GOVERNMENT", state(caseId));
    JsonPath d =
        ok(
            COUNTY,
            caseId,
            "designation",
            body("unitId", "U-POWER", "decisionReference", "闽政办〔2026〕12号", "requirements", "立即处置"));
    assertEquals("DISPATCHED", d.getString("caseAfter.state"));
    assertEquals("U-POWER", d.getString("caseAfter.responsibleUnitId"));
    assertTrue(d.getBoolean("caseAfter.agreements[0].byCountyGovernment"));
    assertEquals("COUNTY_GOVERNMENT_DESIGNATION", d.getString("caseAfter.orders[0].origin"));

    List<CaseTransitioned> ev = events(caseId, 4);
    assertEquals(
        List.of("OPEN", "START_COORDINATION", "ESCALATE_TO_COUNTY_GOVERNMENT", "DESIGNATE_UNIT"),
        ev.stream().map(CaseTransitioned::transition).toList());
    assertEquals("COUNTY_GOVERNMENT", ev.get(3).actorRole());
    assertEquals("U-POWER", ev.get(3).unitId());
    assertEquals("true", ev.get(3).data().get("binding"));
  }

  @Test
  void emergencyWithoutAUnitIsArrangedByTheCountyGovernmentFirst() {
    String caseId = unclearCase(true);
    // not for ordinary cases
    String ordinary = unclearCase(false);
    Response notEmergency =
        post(SHIFT_LEAD, ordinary, "emergency-arrangement", body("reason", "x"));
    assertEquals(409, notEmergency.statusCode());
    assertEquals("NOT_AN_EMERGENCY", notEmergency.jsonPath().getString("code"));

    ok(COUNTY, caseId, "emergency-arrangement", body("reason", "线缆垂落路面，危及行人"));
    ok(COUNTY, caseId, "emergency-arrangement/measures", body("measures", "县应急管理局组织断电、拉警戒"));
    assertEquals("EMERGENCY_ARRANGEMENT", state(caseId));
    ok(COUNTY, caseId, "designation", body("unitId", "U-POWER"));
    ok(receiver("U-POWER"), caseId, "sign-for", null);
    ok(leader("U-POWER"), caseId, "leader-approval", null);
    // emergencies are never deferred
    Response ext =
        post(
            leader("U-POWER"),
            caseId,
            "extension-requests",
            body(
                "reason",
                "需更换线缆",
                "requestedDeadline",
                Instant.now().plus(5, ChronoUnit.DAYS).toString()));
    assertEquals(409, ext.statusCode(), ext.asString());
    assertEquals("EMERGENCY_NOT_DEFERRABLE", ext.jsonPath().getString("code"));

    List<CaseTransitioned> ev = events(caseId, 4);
    assertEquals("START_EMERGENCY_ARRANGEMENT", ev.get(1).transition());
    assertTrue(ev.get(1).emergency());
    assertEquals("RECORD_EMERGENCY_MEASURES", ev.get(2).transition());
    assertEquals("DESIGNATE_UNIT", ev.get(3).transition());
    assertEquals("true", ev.get(3).data().get("afterEmergencyArrangement"));
  }
}
