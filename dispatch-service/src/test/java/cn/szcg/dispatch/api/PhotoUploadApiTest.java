package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static cn.szcg.dispatch.api.EvidencePhotosTest.assertProblem;
import static cn.szcg.dispatch.api.EvidencePhotosTest.inHandling;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resumable upload of evidence photos (断点续传, issue 18; docs/api.md "Resumable uploads"): the
 * collector's check photo and the unit's after-photo sent in chunks to dispatch with
 * intake's protocol — a cut phone goes on from the stored offset; the completed bytes become a case
 * photo with the checks of a one-request upload.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class PhotoUploadApiTest {

  static final int CHUNK = 256 * 1024;
  static final String UNIT = EvidencePhotosTest.UNIT;

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  /** A valid PNG of about {@code size} bytes (a long tEXt chunk), distinct per call. */
  static byte[] bigPng(int size) {
    String pad = UUID.randomUUID() + "x".repeat(size);
    return png(pad);
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  static Response declare(As as, String caseId, String purpose, byte[] bytes, String sha) {
    return as.spec()
        .body(
            Map.of(
                "caseId",
                caseId,
                "purpose",
                purpose,
                "fileName",
                "check.png",
                "contentType",
                "image/png",
                "length",
                bytes.length,
                "sha256",
                sha))
        .post("/api/v1/uploads");
  }

  static Response chunk(As as, String id, byte[] all, int from, int to) {
    return as.spec()
        .contentType("application/offset+octet-stream")
        .header("Upload-Offset", String.valueOf(from))
        .body(Arrays.copyOfRange(all, from, Math.min(to, all.length)))
        .patch("/api/v1/uploads/" + id);
  }

  /** A case whose check is ordered to collector7 (the unit's feedback given). */
  static String checkOrdered() {
    String caseId = inHandling();
    String own = photo(handler(UNIT), caseId, "AFTER");
    ok(leader(UNIT), caseId, "feedback", body("description", "已修剪", "photoIds", List.of(own)));
    ok(DISPATCHER, caseId, "check-orders", body("collectorId", "collector7"));
    return caseId;
  }

  @Test
  void checkPhotoCutMidwayGoesOnFromTheStoredOffset() throws Exception {
    String caseId = checkOrdered();
    byte[] photo = bigPng(3 * CHUNK - 1000);
    String sha = sha256(photo);
    Response opened = declare(COLLECTOR, caseId, "check", photo, sha);
    assertEquals(201, opened.statusCode(), opened.asString());
    assertEquals("0", opened.header("Upload-Offset"));
    assertEquals("CHECK", opened.jsonPath().getString("purpose"));
    String id = opened.jsonPath().getString("id");

    Response first = chunk(COLLECTOR, id, photo, 0, CHUNK);
    assertEquals(200, first.statusCode(), first.asString());
    assertEquals(CHUNK, first.jsonPath().getLong("offset"));
    // the connection dropped during the second chunk: the phone tries the third — a gap
    Response gap = chunk(COLLECTOR, id, photo, 2 * CHUNK, 3 * CHUNK);
    assertProblem(gap, 409, "Upload-Offset");
    assertEquals(String.valueOf(CHUNK), gap.header("Upload-Offset"));
    assertTrue(gap.jsonPath().getString("detail").contains(String.valueOf(CHUNK)), gap.asString());
    // nobody else sees or extends the session
    assertEquals(404, handler(UNIT).spec().get("/api/v1/uploads/" + id).statusCode());
    assertProblem(chunk(handler(UNIT), id, photo, CHUNK, 2 * CHUNK), 404, null);
    // the phone asks where to go on, resends the first chunk (its answer lost), goes on
    Response head = COLLECTOR.spec().head("/api/v1/uploads/" + id);
    assertEquals(200, head.statusCode());
    assertEquals(String.valueOf(CHUNK), head.header("Upload-Offset"));
    assertEquals(CHUNK, chunk(COLLECTOR, id, photo, 0, CHUNK).jsonPath().getLong("offset"));
    // declared again (the app restarted): the same session with its offset
    Response again = declare(COLLECTOR, caseId, "CHECK", photo, sha);
    assertEquals(200, again.statusCode(), again.asString());
    assertEquals(id, again.jsonPath().getString("id"));
    assertEquals(CHUNK, again.jsonPath().getLong("offset"));
    assertEquals(200, chunk(COLLECTOR, id, photo, CHUNK, 2 * CHUNK).statusCode());
    Response last = chunk(COLLECTOR, id, photo, 2 * CHUNK, 3 * CHUNK);
    assertEquals(200, last.statusCode(), last.asString());
    assertEquals("COMPLETED", last.jsonPath().getString("state"));
    String photoId = last.jsonPath().getString("photoId");
    assertNotNull(photoId);

    // the case photo: CHECK, the collector's, the declared hash and exactly the bytes
    Response listed = COLLECTOR.spec().get("/api/v1/cases/" + caseId + "/photos");
    Map<String, Object> p = listed.jsonPath().getMap("find { it.photoId == '" + photoId + "' }");
    assertEquals("CHECK", p.get("purpose"));
    assertEquals(sha, p.get("sha256"));
    byte[] stored =
        COLLECTOR
            .spec()
            .get("/api/v1/cases/" + caseId + "/photos/" + photoId + "/content")
            .asByteArray();
    assertArrayEquals(photo, stored);
    // the same bytes declared once more: COMPLETED at once, nothing to send
    Response done = declare(COLLECTOR, caseId, "CHECK", photo, sha);
    assertEquals("COMPLETED", done.jsonPath().getString("state"), done.asString());
    assertEquals(photoId, done.jsonPath().getString("photoId"));
    // and the check step takes it as the collector's own check photo
    ok(COLLECTOR, caseId, "checks/pass", body("photoIds", List.of(photoId)));
    // the check passed: no more check photos, refused at the declaration
    assertProblem(declare(COLLECTOR, caseId, "CHECK", png("late"), sha256(png("late"))), 409, null);
  }

  @Test
  void bytesThatDoNotHashAsDeclaredAreDiscarded() throws Exception {
    String caseId = checkOrdered();
    byte[] photo = bigPng(CHUNK + 10);
    String id =
        declare(COLLECTOR, caseId, "CHECK", photo, sha256(png("other")))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertEquals(200, chunk(COLLECTOR, id, photo, 0, CHUNK).statusCode());
    Response last = chunk(COLLECTOR, id, photo, CHUNK, 2 * CHUNK);
    assertProblem(last, 422, "sha256");
    assertEquals("hash_mismatch", last.jsonPath().getString("errors[0].code"));
    assertEquals("0", last.header("Upload-Offset"));
    assertEquals(0, COLLECTOR.spec().get("/api/v1/uploads/" + id).jsonPath().getLong("offset"));
  }

  @Test
  void whoMayAddWhichPurposeIsCheckedAtTheDeclaration() throws Exception {
    String caseId = inHandling();
    byte[] photo = bigPng(100);
    String sha = sha256(photo);
    // the collector is not ordered to check this case: it does not exist for them
    assertProblem(declare(COLLECTOR, caseId, "CHECK", photo, sha), 404, null);
    // the unit: no check photos
    Response unitCheck = declare(handler(UNIT), caseId, "CHECK", photo, sha);
    assertProblem(unitCheck, 403, null);
    assertEquals("NOT_ASSIGNED_COLLECTOR", unitCheck.jsonPath().getString("code"));
    assertProblem(declare(handler(UNIT), caseId, "BEFORE", photo, sha), 400, "purpose");
    // another unit: 404
    assertProblem(declare(handler("U-WATER"), caseId, "AFTER", photo, sha), 404, null);
    // declared type and length checked before any byte is sent
    Response big =
        handler(UNIT)
            .spec()
            .body(
                Map.of(
                    "caseId",
                    caseId,
                    "purpose",
                    "AFTER",
                    "contentType",
                    "image/png",
                    "length",
                    11 * 1024 * 1024,
                    "sha256",
                    sha))
            .post("/api/v1/uploads");
    assertProblem(big, 413, "length");
    Response pdf =
        handler(UNIT)
            .spec()
            .body(
                Map.of(
                    "caseId",
                    caseId,
                    "purpose",
                    "AFTER",
                    "contentType",
                    "application/pdf",
                    "length",
                    100,
                    "sha256",
                    sha))
            .post("/api/v1/uploads");
    assertProblem(pdf, 415, "contentType");
    // the unit in handling: its after-photo, in one chunk
    String id =
        declare(handler(UNIT), caseId, "AFTER", photo, sha)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Response last = chunk(handler(UNIT), id, photo, 0, photo.length);
    assertEquals("COMPLETED", last.jsonPath().getString("state"), last.asString());
    String photoId = last.jsonPath().getString("photoId");
    ok(leader(UNIT), caseId, "feedback", body("description", "已修剪", "photoIds", List.of(photoId)));
  }

  @Test
  void aRefusalAtCompletionFailsTheSession() throws Exception {
    // the case moved on between declaration and last chunk: the unit may no longer add AFTER
    String caseId = inHandling();
    byte[] photo = bigPng(CHUNK + 10);
    String id =
        declare(handler(UNIT), caseId, "AFTER", photo, sha256(photo))
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertEquals(200, chunk(handler(UNIT), id, photo, 0, CHUNK).statusCode());
    String own = photo(handler(UNIT), caseId, "AFTER");
    ok(leader(UNIT), caseId, "feedback", body("description", "已修剪", "photoIds", List.of(own)));
    Response last = chunk(handler(UNIT), id, photo, CHUNK, 2 * CHUNK);
    assertEquals(409, last.statusCode(), last.asString());
    Response s = handler(UNIT).spec().get("/api/v1/uploads/" + id);
    assertEquals("FAILED", s.jsonPath().getString("state"), s.asString());
    assertNotNull(s.jsonPath().getString("failure"));
  }
}
