package cn.szcg.intake.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.platform.security.VerifiedTokenCache;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens are verified once and then remembered (platform {@link VerifiedTokenCache}) — but
 * never past their expiry, never for a refused token, and each token keeps its own roles.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class VerifiedTokenCacheTest {

  @Inject VerifiedTokenCache cache;

  private static int list(String token) {
    return given()
        .header("Authorization", "Bearer " + token)
        .when()
        .get("/api/v1/reports?size=1")
        .then()
        .extract()
        .statusCode();
  }

  @Test
  void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
    String token =
        TestTokens.user("cache-operator", "operator").expiresIn(Duration.ofSeconds(3)).build();
    int before = cache.size();
    assertEquals(200, list(token));
    assertTrue(cache.size() > before, "the verified token is remembered");
    assertEquals(200, list(token), "served from the cache");
    Thread.sleep(4_500);
    assertEquals(401, list(token), "expired: refused although it was remembered");
  }

  @Test
  void aRefusedTokenIsNeverRemembered() {
    String foreign = TestTokens.user("cache-foreign", "operator").foreignKey().build();
    int before = cache.size();
    assertEquals(401, list(foreign));
    assertEquals(401, list(foreign));
    assertEquals(before, cache.size());
  }

  @Test
  void eachTokenKeepsItsOwnRoles() {
    String operator = TestTokens.user("cache-op2", "operator").build();
    String unit = TestTokens.ofUnit("unit-receiver", "U-CACHE");
    for (int i = 0; i < 3; i++) {
      assertEquals(200, list(operator));
      assertEquals(403, list(unit));
    }
  }
}
