package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.BilingualText;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Evidence at every step and the unit sees the problem:
 * dispatch's evidence store (docs/evidence.md) — who uploads what, the bytes checked against their
 * type, the same bytes answered with the first photo, the steps accepting only stored photos of
 * their own; and the case view the unit reads.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class EvidencePhotosTest {

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  static final String UNIT = "U-GARDENS";

  static String inHandling() {
    String caseId = file("C-0401", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body());
    ok(receiver(UNIT), caseId, "sign-for", null);
    ok(leader(UNIT), caseId, "leader-approval", null);
    return caseId;
  }

  static void assertProblem(Response r, int status, String field) {
    assertEquals(status, r.statusCode(), r.asString());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    if (field != null) {
      assertEquals(field, r.jsonPath().getString("errors[0].field"), r.asString());
    }
  }

  @Test
  void stepsAcceptOnlyStoredPhotosOfTheirOwn() {
    String caseId = inHandling();
    // a made-up id is refused, naming the element
    Response fake =
        post(
            handler(UNIT),
            caseId,
            "feedback",
            body("description", "已修剪", "photoIds", List.of("totally-fake-id")));
    assertProblem(fake, 422, "photoIds[0]");
    assertEquals("UNKNOWN_PHOTO", fake.jsonPath().getString("errors[0].code"));
    // another case's photo is not this case's
    String other = inHandling();
    String elsewhere = photo(handler(UNIT), other, "AFTER");
    String own = photo(handler(UNIT), caseId, "AFTER");
    Response foreign =
        post(
            handler(UNIT),
            caseId,
            "feedback",
            body("description", "已修剪", "photoIds", List.of(own, elsewhere)));
    assertProblem(foreign, 422, "photoIds[1]");
    assertEquals("IN_HANDLING", state(caseId));
    JsonPath fb =
        ok(leader(UNIT), caseId, "feedback", body("description", "已修剪", "photoIds", List.of(own)));
    assertEquals(List.of(own), fb.getList("step.data.photoIds"));
    ok(DISPATCHER, caseId, "check-orders", body("collectorId", "collector7"));
    // the unit's after-photo is not a check photo
    Response wrong = post(COLLECTOR, caseId, "checks/pass", body("photoIds", List.of(own)));
    assertProblem(wrong, 422, "photoIds[0]");
    assertEquals("WRONG_PURPOSE", wrong.jsonPath().getString("errors[0].code"));
    String check = photo(COLLECTOR, caseId, "CHECK");
    ok(COLLECTOR, caseId, "checks/fail", body("reason", "未修剪到位", "photoIds", List.of(check)));
    // round 2: the unit may not pass the check's photo off as its own
    ok(receiver(UNIT), caseId, "sign-for", null);
    ok(leader(UNIT), caseId, "leader-approval", null);
    Response notOwn =
        post(
            handler(UNIT),
            caseId,
            "feedback",
            body("description", "x", "photoIds", List.of(check)));
    assertProblem(notOwn, 422, "photoIds[0]");
  }

  @Test
  void whoMayUploadWhatAndWhen() {
    String caseId = file("C-0401", "350124100", null, false, Channel.PATROL);
    ok(DISPATCHER, caseId, "dispatch", body());
    ok(receiver(UNIT), caseId, "sign-for", null);
    // before the leader's approval the unit does not handle it yet
    Response early = upload(handler(UNIT), caseId, "AFTER", "image/png", png("early"));
    assertProblem(early, 409, null);
    assertEquals("NOT_IN_HANDLING", early.jsonPath().getString("code"));
    ok(leader(UNIT), caseId, "leader-approval", null);
    // another unit: the case does not exist for it
    assertProblem(upload(handler("U-WATER"), caseId, "AFTER", "image/png", png("w")), 404, null);
    // a collector not (yet) ordered to check: 404 as well; a department without sub-order: 403
    assertProblem(upload(COLLECTOR, caseId, "CHECK", "image/png", png("c")), 404, null);
    // the unit: no check photos, no sub-order photos
    Response unitCheck = upload(handler(UNIT), caseId, "CHECK", "image/png", png("u"));
    assertProblem(unitCheck, 403, null);
    assertEquals("NOT_ASSIGNED_COLLECTOR", unitCheck.jsonPath().getString("code"));
    assertEquals(
        "NOT_SUB_ORDER_UNIT",
        upload(handler(UNIT), caseId, "SUB_AFTER", "image/png", png("u"))
            .jsonPath()
            .getString("code"));
    assertProblem(upload(handler(UNIT), caseId, "BEFORE", "image/png", png("u")), 400, "purpose");
    assertProblem(upload(handler(UNIT), caseId, null, "image/png", png("u")), 400, "purpose");
    // the unit in handling: AFTER, for its order
    Response ok = upload(handler(UNIT), caseId, "AFTER", "image/jpeg", jpeg("after"));
    assertEquals(201, ok.statusCode(), ok.asString());
    assertEquals(caseId + "-O1", ok.jsonPath().getString("orderId"));
    assertEquals(UNIT, ok.jsonPath().getString("uploaderUnitId"));
    assertEquals(UNIT + "-handler", ok.jsonPath().getString("uploadedBy"));
    assertNull(ok.jsonPath().getString("uploaderCollectorId"));
    assertEquals("image/jpeg", ok.jsonPath().getString("contentType"));
  }

  @Test
  void theBytesMustBeTheImageTheyClaimAndTheSameBytesAreOnePhoto() throws Exception {
    String caseId = inHandling();
    byte[] png = png("same-" + UUID.randomUUID());
    // a PNG declared as JPEG, HTML declared as PNG, a text file: 415
    assertProblem(upload(handler(UNIT), caseId, "AFTER", "image/jpeg", png), 415, "contentType");
    assertProblem(
        upload(handler(UNIT), caseId, "AFTER", "image/png", "<html>hi</html>".getBytes()),
        415,
        "contentType");
    assertProblem(
        upload(handler(UNIT), caseId, "AFTER", "text/plain", "hello".getBytes()), 415, null);
    // over 10 MiB: 413
    byte[] big = java.util.Arrays.copyOf(png, 10 * 1024 * 1024 + 1);
    assertProblem(upload(handler(UNIT), caseId, "AFTER", "image/png", big), 413, "body");
    // a device position outside the county: 400 naming it
    Response far =
        handler(UNIT)
            .spec()
            .contentType("image/png")
            .queryParam("purpose", "AFTER")
            .queryParam("lon", "121.47")
            .queryParam("lat", "31.23")
            .body(png)
            .post("/api/v1/cases/" + caseId + "/photos");
    assertProblem(far, 400, "lon");

    Instant taken = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Response first =
        handler(UNIT)
            .spec()
            .contentType("image/png")
            .queryParam("purpose", "AFTER")
            .queryParam("lon", "118.8632")
            .queryParam("lat", "26.2231")
            .queryParam("takenAt", taken.toString())
            .queryParam("fileName", "../现场 after\r\n1.png")
            .body(png)
            .post("/api/v1/cases/" + caseId + "/photos");
    assertEquals(201, first.statusCode(), first.asString());
    JsonPath p = first.jsonPath();
    String id = p.getString("photoId");
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
    assertEquals(sha, p.getString("sha256"));
    assertEquals(png.length, p.getLong("sizeBytes"));
    assertEquals("AFTER", p.getString("purpose"));
    assertEquals(118.8632, p.getDouble("lon"), 1e-9);
    assertEquals(taken, Instant.parse(p.getString("takenAt")));
    assertNotNull(p.getString("uploadedAt"));
    assertEquals(
        "/api/v1/cases/" + caseId + "/photos/" + id + "/content", p.getString("contentHref"));
    // the same bytes again from the same unit (another of its users): the first photo, 200
    Response again = upload(leader(UNIT), caseId, "AFTER", "image/png", png);
    assertEquals(200, again.statusCode(), again.asString());
    assertEquals(id, again.jsonPath().getString("photoId"));

    // the bytes as stored, with the type checked at upload and headers that stop sniffing
    Response content = given().get(p.getString("contentHref"));
    assertEquals(200, content.statusCode());
    assertArrayEquals(png, content.asByteArray());
    assertEquals("image/png", content.contentType());
    assertEquals("nosniff", content.header("X-Content-Type-Options"));
    // RFC 6266: an ASCII fallback and the sanitised UTF-8 name (no path, no CR LF) in filename*
    assertEquals(
        "inline; filename=\"after1.png\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%20after1.png",
        content.header("Content-Disposition"));
    assertEquals("现场 after1.png", p.getString("fileName"));
    assertEquals(sha, content.header("X-Content-SHA256"));
    List<String> ids =
        receiver(UNIT)
            .spec()
            .get("/api/v1/cases/" + caseId + "/photos")
            .jsonPath()
            .getList("photoId");
    assertEquals(List.of(id), ids);
    // another unit: 404 for the list and the bytes
    assertEquals(
        404, receiver("U-WATER").spec().get("/api/v1/cases/" + caseId + "/photos").statusCode());
    assertEquals(404, receiver("U-WATER").spec().get(p.getString("contentHref")).statusCode());
    assertEquals(
        404,
        given()
            .get("/api/v1/cases/" + caseId + "/photos/" + UUID.randomUUID() + "/content")
            .statusCode());
  }

  @Test
  void filesThatLieAboutTheirTypeAreRefused() {
    String caseId = inHandling();
    byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes();
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes();
    // a JPEG's or PNG's magic number in front of a page: the magic matches, the decode fails
    byte[] jpegHtml = new byte[3 + html.length];
    jpegHtml[0] = (byte) 0xFF;
    jpegHtml[1] = (byte) 0xD8;
    jpegHtml[2] = (byte) 0xFF;
    System.arraycopy(html, 0, jpegHtml, 3, html.length);
    byte[] png = png("lying");
    byte[] pngSvg = java.util.Arrays.copyOf(png, 8 + svg.length);
    System.arraycopy(svg, 0, pngSvg, 8, svg.length);
    for (String type : List.of("image/jpeg", "image/png")) {
      assertProblem(upload(handler(UNIT), caseId, "AFTER", type, html), 415, "contentType");
      assertProblem(upload(handler(UNIT), caseId, "AFTER", type, svg), 415, "contentType");
    }
    Response forged = upload(handler(UNIT), caseId, "AFTER", "image/jpeg", jpegHtml);
    assertProblem(forged, 415, "contentType");
    assertEquals("not_decodable", forged.jsonPath().getString("errors[0].code"));
    assertProblem(upload(handler(UNIT), caseId, "AFTER", "image/png", pngSvg), 415, "contentType");
    assertEquals(
        List.of(),
        receiver(UNIT)
            .spec()
            .get("/api/v1/cases/" + caseId + "/photos")
            .jsonPath()
            .getList("photoId"));
  }

  @Test
  void eachUploaderHasItsOwnQuotaPerOrderAndPurpose() {
    String caseId = inHandling();
    byte[] first = null;
    for (int i = 0; i < 20; i++) {
      byte[] b = png("quota-" + i + "-" + UUID.randomUUID());
      first = first == null ? b : first;
      Response r =
          upload(i % 2 == 0 ? handler(UNIT) : leader(UNIT), caseId, "AFTER", "image/png", b);
      assertEquals(201, r.statusCode(), r.asString());
    }
    Response full = upload(handler(UNIT), caseId, "AFTER", "image/png", png("one-too-many"));
    assertProblem(full, 409, "body");
    assertEquals("quota_exceeded", full.jsonPath().getString("errors[0].code"));
    // the same bytes again are the first photo, not one more
    assertEquals(200, upload(handler(UNIT), caseId, "AFTER", "image/png", first).statusCode());
    // the unit's full quota leaves the collector's check photos their own room
    JsonPath ids = receiver(UNIT).spec().get("/api/v1/cases/" + caseId + "/photos").jsonPath();
    ok(
        leader(UNIT),
        caseId,
        "feedback",
        body("description", "已修剪", "photoIds", List.of(ids.getString("[0].photoId"))));
    ok(DISPATCHER, caseId, "check-orders", body("collectorId", "collector7"));
    assertNotNull(photo(COLLECTOR, caseId, "CHECK"));
  }

  @Test
  void theUnitAndItsDepartmentSeeTheProblemNoOtherUnitDoes() {
    String town = "350124105";
    String townBody = "T-" + town;
    String dept = townBody + "-ENV";
    String caseId = UUID.randomUUID().toString();
    Instant t = Instant.now().minusSeconds(60);
    LocationContext ctx =
        new LocationContext(
            town,
            "池园镇",
            town + "001",
            "池园村",
            town + "0010001",
            Zone.URBAN,
            List.of(
                new NearbyComponent(
                    "3501240101000001", "0101", "上水井盖", null, "完好", null, null, "县自来水公司", 3.2)));
    CaseFiled f =
        new CaseFiled(
            caseId,
            "MQ" + caseId.substring(0, 8),
            Channel.HOTLINE,
            ReportKind.REPORT,
            "E-0104",
            "乱堆物堆料",
            1,
            new TimeLimit(4, LimitUnit.WORKING_HOURS),
            Zone.URBAN,
            false,
            new GeoPoint(118.8632, 26.2231),
            ctx,
            null,
            null,
            t.minusSeconds(600),
            t,
            "operator1",
            "池园村口路边堆放建筑垃圾约两立方",
            new BilingualText("占道堆放物料", "materials piled on the road"),
            new BilingualText("堆物清除，地面干净", "cleared, ground clean"));
    TestEvents.send(bootstrap(), Topics.INTAKE, EventCodec.wrap("intake-service", caseId, t, f));
    await(() -> given().get("/api/v1/cases/" + caseId).statusCode() == 200);
    ok(DISPATCHER, caseId, "dispatch", body());
    // sla-service's HANDLING clock gives the deadline
    Instant deadline = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    ClockStarted h =
        new ClockStarted(
            caseId,
            "clk-h-" + caseId,
            "HANDLING",
            caseId + "-O1",
            townBody,
            Zone.URBAN,
            false,
            new TimeLimit(4, LimitUnit.WORKING_HOURS),
            Instant.now(),
            deadline.minus(1, ChronoUnit.HOURS),
            deadline,
            "p1",
            "c1");
    TestEvents.send(
        bootstrap(), Topics.CLOCKS, EventCodec.wrap("sla-service", caseId, Instant.now(), h));
    await(
        () ->
            receiver(townBody)
                    .spec()
                    .get("/api/v1/cases/" + caseId)
                    .jsonPath()
                    .getString("handlingDeadline")
                != null);
    JsonPath v = receiver(townBody).spec().get("/api/v1/cases/" + caseId).jsonPath();
    assertEquals("池园村口路边堆放建筑垃圾约两立方", v.getString("description"));
    assertEquals(118.8632, v.getDouble("position.lon"), 1e-9);
    assertEquals(26.2231, v.getDouble("position.lat"), 1e-9);
    assertEquals("池园镇", v.getString("position.townshipName"));
    assertEquals("池园村", v.getString("position.communityName"));
    assertEquals(town + "0010001", v.getString("position.gridCode"));
    assertEquals("3501240101000001", v.getString("position.nearestComponents[0].componentId"));
    assertEquals("E-0104", v.getString("categoryCode"));
    assertEquals("乱堆物堆料", v.getString("categoryName"));
    assertEquals("占道堆放物料", v.getString("filingCondition.zh"));
    assertEquals("cleared, ground clean", v.getString("closingCondition.en"));
    assertEquals(4, v.getInt("limitAmount"));
    assertEquals("WORKING_HOURS", v.getString("limitUnit"));
    assertEquals(deadline, Instant.parse(v.getString("handlingDeadline")));
    assertEquals("/api/v1/reports/" + caseId + "/attachments", v.getString("reportPhotosHref"));
    // no other unit reads it
    assertEquals(404, receiver("U-WATER").spec().get("/api/v1/cases/" + caseId).statusCode());

    // the township body hands a sub-order to its department, which reports with photos
    ok(receiver(townBody), caseId, "sign-for", null);
    ok(leader(townBody), caseId, "leader-approval", null);
    String subId =
        ok(leader(townBody), caseId, "sub-orders", body("subUnitId", dept))
            .getString("step.orderId");
    ok(receiver(dept), caseId, "sub-orders/" + subId + "/sign-for", null);
    String sub = photo(handler(dept), caseId, "SUB_AFTER");
    // the department's photo is not the township body's after-photo
    assertProblem(
        post(
            handler(dept),
            caseId,
            "sub-orders/" + subId + "/feedback",
            body("description", "已清理", "photoIds", List.of("totally-fake-id"))),
        422,
        "photoIds[0]");
    ok(
        handler(dept),
        caseId,
        "sub-orders/" + subId + "/feedback",
        body("description", "已清理", "photoIds", List.of(sub)));
    assertProblem(
        post(
            handler(townBody),
            caseId,
            "feedback",
            body("description", "已处理", "photoIds", List.of(sub))),
        422,
        "photoIds[0]");
    String after = photo(handler(townBody), caseId, "AFTER");
    ok(
        handler(townBody),
        caseId,
        "feedback",
        body("description", "已处理", "photoIds", List.of(after)));
    // afterwards both still read the problem and every photo of dispatch's store
    for (As reader : List.of(receiver(dept), receiver(townBody), OPERATOR)) {
      JsonPath seen = reader.spec().get("/api/v1/cases/" + caseId).jsonPath();
      assertEquals("池园村口路边堆放建筑垃圾约两立方", seen.getString("description"), reader.toString());
      assertEquals(List.of(sub, after), seen.getList("photos.photoId"), reader.toString());
      assertEquals(List.of("SUB_AFTER", "AFTER"), seen.getList("photos.purpose"));
      assertEquals(200, reader.spec().get(seen.getString("photos[0].contentHref")).statusCode());
    }
  }
}
