package cn.szcg.assessment.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.Figures.Counter;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.infra.FigureStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * county ranking and unit reports exported in the background as CSV (UTF-8 with BOM)
 * and .xlsx with Chinese headings; the files parsed back. Weights validated (sum 100). The cells
 * are written directly here (the event path is covered by UnitFiguresFlowTest).
 */
@QuarkusTest
class ExportAndWeightsTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("efficiency-office"));
  }

  @Inject FigureStore store;

  static final Period YEAR = Period.year(2031);
  static final Period MONTH = Period.month(2031, 5);
  String a;
  String b;

  @BeforeEach
  void cells() {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    a = "A-" + tag;
    b = "B-" + tag;
    // a: 10 due, all on time → 100.00 A; b: 10 due, 5 on time, 5 expired →
    // 30×.5 + 20×.5 + 20 + 20 + 10 = 75.00 B
    Figures fa =
        Figures.ZERO
            .add(Counter.RECEIVED, 10)
            .add(Counter.HANDLED, 10)
            .add(Counter.HANDLED_ON_TIME, 10)
            .add(Counter.CHECKED, 10)
            .add(Counter.SIGNED_ON_TIME, 10);
    Figures fb =
        Figures.ZERO
            .add(Counter.RECEIVED, 10)
            .add(Counter.HANDLED, 5)
            .add(Counter.HANDLED_ON_TIME, 5)
            .add(Counter.EXPIRED_UNHANDLED, 5)
            .add(Counter.CHECKED, 5);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (Period p : new Period[] {MONTH, YEAR}) {
                store.addToCell(FiguresKey.total(a, p), fa);
                store.addToCell(FiguresKey.total(b, p), fb);
              }
            });
  }

  private static String awaitDone(String id) {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String status = null;
    while (System.nanoTime() < end) {
      status = given().get("/api/v1/exports/" + id).then().statusCode(200).extract().path("status");
      if ("DONE".equals(status) || "FAILED".equals(status)) {
        return status;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return status;
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
            .body("status", notNullValue())
            .extract()
            .path("jobId");
    assertEquals("DONE", awaitDone(id));
    return id;
  }

  @Test
  void rankingAsCsvWithBomAndChineseHeadings() {
    String id = export("COUNTY_RANKING", "2031-05", "CSV", null);
    Response r = given().get("/api/v1/exports/" + id + "/file");
    r.then().statusCode(200);
    assertTrue(r.contentType().startsWith("text/csv"));
    assertTrue(r.header("Content-Disposition").contains("county-ranking-2031-05.csv"));
    byte[] bytes = r.asByteArray();
    assertEquals((byte) 0xEF, bytes[0]);
    assertEquals((byte) 0xBB, bytes[1]);
    assertEquals((byte) 0xBF, bytes[2]);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n");
    String[] head = lines[0].split(",");
    assertEquals("排名", head[0]);
    assertEquals("单位编码", head[1]);
    assertEquals("综合指标值", head[head.length - 2]);
    assertEquals("等级", head[head.length - 1]);
    String rowA =
        java.util.Arrays.stream(lines).filter(l -> l.contains(a)).findFirst().orElseThrow();
    String rowB =
        java.util.Arrays.stream(lines).filter(l -> l.contains(b)).findFirst().orElseThrow();
    String[] ca = rowA.split(",");
    String[] cb = rowB.split(",");
    assertEquals("100.00", ca[ca.length - 2]);
    assertEquals("A", ca[ca.length - 1]);
    assertEquals("75.00", cb[cb.length - 2]);
    assertEquals("B", cb[cb.length - 1]);
    assertTrue(Integer.parseInt(ca[0]) < Integer.parseInt(cb[0]), "a ranks before b");
    int received = java.util.Arrays.asList(head).indexOf("收到批办件");
    assertEquals("10", ca[received]);
  }

  @Test
  void unitYearAsXlsxParsedBack() throws Exception {
    String id = export("UNIT", "2031", "XLSX", b);
    Response r = given().get("/api/v1/exports/" + id + "/file");
    r.then().statusCode(200);
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", r.contentType());
    assertTrue(r.header("Content-Disposition").contains("unit-" + b + "-2031.xlsx"));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.asByteArray()))) {
      Sheet s = wb.getSheetAt(0);
      assertEquals("单位考核表", s.getSheetName());
      Row head = s.getRow(0);
      assertEquals("排名", head.getCell(0).getStringCellValue());
      assertEquals("考核周期", head.getCell(3).getStringCellValue());
      // May 2031 and the year
      assertEquals(3, s.getPhysicalNumberOfRows());
      Row may = s.getRow(1);
      Row year = s.getRow(2);
      assertEquals("2031-05", may.getCell(3).getStringCellValue());
      assertEquals("2031", year.getCell(3).getStringCellValue());
      int last = head.getLastCellNum() - 1;
      assertEquals("等级", head.getCell(last).getStringCellValue());
      assertEquals("B", year.getCell(last).getStringCellValue());
      assertEquals(75.0, year.getCell(last - 1).getNumericCellValue(), 1e-9);
      assertEquals(b, year.getCell(1).getStringCellValue());
      assertEquals(10.0, year.getCell(4).getNumericCellValue(), 1e-9);
    }
  }

  @Test
  void rankingAsJson() {
    given()
        .queryParam("period", "2031-05")
        .queryParam("size", 200)
        .get("/api/v1/rankings")
        .then()
        .statusCode(200)
        .body("items.find { it.unitId == '" + a + "' }.grade", equalTo("A"))
        .body("items.find { it.unitId == '" + b + "' }.score", equalTo(75.00f));
    String id = export("COUNTY_RANKING", "2031", "JSON", null);
    given()
        .get("/api/v1/exports/" + id + "/file")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("headings[0]", equalTo("排名"))
        .body("rows.find { it.unitId == '" + a + "' }.grade", equalTo("A"));
  }

  @Test
  void badExportsAreProblemsNamingTheField() {
    given()
        .contentType("application/json")
        .body(Map.of("report", "COUNTY_RANKING", "period", "2031-13", "format", "CSV"))
        .post("/api/v1/exports")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("period"));
    given()
        .contentType("application/json")
        .body(Map.of("report", "COUNTY_RANKING", "period", "2031", "format", "PDF"))
        .post("/api/v1/exports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("format"));
    given()
        .contentType("application/json")
        .body(Map.of("report", "UNIT", "period", "2031", "format", "CSV"))
        .post("/api/v1/exports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("unitId"));
    given().get("/api/v1/exports/nope").then().statusCode(404);
    given()
        .queryParam("period", "March")
        .get("/api/v1/figures/units/x")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("period"));
  }

  @Test
  void yearlyCommendationCandidates() {
    // docs/assessment.md §6: 100 due, 95 on time, 2 reworked, 18 of 20 satisfied → 97.60, a
    // candidate; the same with only 5 responses is not
    String good = "G-" + a;
    String few = "F-" + a;
    Figures base =
        Figures.ZERO
            .add(Counter.RECEIVED, 100)
            .add(Counter.HANDLED, 100)
            .add(Counter.HANDLED_ON_TIME, 95)
            .add(Counter.OVERDUE_HANDLING, 5)
            .add(Counter.CHECKED, 100)
            .add(Counter.REWORKED, 2);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              store.addToCell(
                  FiguresKey.total(good, Period.year(2032)),
                  base.add(Counter.SATISFIED, 18).add(Counter.DISSATISFIED, 2));
              store.addToCell(
                  FiguresKey.total(few, Period.year(2032)), base.add(Counter.SATISFIED, 5));
            });
    given()
        .queryParam("year", "2032")
        .get("/api/v1/commendations")
        .then()
        .statusCode(200)
        .body("candidates.find { it.subjectId == '" + good + "' }.score", equalTo(97.60f))
        .body(
            "candidates.find { it.subjectId == '" + few + "' }", org.hamcrest.Matchers.nullValue())
        .body("excluded." + few, notNullValue());
    given().queryParam("year", "32").get("/api/v1/commendations").then().statusCode(400);
  }

  @Test
  void weightsMustSumToHundred() {
    given().get("/api/v1/config/weights").then().statusCode(200).body("HANDLING_RATE", equalTo(30));
    given()
        .contentType("application/json")
        .body(Map.of("weights", Map.of("HANDLING_RATE", 30, "ON_TIME_HANDLING_RATE", 40)))
        .put("/api/v1/config/weights")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("weights"));
    given()
        .contentType("application/json")
        .body(Map.of("weights", Map.of("HANDLING_RATE", 100, "SPEED", 0)))
        .put("/api/v1/config/weights")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("weights.SPEED"));
    given()
        .contentType("application/json")
        .body(Map.of("weights", Map.of("HANDLING_RATE", 110, "REWORK_RATE", -10)))
        .put("/api/v1/config/weights")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("weights.REWORK_RATE"));
    try {
      given()
          .contentType("application/json")
          .body(
              Map.of(
                  "weights",
                  Map.of("HANDLING_RATE", 50, "ON_TIME_HANDLING_RATE", 50),
                  "reason",
                  "test"))
          .put("/api/v1/config/weights")
          .then()
          .statusCode(200)
          .body("HANDLING_RATE", equalTo(50))
          .body("REWORK_RATE", equalTo(0));
      // b: 50 × 5/10 + 50 × 5/10 = 50.00 → D
      given()
          .queryParam("period", "2031-05")
          .get("/api/v1/figures/units/" + b)
          .then()
          .statusCode(200)
          .body("score.score", equalTo(50.00f))
          .body("score.grade", equalTo("D"));
    } finally {
      given()
          .contentType("application/json")
          .body(
              Map.of(
                  "weights",
                  Map.of(
                      "HANDLING_RATE", 30,
                      "ON_TIME_HANDLING_RATE", 20,
                      "REWORK_RATE", 20,
                      "OVERDUE_RATE", 20,
                      "EXTENSION_RATE", 10),
                  "reason",
                  "restore defaults"))
          .put("/api/v1/config/weights")
          .then()
          .statusCode(200);
    }
  }
}
