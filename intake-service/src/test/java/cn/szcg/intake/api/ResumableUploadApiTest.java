package cn.szcg.intake.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.intake.domain.ContentHash;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resumable upload (断点续传, issue 18): a photo sent in chunks at offsets, resumed after a cut from
 * the offset intake holds, verified on completion, and stored once as the report's attachment.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ResumableUploadApiTest {

  static final int CHUNK = 64 * 1024;

  String me;
  String report;
  byte[] photo;
  String hash;

  @BeforeEach
  void report() {
    Api.signIn(Api.OPERATOR);
    Api.eligibleCollector("C-RESUME");
    me = Api.collector("C-RESUME");
    report = Api.register(Api.patrol("C-RESUME", "E-0101", 118.8632, 26.2231));
    photo = bigJpeg(System.nanoTime());
    hash = ContentHash.sha256Hex(photo);
  }

  /** A real JPEG of ~300 KB (five comment segments make it larger), different in every test. */
  static byte[] bigJpeg(long seed) {
    byte[] small = TestImages.jpeg(seed + "x".repeat(60_000));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(small, 0, 2);
    byte[] t = ("y".repeat(60_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int k = 0; k < 4; k++) {
      out.write(0xFF);
      out.write(0xFE);
      out.write((t.length + 2) >> 8);
      out.write((t.length + 2) & 0xFF);
      out.write(t, 0, t.length);
    }
    out.write(small, 2, small.length - 2);
    return out.toByteArray();
  }

  String open(String token, byte[] bytes, String sha) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(
            "{\"reportId\":\""
                + report
                + "\",\"fileName\":\"IMG_1.jpg\",\"contentType\":\"image/jpeg\",\"length\":"
                + bytes.length
                + ",\"sha256\":\""
                + sha
                + "\"}")
        .post("/api/v1/uploads")
        .then()
        .statusCode(201)
        .body("offset", equalTo(0))
        .body("state", equalTo("OPEN"))
        .extract()
        .path("id");
  }

  ValidatableResponse chunk(String token, String id, byte[] bytes, int from, int to) {
    return Api.as(token)
        .contentType("application/offset+octet-stream")
        .header("Upload-Offset", from)
        .body(Arrays.copyOfRange(bytes, from, Math.min(to, bytes.length)))
        .patch("/api/v1/uploads/" + id)
        .then();
  }

  int offset(String id) {
    return Api.as(me).get("/api/v1/uploads/" + id).then().statusCode(200).extract().path("offset");
  }

  @Test
  void chunksInOrderCompleteIntoTheAttachment() {
    String id = open(me, photo, hash);
    String attachment = null;
    for (int from = 0; from < photo.length; from += CHUNK) {
      ValidatableResponse r = chunk(me, id, photo, from, from + CHUNK).statusCode(200);
      int to = Math.min(from + CHUNK, photo.length);
      r.header("Upload-Offset", String.valueOf(to)).body("offset", equalTo(to));
      if (to == photo.length) {
        attachment = r.body("state", equalTo("COMPLETED")).extract().path("attachmentId");
      } else {
        r.body("state", equalTo("OPEN"));
      }
    }
    byte[] back =
        Api.as(me)
            .get("/api/v1/attachments/" + attachment)
            .then()
            .statusCode(200)
            .header("X-Content-SHA256", hash)
            .extract()
            .asByteArray();
    assertArrayEquals(photo, back);
    // the session says so afterwards too (the answer to the last chunk may have been lost)
    Api.as(me)
        .get("/api/v1/uploads/" + id)
        .then()
        .body("state", equalTo("COMPLETED"))
        .body("attachmentId", equalTo(attachment));
  }

  @Test
  void aRepeatedChunkIsAcknowledgedAndStoredOnce() {
    String id = open(me, photo, hash);
    chunk(me, id, photo, 0, CHUNK).statusCode(200).body("offset", equalTo(CHUNK));
    // the answer was lost: the same chunk again
    chunk(me, id, photo, 0, CHUNK).statusCode(200).body("offset", equalTo(CHUNK));
    // a chunk overlapping the stored bytes: only its tail is new
    chunk(me, id, photo, CHUNK / 2, 2 * CHUNK).statusCode(200).body("offset", equalTo(2 * CHUNK));
    String attachment =
        chunk(me, id, photo, 2 * CHUNK, photo.length)
            .statusCode(200)
            .body("state", equalTo("COMPLETED"))
            .extract()
            .path("attachmentId");
    byte[] back = Api.as(me).get("/api/v1/attachments/" + attachment).asByteArray();
    assertArrayEquals(photo, back);
    Api.as(me).get("/api/v1/reports/" + report + "/attachments").then().body("size()", equalTo(1));
  }

  @Test
  void aWrongOffsetIsRefusedWithTheStoredOne() {
    String id = open(me, photo, hash);
    chunk(me, id, photo, 0, CHUNK).statusCode(200);
    chunk(me, id, photo, 2 * CHUNK, 3 * CHUNK)
        .statusCode(409)
        .contentType("application/problem+json")
        .header("Upload-Offset", String.valueOf(CHUNK))
        .body("errors[0].field", equalTo("Upload-Offset"))
        .body("errors[0].code", equalTo("offset_mismatch"));
    // past the declared length
    chunk(me, id, Arrays.copyOf(photo, photo.length + 10), CHUNK, photo.length + 10)
        .statusCode(400)
        .body("errors[0].field", equalTo("Upload-Offset"));
    // no offset at all
    Api.as(me)
        .contentType("application/offset+octet-stream")
        .body(new byte[] {1})
        .patch("/api/v1/uploads/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("Upload-Offset"));
    assertEquals(CHUNK, offset(id));
  }

  @Test
  void resumedAfterACutFromTheStoredOffset() {
    String id = open(me, photo, hash);
    chunk(me, id, photo, 0, CHUNK).statusCode(200);
    chunk(me, id, photo, CHUNK, 2 * CHUNK).statusCode(200);
    // the connection is cut; the phone comes back, declares the same photo again and asks
    Api.as(me)
        .contentType(ContentType.JSON)
        .body(
            "{\"reportId\":\""
                + report
                + "\",\"contentType\":\"image/jpeg\",\"length\":"
                + photo.length
                + ",\"sha256\":\""
                + hash
                + "\"}")
        .post("/api/v1/uploads")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("offset", equalTo(2 * CHUNK));
    Api.as(me)
        .head("/api/v1/uploads/" + id)
        .then()
        .statusCode(200)
        .header("Upload-Offset", String.valueOf(2 * CHUNK))
        .header("Upload-Length", String.valueOf(photo.length));
    int from = offset(id);
    String attachment =
        chunk(me, id, photo, from, photo.length)
            .statusCode(200)
            .body("state", equalTo("COMPLETED"))
            .extract()
            .path("attachmentId");
    Api.as(me)
        .get("/api/v1/attachments/" + attachment + "/meta")
        .then()
        .body("sha256", equalTo(hash));
    // the same photo declared again after completion: done, nothing to send
    Api.as(me)
        .contentType(ContentType.JSON)
        .body(
            "{\"reportId\":\""
                + report
                + "\",\"contentType\":\"image/jpeg\",\"length\":"
                + photo.length
                + ",\"sha256\":\""
                + hash
                + "\"}")
        .post("/api/v1/uploads")
        .then()
        .statusCode(200)
        .body("state", equalTo("COMPLETED"))
        .body("attachmentId", equalTo(attachment));
  }

  @Test
  void aHashMismatchIsRefusedAndTheBytesDiscarded() {
    String wrong = ContentHash.sha256Hex("something else".getBytes());
    String id = open(me, photo, wrong);
    chunk(me, id, photo, 0, photo.length / 2).statusCode(200);
    chunk(me, id, photo, photo.length / 2, photo.length)
        .statusCode(422)
        .contentType("application/problem+json")
        .header("Upload-Offset", "0")
        .body("errors[0].field", equalTo("sha256"))
        .body("errors[0].code", equalTo("hash_mismatch"));
    assertEquals(0, offset(id));
    Api.as(me).get("/api/v1/reports/" + report + "/attachments").then().body("size()", equalTo(0));
  }

  @Test
  void theDeclarationIsCheckedAgainstThePolicy() {
    String body = "{\"reportId\":\"%s\",\"contentType\":\"%s\",\"length\":%d,\"sha256\":\"%s\"}";
    Api.as(me)
        .contentType(ContentType.JSON)
        .body(String.format(body, report, "image/jpeg", 11L * 1024 * 1024, hash))
        .post("/api/v1/uploads")
        .then()
        .statusCode(413)
        .body("errors[0].field", equalTo("length"));
    // an original camera photo of 3 MB is within the photo limit
    Api.as(me)
        .contentType(ContentType.JSON)
        .body(String.format(body, report, "image/jpeg", 3L * 1000 * 1000, hash))
        .post("/api/v1/uploads")
        .then()
        .statusCode(201);
    Api.as(me)
        .contentType(ContentType.JSON)
        .body(String.format(body, report, "text/html", 1000L, hash))
        .post("/api/v1/uploads")
        .then()
        .statusCode(415)
        .body("errors[0].field", equalTo("contentType"));
    Api.as(me)
        .contentType(ContentType.JSON)
        .body(String.format(body, report, "image/jpeg", 1000L, "abc"))
        .post("/api/v1/uploads")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("sha256"));
  }

  @Test
  void onlyTheUploadingCollectorSeesAndExtendsTheSession() {
    String id = open(me, photo, hash);
    chunk(me, id, photo, 0, CHUNK).statusCode(200);
    Api.eligibleCollector("C-RESUME-OTHER");
    String other = Api.collector("C-RESUME-OTHER");
    Api.as(other).get("/api/v1/uploads/" + id).then().statusCode(404);
    Api.as(other).head("/api/v1/uploads/" + id).then().statusCode(404);
    chunk(other, id, photo, CHUNK, 2 * CHUNK).statusCode(404);
    // nor may another collector open a session on a report that is not theirs
    Api.as(other)
        .contentType(ContentType.JSON)
        .body(
            "{\"reportId\":\""
                + report
                + "\",\"contentType\":\"image/jpeg\",\"length\":10,\"sha256\":\""
                + hash
                + "\"}")
        .post("/api/v1/uploads")
        .then()
        .statusCode(404);
    assertEquals(CHUNK, offset(id));
    Api.as(me).get("/api/v1/uploads/" + id).then().body("expiresAt", notNullValue());
  }
}
