package cn.szcg.intake.infra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a hotline status callback (热线回调签名): HMAC-SHA256 with the shared secret over
 * {@code timestamp + "." + body}, where {@code timestamp} is the value of {@link #TIMESTAMP} (Unix
 * seconds, decimal) and {@code body} the exact bytes of the request body (UTF-8 JSON); sent as
 * {@code X-Szcg-Signature: sha256=<64 lowercase hex digits>}. The receiver's side (reject a
 * timestamp more than 5 minutes away from its clock, compare in constant time) is described in
 * docs/intake.md §6.
 */
public final class WebhookSignature {

  /** Unix time in seconds at which this attempt was sent (a retry carries a new one). */
  public static final String TIMESTAMP = "X-Szcg-Timestamp";

  /** {@code sha256=<hex>} of {@code timestamp + "." + body}. */
  public static final String SIGNATURE = "X-Szcg-Signature";

  /** The status change's id, the same as the body's {@code eventId} (receiver deduplicates). */
  public static final String EVENT_ID = "X-Szcg-Event-Id";

  private WebhookSignature() {}

  /** {@code sha256=<hex>} of {@code timestamp + "." + body} under {@code secret}. */
  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256="
          + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
