package cn.szcg.intake.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collectors' duty roster (排班, issue 7) over HTTP: record, correct, cancel, read; every
 * validation error a problem+json naming the field; every change published as
 * collector-duty-recorded (key = shift id).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class DutyRosterTest {

  static final String G1 = "3501241000040007";
  static final String G2 = "3501241000040008";

  @BeforeEach
  void signIn() {
    Api.signIn(Api.SHIFT_LEAD);
  }

  /** Hours from now, whole seconds (+08:00, as the center's client sends it). */
  static String at(double hoursFromNow) {
    return Instant.now()
        .truncatedTo(ChronoUnit.SECONDS)
        .plusSeconds((long) (hoursFromNow * 3600))
        .atOffset(java.time.ZoneOffset.ofHours(8))
        .toString();
  }

  static String body(String collector, List<String> grids, String start, String end) {
    StringBuilder g = new StringBuilder("[");
    for (int i = 0; i < grids.size(); i++) {
      g.append(i == 0 ? "" : ",")
          .append(grids.get(i) == null ? "null" : "\"" + grids.get(i) + "\"");
    }
    g.append("]");
    return "{\"collectorId\":\""
        + collector
        + "\",\"gridCodes\":"
        + g
        + (start == null ? "" : ",\"start\":\"" + start + "\"")
        + (end == null ? "" : ",\"end\":\"" + end + "\"")
        + "}";
  }

  static ValidatableResponse post(String token, String body) {
    return Api.as(token)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/duty-shifts")
        .then();
  }

  static void refused(String body, int status, String field, String code) {
    post(Api.SHIFT_LEAD, body)
        .statusCode(status)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(field))
        .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
  }

  @Test
  void recordCorrectCancelAndEveryChangeIsPublished() {
    Api.eligibleCollector("R-C1");
    String id =
        post(Api.SHIFT_LEAD, body("R-C1", List.of(G1, G2), at(1), at(10)))
            .statusCode(201)
            .body("collectorId", equalTo("R-C1"))
            .body("collectionUnitId", equalTo(Api.UNIT))
            .body("gridCodes", equalTo(List.of(G1, G2)))
            .body("revision", equalTo(1))
            .body("cancelled", equalTo(false))
            .body("recordedBy", equalTo("lead-1"))
            .extract()
            .path("id");
    CollectorDutyRecorded e1 = (CollectorDutyRecorded) Api.event(id, "collector-duty-recorded");
    assertEquals("R-C1", e1.collectorId());
    assertEquals(List.of(G1, G2), e1.gridCodes());
    assertEquals(1, e1.revision());
    assertEquals(Duration.ofHours(9), Duration.between(e1.start(), e1.end()));
    assertFalse(e1.cancelled());

    // correction (another grid, later end) with a reason, by an administrator
    Api.as(Api.ADMIN)
        .contentType(ContentType.JSON)
        .body(
            "{\"gridCodes\":[\""
                + G2
                + "\"],\"start\":\""
                + at(1)
                + "\",\"end\":\""
                + at(11)
                + "\",\"reason\":\"调整巡查片区\"}")
        .put("/api/v1/duty-shifts/" + id)
        .then()
        .statusCode(200)
        .body("gridCodes", equalTo(List.of(G2)))
        .body("revision", equalTo(2))
        .body("changeReason", equalTo("调整巡查片区"))
        .body("updatedBy", equalTo("admin-1"));
    // cancellation with a reason
    Api.as(Api.SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"病假\"}")
        .post("/api/v1/duty-shifts/" + id + "/cancellation")
        .then()
        .statusCode(200)
        .body("cancelled", equalTo(true))
        .body("revision", equalTo(3));
    // a cancelled shift no longer changes
    Api.as(Api.SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"再取消\"}")
        .post("/api/v1/duty-shifts/" + id + "/cancellation")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    // the history: who, when, why
    Api.as(Api.OPERATOR)
        .get("/api/v1/duty-shifts/" + id)
        .then()
        .statusCode(200)
        .body("history.action", equalTo(List.of("RECORDED", "CORRECTED", "CANCELLED")))
        .body("history[2].reason", equalTo("病假"))
        .body("history[1].by", equalTo("admin-1"));

    List<CollectorDutyRecorded> all =
        Api.rawEvents(id, Duration.ofSeconds(5)).stream()
            .map(
                v -> {
                  try {
                    return new com.fasterxml.jackson.databind.ObjectMapper()
                        .findAndRegisterModules()
                        .readValue(v, CollectorDutyRecorded.class);
                  } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                  }
                })
            .toList();
    assertEquals(List.of(1L, 2L, 3L), all.stream().map(CollectorDutyRecorded::revision).toList());
    assertEquals(List.of(G2), all.get(1).gridCodes());
    assertEquals("调整巡查片区", all.get(1).reason());
    assertTrue(all.get(2).cancelled());
    assertEquals("病假", all.get(2).reason());
  }

  @Test
  void everyValidationErrorNamesItsField() {
    Api.eligibleCollector("R-C2");
    refused(body("R-NOBODY", List.of(G1), at(1), at(2)), 400, "collectorId", "unknown_collector");
    refused(body("R-C2", List.of(), at(1), at(2)), 400, "gridCodes", "required");
    refused(
        body("R-C2", List.of(G1, "G-01"), at(1), at(2)), 400, "gridCodes[1]", "invalid_grid_code");
    refused(
        body("R-C2", List.of("3501221000040007"), at(1), at(2)),
        400,
        "gridCodes[0]",
        "other_county");
    refused(body("R-C2", List.of(G1, G1), at(1), at(2)), 400, "gridCodes[1]", "duplicate");
    refused(body("R-C2", List.of(G1), at(2), at(1)), 400, "end", "not_after_start");
    refused(body("R-C2", List.of(G1), at(1), at(26)), 400, "end", "too_long");
    refused(body("R-C2", List.of(G1), at(-10), at(-1)), 400, "end", "in_past");
    refused(body("R-C2", List.of(G1), null, at(2)), 400, "start", "NotNull");
    refused(body("R-C2", List.of(G1), at(1), "tomorrow"), 400, "end", "invalid-format");
    // overlapping shifts of one collector: 409 naming start; back to back is fine
    post(Api.SHIFT_LEAD, body("R-C2", List.of(G1), at(30), at(38))).statusCode(201);
    refused(body("R-C2", List.of(G2), at(37), at(40)), 409, "start", "overlaps");
    post(Api.SHIFT_LEAD, body("R-C2", List.of(G2), at(38), at(40))).statusCode(201);
    // unknown and malformed ids
    Api.as(Api.SHIFT_LEAD)
        .get("/api/v1/duty-shifts/" + java.util.UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as(Api.SHIFT_LEAD)
        .contentType(ContentType.JSON)
        .body("{\"reason\":\"x\"}")
        .post("/api/v1/duty-shifts/not-a-shift/cancellation")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    Api.as(Api.SHIFT_LEAD)
        .queryParam("from", "+999999-01-01T00:00:00Z")
        .get("/api/v1/duty-shifts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("from"));
  }

  @Test
  void aCollectorReadsOnlyTheirOwnShifts() {
    Api.eligibleCollector("R-C3");
    Api.eligibleCollector("R-C4");
    post(Api.SHIFT_LEAD, body("R-C3", List.of(G1), at(50), at(58))).statusCode(201);
    String other =
        post(Api.SHIFT_LEAD, body("R-C4", List.of(G1), at(50), at(58)))
            .statusCode(201)
            .extract()
            .path("id");
    String me = Api.collector("R-C3");
    Api.as(me)
        .get("/api/v1/duty-shifts")
        .then()
        .statusCode(200)
        .body("total", equalTo(1))
        .body("items.collectorId", everyItem(equalTo("R-C3")));
    Api.as(me)
        .queryParam("collectorId", "R-C4")
        .get("/api/v1/duty-shifts")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    Api.as(me).get("/api/v1/duty-shifts/" + other).then().statusCode(404);
    // a collector does not record shifts
    post(me, body("R-C3", List.of(G2), at(60), at(62))).statusCode(403);
    // the center sees both, filtered by collector
    Api.as(Api.OPERATOR)
        .queryParam("collectorId", "R-C4")
        .get("/api/v1/duty-shifts")
        .then()
        .statusCode(200)
        .body("items.id", hasItem(other));
  }
}
