package cn.szcg.intake.security;

import static cn.szcg.intake.security.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.AuthzMatrix;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may register which channel: a collector PATROL only; operators and shift leads the
 * channels entered at the center (LEADER, MEDIA, WEBSITE, WEIBO) and the calls and visits it takes
 * itself (PHONE 来电, WALK_IN 来访, R-06); the hotline platform HOTLINE; the county systems VIDEO,
 * WEBSITE, WEIBO, MEDIA. Anything else is 403 naming the channel, and nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class ChannelByRoleTest {

  enum Ch {
    PATROL,
    VIDEO,
    LEADER,
    MEDIA,
    WEBSITE,
    WEIBO,
    HOTLINE,
    PHONE,
    WALK_IN
  }

  static final String COLLECTOR_ID = "C-CHAN";

  @BeforeEach
  void setUp() {
    TestTokens.clearDefault();
    Fixtures.eligibleCollector(COLLECTOR_ID);
  }

  /** A valid arrival of {@code ch} with a unique source reference. */
  static String body(Ch ch, String ref) {
    return switch (ch) {
      case PATROL -> Fixtures.patrol(COLLECTOR_ID, 118.8632, 26.2231);
      case VIDEO ->
          "{\"channel\":\"VIDEO\",\"kind\":\"REPORT\",\"categoryCode\":\"E-0101\","
              + "\"cameraId\":\"35012400001310000001\",\"sourceRef\":\""
              + ref
              + "\",\"location\":{\"lon\":118.8632,\"lat\":26.2231}}";
      default ->
          "{\"channel\":\""
              + ch
              + "\",\"kind\":\"COMPLAINT\",\"description\":\"占道经营\",\"sourceRef\":\""
              + ref
              + "\"}";
    };
  }

  @Test
  void eachRoleRegistersItsOwnChannelsOnly() {
    Map<String, String> tokens = new LinkedHashMap<>();
    Map<String, Set<Ch>> allowed = new LinkedHashMap<>();
    tokens.put("collector", Fixtures.collector(COLLECTOR_ID));
    allowed.put("collector", EnumSet.of(Ch.PATROL));
    tokens.put("operator", Fixtures.OPERATOR);
    allowed.put(
        "operator", EnumSet.of(Ch.LEADER, Ch.MEDIA, Ch.WEBSITE, Ch.WEIBO, Ch.PHONE, Ch.WALK_IN));
    tokens.put("shift-lead", Fixtures.SHIFT_LEAD);
    allowed.put(
        "shift-lead", EnumSet.of(Ch.LEADER, Ch.MEDIA, Ch.WEBSITE, Ch.WEIBO, Ch.PHONE, Ch.WALK_IN));
    tokens.put("hotline-platform", Fixtures.HOTLINE);
    allowed.put("hotline-platform", EnumSet.of(Ch.HOTLINE));
    tokens.put("county-system", Fixtures.COUNTY);
    allowed.put("county-system", EnumSet.of(Ch.VIDEO, Ch.WEBSITE, Ch.WEIBO, Ch.MEDIA));

    List<String> failures = new ArrayList<>();
    for (var e : tokens.entrySet()) {
      String role = e.getKey();
      for (Ch ch : Ch.values()) {
        String ref = "CH-" + role + "-" + ch + "-" + UUID.randomUUID();
        Response res =
            as(e.getValue())
                .contentType(ContentType.JSON)
                .body(body(ch, ref))
                .post("/api/v1/reports");
        if (allowed.get(role).contains(ch)) {
          if (res.statusCode() != 201) {
            failures.add(role + " " + ch + ": " + res.statusCode() + " " + res.asString());
          }
        } else {
          boolean namesIt =
              res.statusCode() == 403
                  && res.contentType().startsWith("application/problem+json")
                  && "channel".equals(res.path("errors[0].field"))
                  && String.valueOf(res.<String>path("detail")).contains(ch.name());
          if (!namesIt) {
            failures.add(
                role
                    + " "
                    + ch
                    + ": expected 403 naming the channel, got "
                    + res.statusCode()
                    + " "
                    + res.asString());
          }
          if (ch != Ch.PATROL && ch != Ch.LEADER && ch != Ch.MEDIA) {
            // nothing stored under the refused source reference
            int found =
                as(Fixtures.OPERATOR)
                    .queryParam("channel", ch.name())
                    .queryParam("size", 200)
                    .get("/api/v1/reports")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.findAll { it.sourceRef == '" + ref + "' }")
                    .size();
            if (found != 0) {
              failures.add(role + " " + ch + ": refused but stored");
            }
          }
        }
      }
    }
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /** Roles that register nothing are stopped at the door (403), whatever the channel. */
  @Test
  void otherRolesRegisterNothing() {
    Set<String> submitters =
        Set.of("collector", "operator", "shift-lead", "hotline-platform", "county-system");
    int checked = 0;
    for (String role : AuthzMatrix.ROLES) {
      if (submitters.contains(role)) {
        continue;
      }
      String token =
          role.startsWith("unit-") ? TestTokens.ofUnit(role, "U-WATER") : TestTokens.of(role);
      for (Ch ch : Ch.values()) {
        as(token)
            .contentType(ContentType.JSON)
            .body(body(ch, "NOPE-" + UUID.randomUUID()))
            .post("/api/v1/reports")
            .then()
            .statusCode(403)
            .contentType("application/problem+json");
        checked++;
      }
    }
    assertEquals(9 * Ch.values().length, checked);
  }

  /** A caller holding two submitter roles may use the channels of both. */
  @Test
  void rolesAddUp() {
    String both =
        TestTokens.user("operator-and-collector", "operator", "collector")
            .collector(COLLECTOR_ID)
            .build();
    as(both)
        .contentType(ContentType.JSON)
        .body(body(Ch.PATROL, "x"))
        .post("/api/v1/reports")
        .then()
        .statusCode(201);
    as(both)
        .contentType(ContentType.JSON)
        .body(body(Ch.LEADER, "x"))
        .post("/api/v1/reports")
        .then()
        .statusCode(201);
    as(both)
        .contentType(ContentType.JSON)
        .body(body(Ch.HOTLINE, "HOT-" + UUID.randomUUID()))
        .post("/api/v1/reports")
        .then()
        .statusCode(403)
        .body("errors[0].field", equalTo("channel"))
        .body("detail", containsString("HOTLINE"));
  }
}
