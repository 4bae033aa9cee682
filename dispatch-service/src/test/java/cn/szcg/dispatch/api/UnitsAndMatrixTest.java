package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unit register with its dated history, the seeded Minqing register and matrix, the
 * matrix API and the dispatch proposal with the component maintainer from gis-service
 * and its fallback when gis-service does not answer.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class UnitsAndMatrixTest {

  /** The register and the matrix are the administrator's (系统管理员) reference data. */
  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.user("admin1", "admin").build());
  }

  @Test
  void theMinqingRegisterAndMatrixAreSeeded() {
    JsonPath towns = given().queryParam("kind", "TOWNSHIP_BODY").get("/api/v1/units").jsonPath();
    assertEquals(16, towns.getInt("total"));
    JsonPath meicheng = given().get("/api/v1/units/T-350124100").jsonPath();
    assertEquals("梅城镇人民政府", meicheng.getString("unit.name"));
    assertEquals(2, meicheng.getList("subUnits").size());
    assertEquals(
        "闽清县自来水公司", given().get("/api/v1/units/U-WATER").jsonPath().getString("unit.name"));
    JsonPath acc = given().get("/api/v1/units/U-WATER/accountable").jsonPath();
    assertTrue(acc.getString("leaderInCharge.name").length() >= 2);
    assertEquals(1, acc.getList("receivers").size());
    List<String> water =
        given()
            .queryParam("unitId", "U-WATER")
            .get("/api/v1/responsibility-rules")
            .jsonPath()
            .getList("items.ruleId");
    assertTrue(water.contains("C-0101"), water.toString());
  }

  @Test
  void whoWasTheReceiverOnAGivenDay() {
    String id = "U-TEST-" + UUID.randomUUID().toString().substring(0, 8);
    Response created =
        given()
            .contentType(ContentType.JSON)
            .body(
                body(
                    "unitId",
                    id,
                    "name",
                    "测试物业公司",
                    "kind",
                    "COMPANY",
                    "validFrom",
                    "2026-01-01T00:00:00Z"))
            .post("/api/v1/units");
    assertEquals(201, created.statusCode(), created.asString());
    contact(id, "DAILY_RECEIVER", "p-lin", "林晓东", "2026-02-01T00:00:00Z");
    contact(id, "LEADER_IN_CHARGE", "p-chen", "陈建华", "2026-02-01T00:00:00Z");
    contact(id, "DAILY_RECEIVER", "p-wu", "吴海燕", "2026-03-01T00:00:00Z");
    Response end =
        given()
            .contentType(ContentType.JSON)
            .body(body("validTo", "2026-03-01T00:00:00Z"))
            .post("/api/v1/units/" + id + "/contacts/DAILY_RECEIVER/p-lin/end");
    assertEquals(200, end.statusCode(), end.asString());
    contact(id, "LEADER_IN_CHARGE", "p-zheng", "郑文斌", "2026-03-10T00:00:00Z");

    JsonPath feb =
        given()
            .queryParam("at", "2026-02-15T03:00:00Z")
            .get("/api/v1/units/" + id + "/accountable")
            .jsonPath();
    assertEquals(List.of("林晓东"), feb.getList("receivers.name"));
    assertEquals("陈建华", feb.getString("leaderInCharge.name"));
    JsonPath mar =
        given()
            .queryParam("at", "2026-03-15T03:00:00Z")
            .get("/api/v1/units/" + id + "/accountable")
            .jsonPath();
    assertEquals(List.of("吴海燕"), mar.getList("receivers.name"));
    assertEquals("郑文斌", mar.getString("leaderInCharge.name"));
    JsonPath jan =
        given()
            .queryParam("at", "2026-01-15T03:00:00Z")
            .get("/api/v1/units/" + id + "/accountable")
            .jsonPath();
    assertTrue(jan.getList("receivers").isEmpty());
    assertNull(jan.get("leaderInCharge"));
    // the whole history is kept: the former leader's term ended, not erased
    JsonPath d = given().get("/api/v1/units/" + id).jsonPath();
    assertEquals(4, d.getList("contacts").size());
    assertEquals(
        "2026-03-10T00:00:00Z",
        d.getString("contacts.find { it.person.personId == 'p-chen' }.validTo"));

    // a change before the current holder's start is refused
    Response back = contactResponse(id, "LEADER_IN_CHARGE", "p-x", "许某", "2026-03-01T00:00:00Z");
    assertEquals(409, back.statusCode(), back.asString());
    assertEquals("NOT_AFTER_LAST_CHANGE", back.jsonPath().getString("code"));
    // rename from a date: the old name stays in the history
    Response ren =
        given()
            .contentType(ContentType.JSON)
            .body(body("name", "测试物业服务有限公司", "active", true, "validFrom", "2026-04-01T00:00:00Z"))
            .put("/api/v1/units/" + id);
    assertEquals(200, ren.statusCode(), ren.asString());
    assertEquals(2, ren.jsonPath().getList("versions").size());
    assertEquals(
        "测试物业公司",
        given()
            .queryParam("at", "2026-03-15T00:00:00Z")
            .get("/api/v1/units/" + id + "/accountable")
            .jsonPath()
            .getString("unit.name"));
  }

  @Test
  void unitRegistrationIsValidated() {
    Response dup =
        given()
            .contentType(ContentType.JSON)
            .body(body("unitId", "U-WATER", "name", "x", "kind", "UTILITY"))
            .post("/api/v1/units");
    assertEquals(409, dup.statusCode());
    Response noParent =
        given()
            .contentType(ContentType.JSON)
            .body(body("unitId", "U-SUB-X", "name", "x", "kind", "SUB_DEPARTMENT"))
            .post("/api/v1/units");
    assertEquals(400, noParent.statusCode(), noParent.asString());
    assertEquals("parentUnitId", noParent.jsonPath().getString("errors[0].field"));
    Response badParent =
        given()
            .contentType(ContentType.JSON)
            .body(
                body(
                    "unitId",
                    "U-SUB-Y",
                    "name",
                    "x",
                    "kind",
                    "SUB_DEPARTMENT",
                    "parentUnitId",
                    "U-WATER"))
            .post("/api/v1/units");
    assertEquals(400, badParent.statusCode(), badParent.asString());
    Response badKind =
        given()
            .contentType(ContentType.JSON)
            .body(body("unitId", "U-Z", "name", "x", "kind", "PLANET"))
            .post("/api/v1/units");
    assertEquals(400, badKind.statusCode());
    assertEquals("kind", badKind.jsonPath().getString("errors[0].field"));
    assertEquals(404, given().get("/api/v1/units/NOPE").statusCode());
  }

  @Test
  void rulesCrudAndTheMostSpecificRuleWins() {
    String caseId = file("E-0406", "350124101", null, false, Channel.PATROL); // 露天烧烤 in 梅溪镇
    assertEquals("U-CITYMGMT", proposal(caseId).getString("proposedUnitId"));
    Response put =
        given()
            .contentType(ContentType.JSON)
            .body(
                body(
                    "categoryPattern",
                    "E-0406",
                    "townshipCode",
                    "350124101",
                    "unitId",
                    "T-350124101",
                    "note",
                    "梅溪镇自管"))
            .put("/api/v1/responsibility-rules/E-0406-MEIXI");
    assertEquals(201, put.statusCode(), put.asString());
    JsonPath p = proposal(caseId);
    assertEquals("T-350124101", p.getString("proposedUnitId"));
    assertEquals("E-0406-MEIXI", p.getString("ruleId"));
    Response badPattern =
        given()
            .contentType(ContentType.JSON)
            .body(body("categoryPattern", "E*04", "unitId", "U-WATER"))
            .put("/api/v1/responsibility-rules/BAD");
    assertEquals(400, badPattern.statusCode());
    assertEquals("categoryPattern", badPattern.jsonPath().getString("errors[0].field"));
    Response badUnit =
        given()
            .contentType(ContentType.JSON)
            .body(body("categoryPattern", "E-04*", "unitId", "NOPE"))
            .put("/api/v1/responsibility-rules/BAD");
    assertEquals(400, badUnit.statusCode());
    assertEquals("unitId", badUnit.jsonPath().getString("errors[0].field"));
    assertEquals(204, given().delete("/api/v1/responsibility-rules/E-0406-MEIXI").statusCode());
    assertEquals(404, given().get("/api/v1/responsibility-rules/E-0406-MEIXI").statusCode());
    assertEquals("U-CITYMGMT", proposal(caseId).getString("proposedUnitId"));
  }

  @Test
  void theComponentsMaintainerFromGisComesFirst() {
    // a rubbish-bin category, but the component is a water cover maintained by the water company
    String caseId = file("C-0302", "350124100", GisStub.WATER_COVER, false, Channel.PATROL);
    JsonPath p = proposal(caseId);
    assertEquals("U-WATER", p.getString("proposedUnitId"));
    assertEquals("COMPONENT_MAINTAINER", p.getString("ruleId"));
    assertEquals("FOUND", p.getString("maintainerStatus"));
    JsonPath d = ok(DISPATCHER, caseId, "dispatch", body("requirements", "更换"));
    assertEquals("U-WATER", d.getString("caseAfter.responsibleUnitId"));
  }

  @Test
  void whenGisIsDownTheMatrixAnswersWithoutTheMaintainerAndSaysSo() {
    String caseId = file("C-0302", "350124100", GisStub.SLOW, false, Channel.PATROL);
    long t0 = System.nanoTime();
    JsonPath p = proposal(caseId);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("U-SANITATION", p.getString("proposedUnitId"));
    assertEquals("C-0302", p.getString("ruleId"));
    assertEquals("GIS_UNAVAILABLE", p.getString("maintainerStatus"));
    assertTrue(p.getString("explanationZh").contains("GIS服务暂不可用"), p.getString("explanationZh"));
    // the stub answers after 10 s; the lookup gives up after 1.5 s (szcg.gis.lookup-timeout). The
    // bound leaves room for a loaded machine but still fails if the proposal waited for gis.
    assertTrue(ms < 6000, "short timeout, took " + ms + " ms");
  }

  static JsonPath proposal(String caseId) {
    Response r = given().get("/api/v1/cases/" + caseId + "/dispatch-proposal");
    assertEquals(200, r.statusCode(), r.asString());
    return r.jsonPath();
  }

  static void contact(String unit, String role, String person, String name, String from) {
    Response r = contactResponse(unit, role, person, name, from);
    assertEquals(200, r.statusCode(), r.asString());
  }

  static Response contactResponse(
      String unit, String role, String person, String name, String from) {
    return given()
        .contentType(ContentType.JSON)
        .body(
            body(
                "role",
                role,
                "personId",
                person,
                "name",
                name,
                "phone",
                "0591-22330000",
                "validFrom",
                from))
        .post("/api/v1/units/" + unit + "/contacts");
  }
}
