package cn.szcg.intake.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The worked example of docs/intake.md §6, checked against openssl's answer. */
class WebhookSignatureTest {

  static final String SECRET = "3f6c8e1a9b2d4f7e0c5a8b1d2e4f6a7c";
  static final long TS = 1795766400L; // 2026-11-27T08:00:00Z
  static final String BODY =
      "{\"eventId\":\"intake-hotline-42\",\"sourceRef\":\"12345-2026-0001\","
          + "\"reportNo\":\"MQ20260000123\",\"status\":\"FILED\","
          + "\"at\":\"2026-11-27T07:59:58.123456Z\"}";

  @Test
  void theDocumentedExample() {
    // printf '%s' "1795766400.$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex
    assertEquals(
        "sha256=b953b02ec67c881157ea6fcbf402bdc276fde8cf672dcee5ef581e24a9f73590",
        WebhookSignature.sign(SECRET, TS, BODY));
  }

  @Test
  void anyChangeChangesTheSignature() {
    String s = WebhookSignature.sign(SECRET, TS, BODY);
    assertNotEquals(s, WebhookSignature.sign(SECRET, TS + 1, BODY));
    assertNotEquals(s, WebhookSignature.sign(SECRET, TS, BODY.replace("FILED", "CLOSED")));
    assertNotEquals(s, WebhookSignature.sign(SECRET + "x", TS, BODY));
  }

  @Test
  void theSecretMustBeThereAndLongEnough() {
    assertNotNull(HotlineNotifier.secretProblem(null));
    assertNotNull(HotlineNotifier.secretProblem("  "));
    assertNotNull(HotlineNotifier.secretProblem("short"));
    assertNull(HotlineNotifier.secretProblem(SECRET));
  }
}
