package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static cn.szcg.assessment.infra.CaseEvents.stopped;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.assessment.application.PeriodicReports;
import cn.szcg.assessment.domain.Period;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 part 2: November 2031 closes in simulated time; its 通报 is sealed once
 * (a second closing, a re-trigger find it), its PDF and xlsx parse and say what the assessment API
 * says for the period (ranking, scores, grades, notices, the 效能告诫), the report row is immutable,
 * and deleting the newest audit rows after it is detected by the anchor check although the
 * shortened chain is intact.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class PeriodicReportFlowTest {

  @Inject PeriodicReports reports;

  static final String SIGN = "DISPATCH_TO_SIGN_FOR";
  static final String HANDLING = "HANDLING";

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("efficiency-office"));
  }

  static Instant at(String local) {
    // November 2031, Asia/Shanghai (UTC+8)
    return Instant.parse("2031-11-" + local + "Z").minus(Duration.ofHours(8));
  }

  static String config(String key) {
    return ConfigProvider.getConfig().getValue(key, String.class);
  }

  @Test
  void aMonthClosesIntoASealedAnchoredReport() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 6);
    String good = "PA-" + tag;
    String late = "PB-" + tag;
    CaseEvents ev = new CaseEvents();
    // the good unit: signed for and handled on time, passed its check → 100.00, A
    String c = tag + "-g1";
    ev.step(
        c,
        "DISPATCH",
        c + "-O1",
        good,
        at("03T09:00:00"),
        "disp",
        Map.of("unitName", "城管甲队" + tag));
    stopped(c, SIGN, c + "-O1", good, at("03T09:10:00"), true);
    ev.step(c, "SIGN_FOR", c + "-O1", good, at("03T09:10:00"), "r", null);
    stopped(c, HANDLING, c + "-O1", good, at("03T10:00:00"), true);
    ev.step(c, "PASS_CHECK", c + "-O1", good, at("03T11:00:00"));
    // the late unit: three late sign-fors (Art 33: escalates), one handling limit passed → 50.00, D
    for (int i = 1; i <= 3; i++) {
      String k = tag + "-l" + i;
      ev.step(
          k,
          "DISPATCH",
          k + "-O1",
          late,
          at("0" + (3 + i) + "T09:00:00"),
          "disp",
          Map.of("unitName", "乙镇" + tag));
      breached(k, SIGN, k + "-O1", late, at("0" + (3 + i) + "T10:00:00"));
      stopped(k, SIGN, k + "-O1", late, at("0" + (3 + i) + "T10:30:00"), false);
      ev.step(k, "SIGN_FOR", k + "-O1", late, at("0" + (3 + i) + "T10:30:00"), "r", null);
    }
    breached(tag + "-l1", HANDLING, tag + "-l1-O1", late, at("04T12:00:00"));
    CaseEvents.awaitFigures(good, "2031-11", j -> j.getInt("figures.handledOnTime") == 1);
    CaseEvents.awaitFigures(
        late,
        "2031-11",
        j -> j.getInt("figures.signedLate") == 3 && j.getInt("figures.expiredUnhandled") == 1);
    JsonPath notices = CaseEvents.awaitNotices(late, "2031-11", 5);

    // the efficiency office warns from the escalated notice; the person acknowledges
    String actionId =
        notices.<Map<String, Object>>getList("items").stream()
            .filter(i -> "EFFICIENCY_WARNING".equals(i.get("type")))
            .map(i -> (String) i.get("actionId"))
            .findFirst()
            .orElseThrow();
    String person = "leader-" + tag;
    String warningId =
        given()
            .contentType("application/json")
            .body(Map.of("reasonZh", "本月三次超时签收", "personId", person, "personName", "王五"))
            .post("/api/v1/notices/" + actionId + "/efficiency-warnings")
            .then()
            .statusCode(201)
            .extract()
            .path("warningId");
    given()
        .auth()
        .oauth2(TestTokens.user(person, "unit-leader").unit(late).build())
        .post("/api/v1/efficiency-warnings/" + warningId + "/acknowledgement")
        .then()
        .statusCode(200)
        .body("acknowledgedAt", org.hamcrest.Matchers.notNullValue());

    // not due before the grace window has passed (2031-12-04 00:00 Shanghai)
    Instant due = Instant.parse("2031-12-03T16:00:00Z");
    assertTrue(
        reports.closeDue(due.minusSeconds(1)).stream()
            .noneMatch(o -> o.report().reportId().equals("MONTH-2031-11")));
    List<PeriodicReports.Outcome> sealed = reports.closeDue(due);
    PeriodicReports.Outcome month =
        sealed.stream()
            .filter(o -> o.report().reportId().equals("MONTH-2031-11"))
            .findFirst()
            .orElseThrow();
    assertTrue(month.created());
    assertEquals(List.of(good, late), month.report().unitIds());
    assertNotNull(month.report().auditHeadHash());
    // once: a second closing (a restart, another replica) and the office's re-trigger find it
    assertTrue(reports.closeDue(due.plusSeconds(600)).isEmpty());
    PeriodicReports.Outcome again =
        reports.close(
            Period.month(2031, 11),
            due.plusSeconds(900),
            "test-efficiency-office",
            "efficiency-office");
    assertFalse(again.created());
    assertEquals(month.report().pdfSha256(), again.report().pdfSha256());
    // the office's re-trigger by the wall clock: November 2031 has not ended
    given()
        .post("/api/v1/periodic-reports/MONTH-2031-11/seal")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");

    // the metadata and the documents
    given()
        .get("/api/v1/periodic-reports/MONTH-2031-11")
        .then()
        .statusCode(200)
        .body("period", equalTo("2031-11"))
        .body("periodKind", equalTo("MONTH"))
        .body("firstDay", equalTo("2031-11-01"))
        .body("lastDay", equalTo("2031-11-30"))
        .body("titleZh", equalTo("闽清县数字城管2031年11月考核通报"));
    Response pdf =
        given()
            .auth()
            .oauth2(TestTokens.ofUnit("unit-leader", good))
            .get("/api/v1/periodic-reports/MONTH-2031-11/pdf");
    pdf.then()
        .statusCode(200)
        .contentType("application/pdf")
        .header(
            "Content-Disposition",
            containsString(
                "filename*=UTF-8''"
                    + java.net.URLEncoder.encode(
                            "闽清县数字城管2031年11月考核通报.pdf", java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20")));
    byte[] pdfBytes = pdf.asByteArray();
    assertEquals(month.report().pdfSha256(), sha256(pdfBytes));
    Response xlsx = given().get("/api/v1/periodic-reports/MONTH-2031-11/xlsx");
    xlsx.then()
        .statusCode(200)
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    byte[] xlsxBytes = xlsx.asByteArray();
    assertEquals(month.report().xlsxSha256(), sha256(xlsxBytes));

    // the assessment API's figures of the same period
    JsonPath ranking =
        given()
            .queryParam("period", "2031-11")
            .get("/api/v1/rankings")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> items = ranking.getList("items");
    assertEquals(2, items.size());
    assertEquals(
        0,
        new BigDecimal("100.00").compareTo(new BigDecimal(items.get(0).get("score").toString())));
    assertEquals("A", items.get(0).get("grade"));
    assertEquals(
        0, new BigDecimal("50.00").compareTo(new BigDecimal(items.get(1).get("score").toString())));
    assertEquals("D", items.get(1).get("grade"));

    // xlsx: the 排名 sheet is the ranking, cell by cell; the notices and the warning
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsxBytes))) {
      Sheet sheet = wb.getSheet("排名");
      List<String> keys = List.copyOf(items.get(0).keySet());
      assertEquals(items.size() + 1, sheet.getPhysicalNumberOfRows());
      assertEquals("排名", sheet.getRow(0).getCell(0).getStringCellValue());
      for (int r = 0; r < items.size(); r++) {
        Row row = sheet.getRow(r + 1);
        Map<String, Object> api = items.get(r);
        for (int col = 0; col < keys.size(); col++) {
          Object expected = api.get(keys.get(col));
          Cell cell = row.getCell(col);
          String where = "row " + (r + 1) + " " + keys.get(col);
          if (expected == null) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, where);
          } else if (expected instanceof Number n) {
            assertEquals(n.doubleValue(), cell.getNumericCellValue(), 1e-9, where);
          } else {
            assertEquals(expected.toString(), cell.getStringCellValue(), where);
          }
        }
      }
      JsonPath allNotices =
          given().queryParam("month", "2031-11").get("/api/v1/notices").then().extract().jsonPath();
      assertEquals(allNotices.getInt("total") + 1, wb.getSheet("问责通报").getPhysicalNumberOfRows());
      Sheet w = wb.getSheet("效能告诫");
      assertEquals(2, w.getPhysicalNumberOfRows());
      assertEquals(warningId, w.getRow(1).getCell(0).getStringCellValue());
      assertEquals("本月三次超时签收", w.getRow(1).getCell(6).getStringCellValue());
    }

    // PDF: Chinese text extracts (the font is embedded with its Unicode map)
    try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
      // cells wrap: compare without the line breaks
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
      assertTrue(text.contains("闽清县数字城管2031年11月考核通报"), text);
      assertTrue(text.contains("城管甲队" + tag), text);
      assertTrue(text.contains("乙镇" + tag), text);
      assertTrue(text.contains("100.00"), text);
      assertTrue(text.contains("50.00"), text);
      assertTrue(text.contains("本月三次超时签收"), text);
      assertTrue(text.contains("效能告诫"), text);
      assertTrue(text.contains("全县排名及各单位指标"), text);
    }

    // sealed: the application role may not change it, the owner is refused by the trigger
    String url = config("quarkus.datasource.jdbc.url");
    try (Connection app =
        DriverManager.getConnection(
            url, config("quarkus.datasource.username"), config("quarkus.datasource.password"))) {
      app.setAutoCommit(false);
      try (Statement st = app.createStatement()) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () ->
                    st.executeUpdate(
                        "UPDATE periodic_report SET pdf = '\\x00' WHERE report_id ="
                            + " 'MONTH-2031-11'"));
        assertEquals("42501", e.getSQLState(), e.getMessage());
        app.rollback();
      }
    }
    try (Connection owner =
        DriverManager.getConnection(
            url, config("quarkus.flyway.username"), config("quarkus.flyway.password"))) {
      owner.setAutoCommit(false);
      try (Statement st = owner.createStatement()) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () ->
                    st.executeUpdate(
                        "DELETE FROM periodic_report WHERE report_id = 'MONTH-2031-11'"));
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        owner.rollback();
      }
    }

    // the anchor holds
    given()
        .get("/api/v1/periodic-reports/verification")
        .then()
        .statusCode(200)
        .body("intact", equalTo(true))
        .body("chainIntact", equalTo(true));

    // the newest audit rows (from the sealing on) are deleted around the triggers: the shortened
    // chain is still intact in itself, the anchor check names the report
    try (Connection owner =
        DriverManager.getConnection(
            url, config("quarkus.flyway.username"), config("quarkus.flyway.password"))) {
      owner.setAutoCommit(false);
      try (Statement st = owner.createStatement()) {
        st.execute("ALTER TABLE szcg_audit DISABLE TRIGGER szcg_audit_no_change");
        st.executeUpdate("DELETE FROM szcg_audit WHERE id >= " + month.report().sealAuditId());
        st.execute("ALTER TABLE szcg_audit ENABLE TRIGGER szcg_audit_no_change");
      }
      owner.commit();
    }
    JsonPath v =
        given()
            .get("/api/v1/periodic-reports/verification")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(v.getBoolean("chainIntact"), v.prettify());
    assertFalse(v.getBoolean("intact"), v.prettify());
    Map<String, Object> check =
        v.<Map<String, Object>>getList("reports").stream()
            .filter(r -> "MONTH-2031-11".equals(r.get("reportId")))
            .findFirst()
            .orElseThrow();
    assertEquals(false, check.get("intact"));
    assertTrue(((String) check.get("problem")).contains("truncated"), check.toString());
    assertNull(
        v.<Map<String, Object>>getList("reports").stream()
            .filter(r -> "MONTH-2031-11".equals(r.get("reportId")))
            .findFirst()
            .orElseThrow()
            .get("nothing"));
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
