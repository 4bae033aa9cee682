package cn.szcg.sla.notify.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.sla.notify.domain.ChannelSender.SendFailure;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.domain.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The robots' webhooks against a real HTTP server (the JDK's) that checks what DingTalk checks: the
 * timestamp is fresh and {@code sign} is the HMAC-SHA256 of {@code timestamp + "\n" + secret}; and
 * that answers as WeCom does.
 */
class WebhookSenderTest {

  static final String SECRET = "SEC0123456789abcdef";
  static final ObjectMapper JSON = new ObjectMapper();

  HttpServer server;
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final List<String> refusals = new CopyOnWriteArrayList<>();
  volatile int status = 200;
  WebhookSender sender;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/robot/send", this::dingTalk);
    server.createContext("/cgi-bin/webhook/send", this::weCom);
    server.start();
    sender = new WebhookSender();
    sender.json = JSON;
    sender.timeoutMs = 5000;
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static Map<String, String> query(HttpExchange x) {
    Map<String, String> q = new HashMap<>();
    String raw = x.getRequestURI().getRawQuery();
    for (String kv : raw == null ? new String[0] : raw.split("&")) {
      int i = kv.indexOf('=');
      q.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
    }
    return q;
  }

  void dingTalk(HttpExchange x) throws java.io.IOException {
    Map<String, String> q = query(x);
    String answer;
    try {
      long ts = Long.parseLong(q.get("timestamp"));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected =
          Base64.getEncoder()
              .encodeToString(mac.doFinal((ts + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
      boolean fresh = Math.abs(System.currentTimeMillis() - ts) < 3_600_000;
      if (!fresh || !expected.equals(q.get("sign")) || !"tok".equals(q.get("access_token"))) {
        refusals.add("sign");
        answer = "{\"errcode\":310000,\"errmsg\":\"sign not match\"}";
      } else {
        received.add(JSON.readTree(x.getRequestBody()));
        answer = "{\"errcode\":0,\"errmsg\":\"ok\"}";
      }
    } catch (Exception e) {
      refusals.add(String.valueOf(e));
      answer = "{\"errcode\":310000,\"errmsg\":\"sign missing\"}";
    }
    reply(x, status, answer);
  }

  void weCom(HttpExchange x) throws java.io.IOException {
    if (!"k1".equals(query(x).get("key"))) {
      reply(x, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
      return;
    }
    received.add(JSON.readTree(x.getRequestBody()));
    reply(x, status, "{\"errcode\":0,\"errmsg\":\"ok\"}");
  }

  static void reply(HttpExchange x, int status, String body) throws java.io.IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  Message to(String kind, String url, String secret) {
    return new Message(
        "n-1", Contact.Channel.WEBHOOK, 1, "【闽清数字城管】超时：案件 C1", null, kind, url, secret);
  }

  @Test
  void dingTalkGetsTheTextShapeSignedAsItChecks() throws Exception {
    sender.send(to("DINGTALK", base() + "/robot/send?access_token=tok", SECRET));
    assertEquals(List.of(), refusals);
    assertEquals(1, received.size());
    JsonNode m = received.get(0);
    assertEquals("text", m.path("msgtype").asText());
    assertTrue(m.path("text").path("content").asText().startsWith("【闽清数字城管】超时"));
    assertTrue(m.path("text").path("content").asText().endsWith("#n-1"), "the notification id");
  }

  @Test
  void aWrongSecretIsRefusedAndNotRetried() {
    SendFailure f =
        assertThrows(
            SendFailure.class,
            () -> sender.send(to("DINGTALK", base() + "/robot/send?access_token=tok", "wrong")));
    assertFalse(f.retryable());
    assertTrue(f.getMessage().contains("310000"));
    assertEquals(List.of("sign"), refusals);
  }

  @Test
  void weComGetsTheSameShapeAuthenticatedByItsKey() throws Exception {
    sender.send(to("WECOM", base() + "/cgi-bin/webhook/send?key=k1", null));
    assertEquals("text", received.get(0).path("msgtype").asText());
    assertThrows(
        SendFailure.class,
        () -> sender.send(to("WECOM", base() + "/cgi-bin/webhook/send?key=x", null)));
  }

  @Test
  void anOutageIsRetryable() {
    status = 503;
    SendFailure f =
        assertThrows(
            SendFailure.class,
            () -> sender.send(to("WECOM", base() + "/cgi-bin/webhook/send?key=k1", null)));
    assertTrue(f.retryable());
    server.stop(0);
    SendFailure down =
        assertThrows(
            SendFailure.class,
            () -> sender.send(to("WECOM", base() + "/cgi-bin/webhook/send?key=k1", null)));
    assertTrue(down.retryable());
  }
}
