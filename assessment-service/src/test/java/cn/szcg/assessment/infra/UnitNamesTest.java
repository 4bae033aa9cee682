package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.Figures.Counter;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Period;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 point 7: rankings, unit figures, notices, commendation candidates and
 * every export show the unit's name (单位名称) beside its id — the latest name dispatch-service gave it
 * ({@code data.unitName}), whatever order the events arrive in; the id where no name is known.
 * Collector rankings and commendations show the collector's registered name; commendations cover
 * units, collectors and operators.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class UnitNamesTest {

  static final String OLD = "闽清县城管办";
  static final String NAME = "闽清县城市管理局";
  static final String RENAMED = "闽清县城市管理和综合执法局";

  @Inject FigureStore store;

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("admin"));
  }

  static Instant at(String local) {
    // March 2033, Asia/Shanghai
    return Instant.parse("2033-03-" + local + "Z").minus(Duration.ofHours(8));
  }

  @Test
  void namesEverywhere() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String unit = "N-" + tag;
    String nameless = "X-" + tag;
    String collector = "col-" + tag;
    CaseEvents ev = new CaseEvents();
    ev.step(tag + "-c1", "DISPATCH", tag + "-O1", unit, at("02T09:00:00"), "op", named(NAME));
    breached(tag + "-c1", "DISPATCH_TO_SIGN_FOR", tag + "-O1", unit, at("02T10:00:00"));
    ev.step(tag + "-c1", "SIGN_FOR", tag + "-O1", unit, at("02T10:30:00"), "rcv", named(RENAMED));
    ev.step(tag + "-c2", "DISPATCH", tag + "-O2", nameless, at("03T09:00:00"), "op", null);
    CaseEvents.flush();
    CaseEvents.sleep(300);
    // an older naming arriving last does not win
    ev.step(tag + "-c1", "SUBMIT_FEEDBACK", tag + "-O1", unit, at("02T08:00:00"), "h", named(OLD));
    // a collector registered with a name, and 50 valid reports of theirs in 2033
    CollectionUnitFiguresTest.registered(
        collector, "CU-" + tag, true, "CREATED", Instant.parse("2033-01-01T00:00:00Z"));
    CaseEvents.flush();
    CaseEvents.sleep(500);
    for (int i = 0; i < 50; i++) {
      Instant t = Instant.parse("2033-02-01T02:00:00Z").plusSeconds(3600L * i);
      CaseEvents.send(
          Topics.INTAKE,
          "intake-service",
          tag + "-r" + i,
          t,
          CollectionUnitFiguresTest.filed(tag + "-r" + i, Channel.PATROL, collector, t));
    }
    // the unit's year good enough for a commendation (as ExportAndWeightsTest's example: 97.60)
    Figures year =
        Figures.ZERO
            .add(Counter.RECEIVED, 100)
            .add(Counter.HANDLED, 100)
            .add(Counter.HANDLED_ON_TIME, 95)
            .add(Counter.OVERDUE_HANDLING, 5)
            .add(Counter.CHECKED, 100)
            .add(Counter.REWORKED, 2)
            .add(Counter.SATISFIED, 18)
            .add(Counter.DISSATISFIED, 2);
    QuarkusTransaction.requiringNew()
        .run(() -> store.addToCell(FiguresKey.total(unit, Period.year(2033)), year));

    // unit figures
    JsonPath f =
        CaseEvents.awaitFigures(
            unit,
            "2033-03",
            j -> RENAMED.equals(j.getString("unitName")) && j.getInt("figures.signedLate") >= 0);
    assertEquals(unit, f.getString("unitId"));
    CaseEvents.awaitFigures(nameless, "2033-03", j -> j.getInt("figures.received") == 1);
    CaseEvents.sleep(1000); // the older naming has surely been applied by now
    assertEquals(RENAMED, CaseEvents.figures(unit, "2033-03").getString("unitName"));
    assertEquals(nameless, CaseEvents.figures(nameless, "2033-03").getString("unitName"));

    // ranking
    JsonPath r =
        given()
            .queryParam("period", "2033-03")
            .queryParam("size", 200)
            .get("/api/v1/rankings")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(RENAMED, r.getString("items.find { it.unitId == '" + unit + "' }.unitName"));
    assertEquals(nameless, r.getString("items.find { it.unitId == '" + nameless + "' }.unitName"));

    // notices (the late sign-for's center notice)
    JsonPath n = CaseEvents.awaitNotices(unit, "2033-03", 1);
    assertEquals(RENAMED, n.getString("items[0].unitName"));
    assertEquals(unit, n.getString("items[0].unitId"));

    // exports: the county ranking as CSV, the unit's report as .xlsx
    String csv =
        new String(
            given()
                .get(
                    "/api/v1/exports/" + export("COUNTY_RANKING", "2033-03", "CSV", null) + "/file")
                .asByteArray(),
            StandardCharsets.UTF_8);
    String[] lines = csv.substring(1).split("\r\n");
    int nameCol = Arrays.asList(lines[0].split(",")).indexOf("单位名称");
    String row = Arrays.stream(lines).filter(l -> l.contains(unit)).findFirst().orElseThrow();
    assertEquals(RENAMED, row.split(",")[nameCol]);
    String other = Arrays.stream(lines).filter(l -> l.contains(nameless)).findFirst().orElseThrow();
    assertEquals(nameless, other.split(",")[nameCol]);
    Response x =
        given().get("/api/v1/exports/" + export("UNIT", "2033-03", "XLSX", unit) + "/file");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.asByteArray()))) {
      Row head = wb.getSheetAt(0).getRow(0);
      int col = -1;
      for (Cell c : head) {
        if ("单位名称".equals(c.getStringCellValue())) {
          col = c.getColumnIndex();
        }
      }
      assertTrue(col >= 0);
      assertEquals(RENAMED, wb.getSheetAt(0).getRow(1).getCell(col).getStringCellValue());
    }

    // collectors: the ranking shows the registered name
    JsonPath c =
        CollectionUnitFiguresTest.awaitIn(
            "/api/v1/figures/collectors",
            "2033-02",
            collector,
            j -> j.getInt("validReports") == 50);
    assertEquals("陈采集", c.getString("name"));

    // commendations of 2033: the unit (by name), the collector (by name), operators listed
    JsonPath y =
        given()
            .queryParam("year", "2033")
            .get("/api/v1/commendations")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(RENAMED, y.getString("candidates.find { it.subjectId == '" + unit + "' }.name"));
    assertEquals(
        "陈采集",
        y.getString("collectors.candidates.find { it.subjectId == '" + collector + "' }.name"),
        y.prettify());
    assertEquals(
        100.0f,
        y.getFloat("collectors.candidates.find { it.subjectId == '" + collector + "' }.score"));
    assertNotNull(y.getList("operators.candidates"));
    assertNotNull(y.getMap("operators.excluded"));
  }

  private static Map<String, String> named(String name) {
    return Map.of("unitName", name);
  }

  private static String export(String report, String period, String format, String unitId) {
    Map<String, Object> body =
        unitId == null
            ? Map.of("report", report, "period", period, "format", format)
            : Map.of("report", report, "period", period, "format", format, "unitId", unitId);
    String id =
        given()
            .contentType("application/json")
            .body(body)
            .post("/api/v1/exports")
            .then()
            .statusCode(202)
            .extract()
            .path("jobId");
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < end) {
      String status = given().get("/api/v1/exports/" + id).then().extract().path("status");
      if ("DONE".equals(status)) {
        return id;
      }
      CaseEvents.sleep(100);
    }
    throw new AssertionError("export " + id + " not done");
  }
}
