package cn.szcg.dispatch.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.Await;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.TestEvents;
import cn.szcg.testsupport.security.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Helpers of the API (and security) tests: file a case through Kafka, act as a role, read the cases
 * events.
 */
public final class Api {

  private Api() {}

  /**
   * Every request of the API tests carries a token: this default (the center operator, as the old
   * placeholder actor was) unless the request acts {@link As} someone.
   */
  public static void signIn() {
    TestTokens.useByDefault(TestTokens.user("center-operator", "operator").build());
  }

  /** An actor of the test: its headers become a signed token ({@link TestTokenFilter}). */
  public record As(String user, String role, String unit) {
    public RequestSpecification spec() {
      RequestSpecification s =
          given()
              .filter(TestTokenFilter.INSTANCE)
              .contentType(ContentType.JSON)
              .header("X-Test-User", user)
              .header("X-Test-Role", role);
      return unit == null ? s : s.header("X-Test-Unit", unit);
    }
  }

  public static final As DISPATCHER = new As("dispatcher1", "DISPATCHER", null);
  public static final As SHIFT_LEAD = new As("shiftlead1", "SHIFT_LEAD", null);
  public static final As OPERATOR = new As("operator1", "OPERATOR", null);
  public static final As COUNTY = new As("county-gov", "COUNTY_GOVERNMENT", null);
  public static final As COLLECTOR = new As("collector7", "COLLECTOR", null);
  public static final As ADMIN = new As("admin1", "ADMIN", null);

  public static As receiver(String unit) {
    return new As(unit + "-rcv", "UNIT_RECEIVER", unit);
  }

  public static As leader(String unit) {
    return new As(unit + "-leader", "UNIT_LEADER", unit);
  }

  public static As handler(String unit) {
    return new As(unit + "-handler", "UNIT_HANDLER", unit);
  }

  public static String bootstrap() {
    return KafkaTestResource.kafka().bootstrapServers();
  }

  /** Files a case through intake's event and waits until dispatch has opened it. */
  public static String file(
      String category, String township, String componentId, boolean emergency, Channel channel) {
    return file(category, township, componentId, emergency, channel, null);
  }

  /** Files a case at {@code location} (null: no position) and waits until dispatch opened it. */
  public static String file(
      String category,
      String township,
      String componentId,
      boolean emergency,
      Channel channel,
      cn.szcg.contracts.events.GeoPoint location) {
    String caseId = UUID.randomUUID().toString();
    Instant t = Instant.now().minusSeconds(60);
    LocationContext ctx =
        township == null
            ? null
            : new LocationContext(
                township, null, township + "001", null, township + "0010001", Zone.URBAN);
    CaseFiled f =
        new CaseFiled(
            caseId,
            "MQ" + caseId.substring(0, 8),
            channel,
            componentId == null ? ReportKind.REPORT : ReportKind.REPORT,
            category,
            "测试类别",
            1,
            new TimeLimit(
                emergency ? 2 : 4, emergency ? LimitUnit.NATURAL_HOURS : LimitUnit.WORKING_HOURS),
            Zone.URBAN,
            emergency,
            location,
            ctx,
            componentId,
            "collector1",
            t.minusSeconds(600),
            t,
            "operator1");
    TestEvents.send(bootstrap(), Topics.INTAKE, EventCodec.wrap("intake-service", caseId, t, f));
    await(() -> given().get("/api/v1/cases/" + caseId).statusCode() == 200);
    return caseId;
  }

  public static Response post(As as, String caseId, String action, Object body) {
    RequestSpecification s = as.spec();
    if (body != null) {
      s = s.body(body);
    }
    return s.post("/api/v1/cases/" + caseId + "/" + action);
  }

  /** Posts and expects 200; returns the case after the step. */
  public static io.restassured.path.json.JsonPath ok(
      As as, String caseId, String action, Object body) {
    Response r = post(as, caseId, action, body);
    assertEquals(200, r.statusCode(), action + " → " + r.asString());
    return r.jsonPath();
  }

