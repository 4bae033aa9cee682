package cn.szcg.intake.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import cn.szcg.intake.domain.ContentHash;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attachments: stored with their SHA-256, returned unaltered, limited in type and size. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AttachmentTest {

  String report;

  @jakarta.inject.Inject io.agroal.api.AgroalDataSource ds;

  @BeforeEach
  void report() {
    Api.signIn(Api.OPERATOR);
    Api.eligibleCollector("C0001");
    report = Api.register(Api.patrol("C0001", "E-0101", 118.8632, 26.2231));
  }

  @Test
  void storedWithItsHashAndReturnedUnaltered() {
    byte[] photo = TestImages.jpeg("x".repeat(60_000)); // a real JPEG, a comment making it larger
    String hash = ContentHash.sha256Hex(photo);
    String id =
        given()
            .contentType("image/jpeg")
            .queryParam("fileName", "现场.jpg")
            .body(photo)
            .post("/api/v1/reports/" + report + "/attachments")
            .then()
            .statusCode(201)
            .body("sha256", equalTo(hash))
            .body("sizeBytes", equalTo(photo.length))
            .body("purpose", equalTo("BEFORE"))
            .extract()
            .path("id");
    byte[] back =
        given()
            .get("/api/v1/attachments/" + id)
            .then()
            .statusCode(200)
            .header("X-Content-SHA256", hash)
            .contentType("image/jpeg")
            .extract()
            .asByteArray();
    assertArrayEquals(photo, back);
    given().get("/api/v1/attachments/" + id + "/meta").then().body("sha256", equalTo(hash));
    // the same bytes again: the first upload
    given()
        .contentType("image/jpeg")
        .body(photo)
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(200)
        .body("id", equalTo(id));
    given()
        .get("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(200)
        .body("$", hasSize(1))
        .body("[0].sha256", equalTo(hash));
    // evidence is never altered: the database refuses an update
    org.junit.jupiter.api.Assertions.assertThrows(
        java.sql.SQLException.class,
        () -> {
          try (var c = ds.getConnection();
              var ps = c.prepareStatement("UPDATE attachment SET content = ? WHERE id = ?")) {
            ps.setBytes(1, new byte[] {1});
            ps.setObject(2, java.util.UUID.fromString(id));
            ps.executeUpdate();
          }
        });
  }

  @Test
  void limits() {
    given()
        .contentType("image/gif")
        .body(new byte[] {1, 2, 3})
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("contentType"));
    given()
        .contentType("image/png")
        .body(new byte[10 * 1024 * 1024 + 1])
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("sizeBytes"));
    given()
        .contentType("image/png")
        .body(new byte[0])
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    given()
        .contentType("image/png")
        .queryParam("purpose", "SELFIE")
        .body(new byte[] {1})
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("purpose"));
    given()
        .contentType("image/png")
        .queryParam("purpose", "VERIFICATION")
        .body(new byte[] {1})
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("verificationTaskId"));
    for (int i = 0; i < 9; i++) {
      given()
          .contentType("image/png")
          .body(TestImages.png("limit-" + i))
          .post("/api/v1/reports/" + report + "/attachments")
          .then()
          .statusCode(201);
    }
    given()
        .contentType("image/png")
        .body(TestImages.png("one-too-many"))
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(400)
        .body("errors[0].code", equalTo("too_many"));
    given()
        .contentType(ContentType.JSON)
        .get("/api/v1/attachments/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404);
  }

  @Test
  void filesThatLieAboutTheirTypeAreRefused() {
    byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes();
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes();
    byte[] jpegHtml = new byte[3 + html.length]; // a JPEG's magic number in front of a page
    jpegHtml[0] = (byte) 0xFF;
    jpegHtml[1] = (byte) 0xD8;
    jpegHtml[2] = (byte) 0xFF;
    System.arraycopy(html, 0, jpegHtml, 3, html.length);
    for (String type : new String[] {"image/jpeg", "image/png", "image/webp"}) {
      for (byte[] lie : new byte[][] {html, svg}) {
        given()
            .contentType(type)
            .body(lie)
            .post("/api/v1/reports/" + report + "/attachments")
            .then()
            .statusCode(415)
            .contentType("application/problem+json")
            .body("errors[0].field", equalTo("contentType"))
            .body("errors[0].code", equalTo("content_mismatch"));
      }
    }
    given()
        .contentType("image/jpeg")
        .body(jpegHtml)
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(415)
        .body("errors[0].field", equalTo("contentType"))
        .body("errors[0].code", equalTo("not_decodable"));
    given()
        .contentType("application/pdf")
        .body(html)
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(415)
        .body("errors[0].field", equalTo("contentType"));
    // a PNG declared as JPEG names what it is
    given()
        .contentType("image/jpeg")
        .body(TestImages.png("declared-as-jpeg"))
        .post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(415)
        .body("detail", org.hamcrest.Matchers.containsString("image/png"));
    given().get("/api/v1/reports/" + report + "/attachments").then().body("$", hasSize(0));
  }

  @Test
  void namesAreStoredSanitisedAndServedSafely() {
    String id =
        given()
            .contentType("image/jpeg")
            .queryParam("fileName", "..\\..\\windows\\现场\r\n照片\u202E\".jpg")
            .body(TestImages.jpeg("named"))
            .post("/api/v1/reports/" + report + "/attachments")
            .then()
            .statusCode(201)
            .body("fileName", equalTo("现场照片\".jpg"))
            .extract()
            .path("id");
    given()
        .get("/api/v1/attachments/" + id)
        .then()
        .statusCode(200)
        .header("X-Content-Type-Options", "nosniff")
        .header(
            "Content-Disposition",
            "inline; filename=\"attachment-"
                + id
                + ".jpg\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%22.jpg");
  }
}
