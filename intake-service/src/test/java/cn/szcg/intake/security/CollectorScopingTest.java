package cn.szcg.intake.security;

import static cn.szcg.intake.security.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A collector (采集员) sees and acts on their own only: the reports they submitted, the attachments of
 * those and of the tasks given to them, their tasks, their position. Another collector's report or
 * task answers 404 (it does not exist for them); acting for another collector answers 403.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CollectorScopingTest {

  static final byte[] JPEG = cn.szcg.intake.api.TestImages.jpeg("scoping");

  String a;
  String b;

  @BeforeEach
  void setUp() {
    TestTokens.clearDefault();
    Fixtures.eligibleCollector("C-SCOPE-A");
    Fixtures.eligibleCollector("C-SCOPE-B");
    a = Fixtures.collector("C-SCOPE-A");
    b = Fixtures.collector("C-SCOPE-B");
  }

  private static String upload(String token, String report, String taskId, int seed) {
    byte[] bytes = cn.szcg.intake.api.TestImages.jpeg("scoping-" + seed);
    var r = as(token).contentType("image/jpeg").body(bytes);
    if (taskId != null) {
      r = r.queryParam("purpose", "VERIFICATION").queryParam("verificationTaskId", taskId);
    }
    return r.post("/api/v1/reports/" + report + "/attachments")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  @Test
  void aCollectorReadsOnlyTheReportsTheySubmitted() {
    String mine = Fixtures.register(a, Fixtures.patrol("C-SCOPE-A", 118.8632, 26.2231));
    String theirs = Fixtures.register(b, Fixtures.patrol("C-SCOPE-B", 118.8633, 26.2232));
    String theirPhoto = upload(b, theirs, null, 1);
    String myPhoto = upload(a, mine, null, 2);

    as(a).get("/api/v1/reports/" + mine).then().statusCode(200);
    as(a).get("/api/v1/reports/" + mine + "/history").then().statusCode(200);
    as(a).get("/api/v1/reports/" + mine + "/attachments").then().statusCode(200);
    as(a).get("/api/v1/attachments/" + myPhoto).then().statusCode(200);
    as(a).get("/api/v1/attachments/" + myPhoto + "/meta").then().statusCode(200);

    // another collector's report, its history, attachments: 404 as if they did not exist
    as(a).get("/api/v1/reports/" + theirs).then().statusCode(404);
    as(a).get("/api/v1/reports/" + theirs + "/history").then().statusCode(404);
    as(a).get("/api/v1/reports/" + theirs + "/attachments").then().statusCode(404);
    as(a).get("/api/v1/attachments/" + theirPhoto).then().statusCode(404);
    as(a).get("/api/v1/attachments/" + theirPhoto + "/meta").then().statusCode(404);
    as(a)
        .contentType("image/jpeg")
        .body(JPEG)
        .post("/api/v1/reports/" + theirs + "/attachments")
        .then()
        .statusCode(404);

    // the list holds only their own
    as(a)
        .queryParam("size", 200)
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(mine))
        .body("items.id", not(hasItem(theirs)))
        .body("items.collectorId", everyItem(equalTo("C-SCOPE-A")));
    // the center reads both
    as(Fixtures.OPERATOR).get("/api/v1/reports/" + theirs).then().statusCode(200);
    as(Fixtures.DISPATCHER).get("/api/v1/attachments/" + theirPhoto).then().statusCode(200);
  }

  @Test
  void aCollectorReportsOnlyAsThemselves() {
    as(a)
        .contentType(ContentType.JSON)
        .body(Fixtures.patrol("C-SCOPE-B", 118.8632, 26.2231))
        .post("/api/v1/reports")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("collectorId"));
    // a collector token without its collector_id claim reports nothing
    as(TestTokens.user("no-claim", "collector").build())
        .contentType(ContentType.JSON)
        .body(Fixtures.patrol("C-SCOPE-A", 118.8632, 26.2231))
        .post("/api/v1/reports")
        .then()
        .statusCode(403);
    // ... and sees none of anyone's reports or tasks (the scope must not reach PostgreSQL as a
    // string it refuses, e.g. with a NUL byte: that was a 500)
    as(TestTokens.user("no-claim", "collector").build())
        .get("/api/v1/reports")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
    as(TestTokens.user("no-claim", "collector").build())
        .get("/api/v1/verifications")
        .then()
        .statusCode(200);
    // position: their own only
    as(a)
        .contentType(ContentType.JSON)
        .body("{\"lon\":118.95,\"lat\":26.30}")
        .put("/api/v1/collectors/C-SCOPE-B/position")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    as(a)
        .contentType(ContentType.JSON)
        .body("{\"lon\":118.95,\"lat\":26.30}")
        .put("/api/v1/collectors/C-SCOPE-A/position")
        .then()
        .statusCode(200);
    // maintaining collectors is not a collector's business
    as(a)
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"x\"}")
        .post("/api/v1/collectors/C-SCOPE-B/deactivation")
        .then()
        .statusCode(403);
  }

  @Test
  void aCollectorWorksOnlyOnTheTasksGivenToThem() {
    String hotA =
        Fixtures.register(Fixtures.HOTLINE, Fixtures.hotline("SCOPE-" + UUID.randomUUID()));
    String hotB =
        Fixtures.register(Fixtures.HOTLINE, Fixtures.hotline("SCOPE-" + UUID.randomUUID()));
    String taskA = Fixtures.verificationTask(hotA, "C-SCOPE-A");
    String taskB = Fixtures.verificationTask(hotB, "C-SCOPE-B");

    // the task list: their own, never another's; asking for another's is refused
    as(a)
        .queryParam("size", 200)
        .get("/api/v1/verifications")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(taskA))
        .body("items.id", not(hasItem(taskB)));
    as(a)
        .queryParam("collectorId", "C-SCOPE-B")
        .get("/api/v1/verifications")
        .then()
        .statusCode(403);
    as(a).get("/api/v1/verifications/" + taskA).then().statusCode(200);
    as(a).get("/api/v1/verifications/" + taskB).then().statusCode(404);
    // the center sees every task
    as(Fixtures.SUPERVISION)
        .queryParam("size", 200)
        .get("/api/v1/verifications")
        .then()
        .body("items.id", hasItem(taskA))
        .body("items.id", hasItem(taskB));

    // another collector's task: no photo upload, no result (neither in their name nor in one's own)
    as(a)
        .contentType("image/jpeg")
        .body(JPEG)
        .queryParam("purpose", "VERIFICATION")
        .queryParam("verificationTaskId", taskB)
        .post("/api/v1/reports/" + hotB + "/attachments")
        .then()
        .statusCode(404);
    upload(b, hotB, taskB, 3);
    as(a)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"C-SCOPE-A\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + taskB + "/result")
        .then()
        // issue 19: as reading it (404), without naming its collector (was 403 naming C-SCOPE-B)
        .statusCode(404)
        .body(not(containsString("C-SCOPE-B")));
    as(a)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"C-SCOPE-B\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + taskB + "/result")
        .then()
        .statusCode(403);
    // operators do not report results in a collector's name
    as(Fixtures.OPERATOR)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"C-SCOPE-B\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + taskB + "/result")
        .then()
        .statusCode(403);

    // their own task: photo, then the result
    String photo = upload(a, hotA, taskA, 4);
    as(a).get("/api/v1/attachments/" + photo).then().statusCode(200);
    as(b).get("/api/v1/attachments/" + photo).then().statusCode(404);
    as(a)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"C-SCOPE-A\",\"confirmed\":true}")
        .post("/api/v1/verifications/" + taskA + "/result")
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"));
    as(b)
        .contentType(ContentType.JSON)
        .body("{\"collectorId\":\"C-SCOPE-B\",\"confirmed\":false}")
        .post("/api/v1/verifications/" + taskB + "/result")
        .then()
        .statusCode(200)
        .body("status", equalTo("REFUTED"));
    // the hotline report they verified is still not theirs to read
    as(a).get("/api/v1/reports/" + hotA).then().statusCode(404);
  }
}