  public static String state(String caseId) {
    return given().get("/api/v1/cases/" + caseId).jsonPath().getString("state");
  }

  public static Map<String, Object> body(Object... kv) {
    java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** The case's events on szcg.cases, in sequence order, once {@code count} have arrived. */
  public static List<CaseTransitioned> events(String caseId, int count) {
    List<ConsumerRecord<String, String>> seen =
        TestEvents.readUntil(
            bootstrap(),
            Topics.CASES,
            Duration.ofSeconds(30),
            rs -> rs.stream().filter(r -> caseId.equals(r.key())).count() >= count);
    List<CaseTransitioned> out = new ArrayList<>();
    for (ConsumerRecord<String, String> r : seen) {
      if (!caseId.equals(r.key())) {
        continue;
      }
      CloudEvent e = CloudEvent.fromKafka(r.headers(), r.value());
      assertEquals(EventType.CASE_TRANSITIONED.type(), e.type());
      out.add((CaseTransitioned) EventCodec.payload(e));
    }
    out.sort(Comparator.comparingLong(CaseTransitioned::sequence));
    assertTrue(out.size() >= count, "expected " + count + " events, got " + out.size());
    return out;
  }

  /**
   * A tiny valid PNG (1×1, one grey pixel) carrying {@code text} in a tEXt chunk, so that every
   * call can give distinct bytes (the evidence store answers the same bytes with the first photo).
   */
  public static byte[] png(String text) {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
      java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13);
      ihdr.putInt(1).putInt(1).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0);
      ihdr.put((byte) 0);
      chunk(out, "IHDR", ihdr.array());
      java.util.zip.Deflater d = new java.util.zip.Deflater();
      d.setInput(new byte[] {0, (byte) 0x80});
      d.finish();
      byte[] buf = new byte[64];
      int n = d.deflate(buf);
      d.end();
      chunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
      chunk(
          out, "tEXt", ("Comment\0" + text).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      chunk(out, "IEND", new byte[0]);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A tiny valid JPEG (8×8, encoded by javax.imageio) carrying {@code text} in a comment (COM)
   * segment right after SOI, so that every call can give distinct bytes that still decode.
   */
  public static byte[] jpeg(String text) {
    try {
      java.awt.image.BufferedImage img =
          new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
      img.setRGB(1, 1, 0x336699);
      java.io.ByteArrayOutputStream enc = new java.io.ByteArrayOutputStream();
      javax.imageio.ImageIO.write(img, "jpeg", enc);
      byte[] body = enc.toByteArray();
      byte[] t = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      out.write(body, 0, 2); // SOI
      out.write(
          new byte[] {
            (byte) 0xFF, (byte) 0xFE, (byte) ((t.length + 2) >> 8), (byte) (t.length + 2)
          });
      out.write(t);
      out.write(body, 2, body.length - 2);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data)
      throws java.io.IOException {
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(t);
    out.write(data);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(t);
    crc.update(data);
    out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** Uploads a photo of {@code purpose} (AFTER, SUB_AFTER, CHECK) as {@code as}; the answer. */
  public static Response upload(As as, String caseId, String purpose, String type, byte[] bytes) {
    return as.spec()
        .contentType(type)
        .queryParam("purpose", purpose)
        .body(bytes)
        .post("/api/v1/cases/" + caseId + "/photos");
  }

  /**
   * Uploads a fresh tiny PNG of {@code purpose} as {@code as} (expects 201) and returns its id, for
   * the feedback and check steps that take only stored photos (docs/evidence.md).
   */
  public static String photo(As as, String caseId, String purpose) {
    Response r = upload(as, caseId, purpose, "image/png", png(UUID.randomUUID().toString()));
    assertEquals(201, r.statusCode(), "upload " + purpose + " → " + r.asString());
    return r.jsonPath().getString("photoId");
  }

  public static void await(java.util.function.BooleanSupplier c) {
    Await.until("condition", Duration.ofSeconds(30), c);
  }
}
