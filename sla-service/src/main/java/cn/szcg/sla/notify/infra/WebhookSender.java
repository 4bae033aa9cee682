package cn.szcg.sla.notify.infra;

import cn.szcg.sla.notify.domain.ChannelSender;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.domain.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Government IM robots (政务钉钉 / 企业微信 群机器人): a JSON text message to the person's robot URL.
 *
 * <ul>
 *   <li>DINGTALK custom robot: {@code {"msgtype":"text","text":{"content":…}}}, signed ("加签"):
 *       {@code sign = urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret)))} appended
 *       as {@code &timestamp=…&sign=…}; the answer {@code {"errcode":0}} means accepted;
 *   <li>WECOM group robot: same JSON shape; the robot's {@code key} in the URL authenticates it.
 * </ul>
 *
 * The notification id travels in the content's last line ({@code #id}) and in the {@code
 * X-Szcg-Notification-Id} header, so that a robot gateway can drop a resent copy.
 */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

  @Inject ObjectMapper json;

  @ConfigProperty(name = "szcg.notify.webhook.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.notify.webhook.timeout-ms", defaultValue = "5000")
  long timeoutMs;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public boolean enabled() {
    return enabled;
  }

  @Override
  public Contact.Channel channel() {
    return Contact.Channel.WEBHOOK;
  }

  @Override
  public String send(Message m) throws SendFailure {
    if (m.webhookUrl() == null || m.webhookUrl().isBlank()) {
      throw new SendFailure("no webhook configured / 未配置机器人", false);
    }
    String url = m.webhookUrl();
    if ("DINGTALK".equals(m.webhookKind())
        && m.webhookSecret() != null
        && !m.webhookSecret().isBlank()) {
      long ts = System.currentTimeMillis();
      url +=
          (url.contains("?") ? "&" : "?")
              + "timestamp="
              + ts
              + "&sign="
              + dingTalkSign(ts, m.webhookSecret());
    }
    ObjectNode body = json.createObjectNode();
    body.put("msgtype", "text");
    body.putObject("text").put("content", m.text() + "\n#" + m.notificationId());
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofMillis(timeoutMs))
                  .header("Content-Type", "application/json; charset=utf-8")
                  .header("X-Szcg-Notification-Id", m.notificationId())
                  .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() >= 500 || r.statusCode() == 429) {
        throw new SendFailure("robot answered HTTP " + r.statusCode(), true);
      }
      if (r.statusCode() >= 400) {
        throw new SendFailure("robot refused: HTTP " + r.statusCode(), false);
      }
      JsonNode answer = r.body() == null || r.body().isBlank() ? null : json.readTree(r.body());
      int errcode = answer == null ? 0 : answer.path("errcode").asInt(0);
      if (errcode != 0) {
        // DingTalk 130101: sending too fast; WeCom 45009: api freq out of limit
        boolean later = errcode == 130101 || errcode == 45009;
        throw new SendFailure("robot errcode " + errcode, later);
      }
      return null;
    } catch (SendFailure e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SendFailure("interrupted", true);
    } catch (Exception e) {
      throw new SendFailure("robot unreachable: " + e.getClass().getSimpleName(), true);
    }
  }

  /** DingTalk's 加签: url-encoded base64 of HMAC-SHA256(secret, timestamp + "\n" + secret). */
  public static String dingTalkSign(long timestamp, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] sig = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
      return URLEncoder.encode(Base64.getEncoder().encodeToString(sig), StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
