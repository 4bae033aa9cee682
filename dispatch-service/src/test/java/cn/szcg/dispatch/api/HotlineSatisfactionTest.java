package cn.szcg.dispatch.api;

import static cn.szcg.dispatch.api.Api.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 回访 by the 12345 hotline platform: its machine client records the follow-up satisfaction of
 * its own tickets — the cases that came by the HOTLINE channel — and of no other case, which it
 * cannot even tell exists (404, as CaseVisibility hides cases from every scoped caller).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GisStub.class)
class HotlineSatisfactionTest {

  static final As HOTLINE = new As("service-account-hotline-platform", "HOTLINE_PLATFORM", null);

  @BeforeEach
  void signIn() {
    Api.signIn();
  }

  /** 上水井盖 in 梅城镇, through to closing. */
  static String closed(Channel channel) {
    String caseId = file("C-0101", "350124100", null, false, channel);
    ok(DISPATCHER, caseId, "dispatch", body("requirements", "更换井盖"));
    ok(receiver("U-WATER"), caseId, "sign-for", null);
    ok(leader("U-WATER"), caseId, "leader-approval", null);
    ok(
        handler("U-WATER"),
        caseId,
        "feedback",
        body(
            "description", "已更换", "photoIds", List.of(photo(handler("U-WATER"), caseId, "AFTER"))));
    ok(OPERATOR, caseId, "check-orders", body("collectorId", "collector7"));
    ok(
        COLLECTOR,
        caseId,
        "checks/pass",
        body("photoIds", List.of(photo(COLLECTOR, caseId, "CHECK"))));
    ok(OPERATOR, caseId, "close", body("note", "结案"));
    return caseId;
  }

  @Test
  void theHotlinePlatformRecordsTheSatisfactionOfItsOwnTickets() {
    String caseId = closed(Channel.HOTLINE);
    JsonPath sat = ok(HOTLINE, caseId, "satisfaction", body("level", "BASICALLY_SATISFIED"));
    assertEquals("BASICALLY_SATISFIED", sat.getString("caseAfter.satisfaction.level"));
    assertEquals("service-account-hotline-platform", sat.getString("step.actorUserId"));
    assertEquals("HOTLINE_PLATFORM", sat.getString("step.actorRole"));
    CaseTransitioned e = events(caseId, 9).get(8);
    assertEquals("RECORD_SATISFACTION", e.transition());
    assertEquals("HOTLINE_PLATFORM", e.actorRole());
    // once
    Response twice = post(HOTLINE, caseId, "satisfaction", body("level", "SATISFIED"));
    assertEquals(409, twice.statusCode(), twice.asString());
    assertEquals("SATISFACTION_ALREADY_RECORDED", twice.jsonPath().getString("code"));
  }

  @Test
  void anyOtherCaseDoesNotExistForIt() {
    // a public report of another channel, closed: the operator may record, the platform not
    String website = closed(Channel.WEBSITE);
    Response r = post(HOTLINE, website, "satisfaction", body("level", "SATISFIED"));
    assertEquals(404, r.statusCode(), r.asString());
    assertEquals("application/problem+json", r.contentType());
    ok(OPERATOR, website, "satisfaction", body("level", "SATISFIED"));
    // nor does it read cases
    assertEquals(403, HOTLINE.spec().get("/api/v1/cases/" + website).statusCode());
    assertEquals(200, given().get("/api/v1/cases/" + website).statusCode());
  }
}
