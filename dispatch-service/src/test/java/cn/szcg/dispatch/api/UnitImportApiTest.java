package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The county loads its unit register in bulk (责任单位导入, R-27, R-02, R-17): {@code POST
 * /api/v1/units/import}, admin only, the whole file validated before anything is written, one
 * transaction, a problem+json naming the bad row and field, audited like every write.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class UnitImportApiTest {

  /** A registered township body (下祝乡) the file's department belongs to. */
  static final String XIAZHU = "T-350124204";

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static List<Map<String, Object>> people(String p, String receiverPhone) {
    return List.of(
        body(
            "role",
            "LEADER_IN_CHARGE",
            "personId",
            p + "-L",
            "name",
            "陈建华",
            "phone",
            "0591-22330001"),
        body(
            "role",
            "HEAD_OF_HANDLING_ORGAN",
            "personId",
            p + "-H",
            "name",
            "林秀英",
            "phone",
            "0591-22330002"),
        body(
            "role", "DAILY_RECEIVER", "personId", p + "-R", "name", "黄志强", "phone", receiverPhone));
  }

  static String unit(String s) {
    return "U-IMP-" + s;
  }

  static String dept(String s) {
    return XIAZHU + "-IMP-" + s;
  }

  /**
   * A company, a department of the registered 下祝乡 and a rule to the company, ids unique to the test
   * (no new township body: another test counts the seeded ones).
   */
  static Map<String, Object> file(String s, String deptReceiverPhone) {
    return body(
        "description",
        "测试县责任单位",
        "validFrom",
        "2027-01-01T00:00:00Z",
        "units",
        List.of(
            body(
                "unitId",
                unit(s),
                "name",
                "导入物业公司",
                "kind",
                "COMPANY",
                "contacts",
                people(unit(s), "0591-22330003")),
            body(
                "unitId",
                dept(s),
                "name",
                "下祝乡导入测试站",
                "kind",
                "SUB_DEPARTMENT",
                "parentUnitId",
                XIAZHU,
                "townshipCode",
                "350124204",
                "contacts",
                people(dept(s), deptReceiverPhone))),
        "rules",
        List.of(
            body(
                "ruleId",
                "IMP-" + s,
                "categoryPattern",
                "C-0999",
                "unitId",
                unit(s),
                "note",
                "导入测试")));
  }

  static Response load(As as, Object file, String query) {
    return as.spec().body(file).post("/api/v1/units/import" + query);
  }

  @Test
  void theCountyLoadsItsUnitsContactsAndMatrixInOneGo() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    As admin = new As("admin-import-" + s, "ADMIN", null);
    Response r = load(admin, file(s, "13805910003"), "");
    assertEquals(200, r.statusCode(), r.asString());
    assertEquals(2, r.jsonPath().getInt("unitsRegistered"));
    assertEquals(6, r.jsonPath().getInt("contactsRegistered"));
    assertEquals(1, r.jsonPath().getInt("rulesCreated"));

    assertEquals(
        "导入物业公司", ADMIN.spec().get("/api/v1/units/" + unit(s)).jsonPath().getString("unit.name"));
    JsonPath town = ADMIN.spec().get("/api/v1/units/" + XIAZHU).jsonPath();
    assertTrue(town.getList("subUnits.unitId").contains(dept(s)), town.prettify());
    JsonPath acc =
        ADMIN
            .spec()
            .get("/api/v1/units/" + dept(s) + "/accountable?at=2027-01-02T00:00:00Z")
            .jsonPath();
    assertEquals("陈建华", acc.getString("leaderInCharge.name"));
    assertEquals("林秀英", acc.getString("headOfHandlingOrgan.name"));
    assertEquals("13805910003", acc.getString("receivers[0].phone"));
    assertEquals(
        unit(s),
        ADMIN.spec().get("/api/v1/responsibility-rules/IMP-" + s).jsonPath().getString("unitId"));

    // audited like every write: who, what, the answer
    await(
        () ->
            ADMIN
                .spec()
                .queryParam("who", "admin-import-" + s)
                .get("/api/v1/audit")
                .jsonPath()
                .getList("path")
                .contains("/api/v1/units/import"));

    // the same file again: the units exist — refused, nothing changed
    Response again = load(admin, file(s, "13805910003"), "");
    assertEquals(400, again.statusCode(), again.asString());
    assertEquals("units[0].unitId", again.jsonPath().getString("errors[0].field"));
    assertEquals("already-registered", again.jsonPath().getString("errors[0].code"));
  }

  @Test
  void aBadRowIsNamedAndNothingIsWritten() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    Response r = load(ADMIN, file(s, "不详"), "");
    assertEquals(400, r.statusCode(), r.asString());
    assertEquals("application/problem+json", r.contentType());
    assertEquals("units[1].contacts[2].phone", r.jsonPath().getString("errors[0].field"));
    assertEquals("invalid-format", r.jsonPath().getString("errors[0].code"));
    assertTrue(r.jsonPath().getString("detail").contains("units[1].contacts[2].phone"));
    // all or nothing: the valid unit before the bad row and the rule are not there
    assertEquals(404, ADMIN.spec().get("/api/v1/units/" + unit(s)).statusCode());
    assertEquals(404, ADMIN.spec().get("/api/v1/responsibility-rules/IMP-" + s).statusCode());
  }

  @Test
  void aDryRunValidatesWithoutWriting() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    Response r = load(ADMIN, file(s, "13805910003"), "?dryRun=true");
    assertEquals(200, r.statusCode(), r.asString());
    assertTrue(r.jsonPath().getBoolean("dryRun"));
    assertEquals(2, r.jsonPath().getInt("unitsRegistered"));
    assertEquals(404, ADMIN.spec().get("/api/v1/units/" + unit(s)).statusCode());
  }

  @Test
  void onlyTheAdministratorLoads() {
    String s = UUID.randomUUID().toString().substring(0, 8);
    for (As as : List.of(DISPATCHER, SHIFT_LEAD, receiver("U-WATER"))) {
      Response r = load(as, file(s, "13805910003"), "");
      assertEquals(403, r.statusCode(), r.asString());
    }
    assertEquals(404, ADMIN.spec().get("/api/v1/units/" + unit(s)).statusCode());
    // an unknown field is a 400 too, never a 500
    Response odd = load(ADMIN, body("unitz", List.of()), "");
    assertEquals(400, odd.statusCode(), odd.asString());
    assertFalse(odd.asString().isBlank());
  }
}
