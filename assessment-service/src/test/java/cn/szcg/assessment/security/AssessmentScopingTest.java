package cn.szcg.assessment.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.Figures.Counter;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.infra.FigureStore;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scoping beyond the role gate (docs/security.md): a unit leader reads its own unit's figures and
 * notices only (another unit's figures → 404, its notices filtered out); a collector reads its own
 * row of the collector ranking only; an export is read by whoever requested it, the supervision
 * office and the administrator (anyone else → 404); the acting user recorded is the token's.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class AssessmentScopingTest {

  @Inject FigureStore store;
  @Inject EntityManager em;

  static final Period MONTH = Period.month(2033, 4);

  String water;
  String sanitation;
  String tag;

  @BeforeEach
  void data() {
    TestTokens.clearDefault();
    tag = UUID.randomUUID().toString().substring(0, 6);
    water = "U-WATER-" + tag;
    sanitation = "U-SANITATION-" + tag;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              store.addToCell(
                  FiguresKey.total(water, MONTH),
                  Figures.ZERO.add(Counter.RECEIVED, 7).add(Counter.HANDLED_ON_TIME, 7));
              store.addToCell(
                  FiguresKey.total(sanitation, MONTH),
                  Figures.ZERO.add(Counter.RECEIVED, 3).add(Counter.EXPIRED_UNHANDLED, 3));
              notice(water, "W");
              notice(sanitation, "S");
            });
  }

  private void notice(String unit, String id) {
    em.createNativeQuery(
            "INSERT INTO accountability_notice (action_id, type, level, unit_id, kind, month,"
                + " ordinal, incident_id, case_id, person_missing, title_zh, title_en, issued_at)"
                + " VALUES (?1, 'CENTER_NOTICE', 'CENTER', ?2, 'LATE_SIGN_FOR', '2033-04', 1, ?3,"
                + " ?4, true, '通报', 'notice', ?5)")
        .setParameter(1, tag + "-" + id + ":CENTER_NOTICE")
        .setParameter(2, unit)
        .setParameter(3, tag + "-" + id)
        .setParameter(4, "CASE-" + tag + "-" + id)
        .setParameter(5, Instant.parse("2033-04-10T02:00:00Z"))
        .executeUpdate();
  }

  @Test
  void aUnitLeaderSeesItsOwnUnitOnly() {
    String leader = TestTokens.ofUnit("unit-leader", water);
    given()
        .auth()
        .oauth2(leader)
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/units/" + water)
        .then()
        .statusCode(200)
        .body("unitId", equalTo(water))
        .body("figures.received", equalTo(7));
    // another unit's figures do not exist for it
    given()
        .auth()
        .oauth2(leader)
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/units/" + sanitation)
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    // the county sees both
    given()
        .auth()
        .oauth2(TestTokens.of("county-government"))
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/units/" + sanitation)
        .then()
        .statusCode(200)
        .body("figures.received", equalTo(3));
    // a leader token without a unit sees no unit
    given()
        .auth()
        .oauth2(TestTokens.of("unit-leader"))
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/units/" + water)
        .then()
        .statusCode(404);
    // the ranking and the other units' figures are not for units
    given()
        .auth()
        .oauth2(leader)
        .queryParam("period", "2033-04")
        .get("/api/v1/rankings")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(TestTokens.ofUnit("unit-handler", water))
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/units/" + water)
        .then()
        .statusCode(403);
  }

  @Test
  void aUnitLeaderSeesTheNoticesOfItsOwnUnitOnly() {
    String leader = TestTokens.ofUnit("unit-leader", water);
    given()
        .auth()
        .oauth2(leader)
        .queryParam("month", "2033-04")
        .queryParam("size", 200)
        .get("/api/v1/notices")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items", hasSize(1))
        .body("items[0].unitId", equalTo(water))
        .body("items[0].caseId", equalTo("CASE-" + tag + "-W"));
    // asking for another unit's notices gives nothing
    given()
        .auth()
        .oauth2(leader)
        .queryParam("unitId", sanitation)
        .get("/api/v1/notices")
        .then()
        .statusCode(200)
        .body("total", equalTo(0))
        .body("items", hasSize(0));
    // the efficiency office sees the other unit's
    given()
        .auth()
        .oauth2(TestTokens.of("efficiency-office"))
        .queryParam("unitId", sanitation)
        .get("/api/v1/notices")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].caseId", equalTo("CASE-" + tag + "-S"));
  }

  @Test
  void aCollectorSeesItsOwnRowOnly() {
    String mine = "C-" + tag + "-1";
    String other = "C-" + tag + "-2";
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String c : new String[] {mine, other}) {
                em.createNativeQuery(
                        "INSERT INTO staff_cell (book, subject_id, period, n0, n1) VALUES"
                            + " ('COLLECTOR', ?1, '2033-04', 5, 5)")
                    .setParameter(1, c)
                    .executeUpdate();
              }
            });
    given()
        .auth()
        .oauth2(TestTokens.user("collector-" + tag, "collector").collector(mine).build())
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/collectors")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(mine))
        .body("items[0].reports", equalTo(5));
    // without a collector id: nothing
    given()
        .auth()
        .oauth2(TestTokens.of("collector"))
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/collectors")
        .then()
        .statusCode(200)
        .body("total", equalTo(0));
    given()
        .auth()
        .oauth2(TestTokens.of("shift-lead"))
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/collectors")
        .then()
        .statusCode(200)
        .body("total", equalTo(2));
    // the other staff books are not for collectors
    given()
        .auth()
        .oauth2(TestTokens.user("collector-" + tag, "collector").collector(mine).build())
        .queryParam("period", "2033-04")
        .get("/api/v1/figures/collection-units")
        .then()
        .statusCode(403);
  }

  @Test
  void anExportIsReadByItsRequesterTheSupervisionOfficeAndTheAdministrator() {
    String owner = "eo-owner-" + tag;
    String ownerToken = TestTokens.user(owner, "efficiency-office").build();
    String id =
        given()
            .auth()
            .oauth2(ownerToken)
            .contentType("application/json")
            .body(Map.of("report", "UNIT", "period", "2033-04", "format", "CSV", "unitId", water))
            .post("/api/v1/exports")
            .then()
            .statusCode(202)
            .body("requestedBy", equalTo(owner))
            .extract()
            .path("jobId");
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String status = null;
    while (System.nanoTime() < end && !"DONE".equals(status) && !"FAILED".equals(status)) {
      status =
          given()
              .auth()
              .oauth2(ownerToken)
              .get("/api/v1/exports/" + id)
              .then()
              .statusCode(200)
              .extract()
              .path("status");
    }
    assertEquals("DONE", status);
    given().auth().oauth2(ownerToken).get("/api/v1/exports/" + id + "/file").then().statusCode(200);
    for (String reader : new String[] {"supervision-office", "admin"}) {
      given()
          .auth()
          .oauth2(TestTokens.of(reader))
          .get("/api/v1/exports/" + id)
          .then()
          .statusCode(200)
          .body("requestedBy", equalTo(owner));
      given()
          .auth()
          .oauth2(TestTokens.of(reader))
          .get("/api/v1/exports/" + id + "/file")
          .then()
          .statusCode(200);
    }
    // another efficiency-office user and the county government: the job does not exist for them
    for (String stranger :
        new String[] {
          TestTokens.user("eo-other-" + tag, "efficiency-office").build(),
          TestTokens.of("county-government")
        }) {
      given().auth().oauth2(stranger).get("/api/v1/exports/" + id).then().statusCode(404);
      given().auth().oauth2(stranger).get("/api/v1/exports/" + id + "/file").then().statusCode(404);
    }
  }

  @Test
  void whoChangedTheWeightsIsTheTokensUser() {
    String user = "eo-weights-" + tag;
    given()
        .auth()
        .oauth2(TestTokens.user(user, "efficiency-office").build())
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
                "scoping test"))
        .put("/api/v1/config/weights")
        .then()
        .statusCode(200);
    Object by =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery("SELECT DISTINCT updated_by FROM unit_weight")
                        .getSingleResult());
    assertEquals(user, by);
  }
}
