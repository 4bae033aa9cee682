package cn.szcg.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The bad-input campaign (issue 10): for every endpoint of every service's OpenAPI document,
 * malformed requests generated from the document — broken JSON, wrong content types, missing
 * required fields, unknown fields, wrong types, values over their limits, invalid enum values and
 * injection strings, out-of-county coordinates, bad dates, bad path and query parameters. Every
 * request is malformed by construction. Expected: no 5xx, every 4xx an application/problem+json
 * naming the problem, and no change to any stored row.
 *
 * <p>Requests per endpoint: {@code -Dszcg.badinput.per-endpoint} (CI: 40; the full campaign: 1000).
 * Runs against the stack of deploy/local/test.sh before any other system test writes.
 */
@Order(1)
class BadInputCampaignTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int PER_ENDPOINT = Integer.getInteger("szcg.badinput.per-endpoint", 40);
  private static final String DB_SUFFIX = System.getProperty("szcg.db.suffix", "_sys");
  private static final String[] INJECTIONS = {
    "' OR '1'='1' --",
    "\"; DROP TABLE report; --",
    "<script>alert(1)</script>",
    "${jndi:ldap://127.0.0.1/x}",
    "../../../../etc/passwd",
    "%00%0d%0a",
    "\u0000",
    "{{7*7}}",
    "🙂🙂🙂",
    "ＭＱ２０２６"
  };

  /** The personal data the campaign sends (reporter name and phone): never in any service's log. */
  static final String CAMPAIGN_NAME = "闵测" + Long.toString(System.nanoTime() % 100_000, 36) + "清";

  static final String CAMPAIGN_PHONE =
      "1390" + String.format("%07d", System.nanoTime() % 10_000_000);

  /** Control characters refused in every text parameter (issue 19): NUL, SOH, ESC, DEL. */
  private static final String[] CONTROLS = {"\u0000", "\u0001", "\u001b", "\u007f"};

  /** Numbers no numeric parameter accepts: overflowing, negative. */
  private static final String[] BAD_NUMBERS = {
    "99999999999999999999", "2147483648", "-1", "-2147483649", "1e309"
  };

  /**
   * Files that lie about their type: HTML and SVG pages, and a JPEG/PNG magic number before one.
   */
  private static final byte[][] LYING_FILES = {
    "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8),
    "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
        .getBytes(StandardCharsets.UTF_8),
    concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "<html></html>"),
    concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "<svg onload=x/>")
  };

  private static byte[] concat(byte[] head, String tail) {
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(head, head.length + t.length);
    System.arraycopy(t, 0, out, head.length, t.length);
    return out;
  }

  /** Per class of issue 19: requests sent, and those not answered 4xx problem+json naming it. */
  static final Map<String, int[]> CLASSES = new TreeMap<>();

  /** A report the campaign may attach (lying) files to, registered before the counts are taken. */
  private String seededReport;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Random random = new Random(20161110L);

  record Outcome(int status, boolean problem, boolean names, String body) {}

  /** Per endpoint: counts of 2xx, problem 4xx, other 4xx, 5xx. */
  static final class Tally {
    int sent;
    boolean reading;
    int ok2xx;
    int problem4xx;
    int plain4xx;
    int server5xx;
    final List<String> examples = new ArrayList<>();
  }

  @Test
  void malformedRequestsAreRefusedWithProblemsAndChangeNothing() throws Exception {
    Map<String, String> services = new LinkedHashMap<>();
    services.put("gis-service", Stack.GIS);
    services.put("intake-service", Stack.INTAKE);
    services.put("dispatch-service", Stack.DISPATCH);
    services.put("sla-service", Stack.SLA);
    services.put("assessment-service", Stack.ASSESSMENT);

    seededReport = seedReport();
    Map<String, Long> logOffsets = logSizes(services.keySet());
    Map<String, Long> before = rowCounts();
    Map<String, Tally> tallies = new TreeMap<>();
    for (var svc : services.entrySet()) {
      currentService = svc.getKey();
      JsonNode doc = openApi(svc.getValue());
      Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
      while (paths.hasNext()) {
        var path = paths.next();
        Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
        while (ops.hasNext()) {
          var op = ops.next();
          String method = op.getKey().toUpperCase();
          if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
            continue;
          }
          Tally t = new Tally();
          t.reading = method.equals("GET");
          tallies.put(svc.getKey() + " " + method + " " + path.getKey(), t);
          attack(doc, svc.getValue(), method, path.getKey(), op.getValue(), t);
        }
      }
    }
    Map<String, Long> after = rowCounts();
    Map<String, List<String>> leaks = personalDataLogged(logOffsets);

    System.out.printf(
        "%n%-80s %6s %6s %6s %6s %6s%n", "endpoint", "sent", "2xx", "4xx-pj", "4xx", "5xx");
    int sent = 0, five = 0, plain = 0, ok = 0;
    for (var e : tallies.entrySet()) {
      Tally t = e.getValue();
      System.out.printf(
          "%-80s %6d %6d %6d %6d %6d%n",
          e.getKey(), t.sent, t.ok2xx, t.problem4xx, t.plain4xx, t.server5xx);
      t.examples.forEach(x -> System.out.println("    " + x));
      sent += t.sent;
      five += t.server5xx;
      plain += t.plain4xx;
      if (!t.reading) {
        ok += t.ok2xx;
      }
    }
    System.out.printf(
        "%nbad-input campaign: %d endpoints, %d requests, %d 5xx, %d 4xx without problem+json,"
            + " %d malformed writes accepted%n",
        tallies.size(), sent, five, plain, ok);

    System.out.printf(
        "%nissue 19 classes per service (sent / not a 4xx problem+json naming the field):%n");
    int unnamed = 0;
    for (var e : CLASSES.entrySet()) {
      System.out.printf("%-60s %6d %6d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
      unnamed += e.getValue()[1];
    }
    CLASS_EXAMPLES.forEach(x -> System.out.println("    " + x));
    leaks.forEach(
        (svc, lines) ->
            System.out.printf(
                "personal data in the log of %s: %d line(s), e.g. %s%n",
                svc, lines.size(), lines.isEmpty() ? "" : lines.get(0)));

    assertTrue(tallies.size() > 20, "endpoints found in the OpenAPI documents: " + tallies.size());
    assertEquals(0, unnamed, "issue 19 requests not refused with a problem naming the field");
    assertTrue(leaks.values().stream().allMatch(List::isEmpty), "personal data in logs: " + leaks);
    assertEquals(0, five, "5xx responses");
    assertEquals(0, plain, "4xx responses that are not problem+json naming the problem");
    // A read with a well-formed but unknown free-form id may answer 200 with nothing (e.g. the
    // clocks of a case not known yet); a write must never accept a malformed request.
    assertEquals(0, ok, "malformed writes that were accepted");
    assertEquals(before, after, "stored rows changed");
  }

  // ------------------------------------------------------------------ generation

  private void attack(JsonNode doc, String base, String method, String path, JsonNode op, Tally t)
      throws Exception {
    JsonNode bodySchema =
        resolve(
            doc, op.path("requestBody").path("content").path("application/json").path("schema"));
    boolean hasJsonBody = !bodySchema.isMissingNode() && !bodySchema.isNull();
    List<Supplier<Request>> kinds = new ArrayList<>();
    List<JsonNode> params = new ArrayList<>();
    op.path("parameters").forEach(p -> params.add(resolve(doc, p)));
    boolean hasPathParams = params.stream().anyMatch(p -> "path".equals(p.path("in").asText()));
    boolean hasQuery = params.stream().anyMatch(p -> "query".equals(p.path("in").asText()));

    if (hasJsonBody) {
      ObjectNode valid = sample(doc, bodySchema, 0);
      kinds.add(() -> body(method, path, params, "{\"broken\": ", "application/json"));
      kinds.add(() -> body(method, path, params, randomGarbage(), "application/json"));
      kinds.add(() -> body(method, path, params, valid.toString(), "text/plain"));
      kinds.add(() -> body(method, path, params, "<xml/>", "application/xml"));
      kinds.add(() -> body(method, path, params, "[]", "application/json"));
      kinds.add(
          () -> {
            ObjectNode b = valid.deepCopy();
            b.put("unexpectedField" + random.nextInt(1000), injection());
            return body(method, path, params, b.toString(), "application/json");
          });
      List<String> required = requiredOf(doc, bodySchema);
      if (!required.isEmpty()) {
        kinds.add(
            () -> {
              ObjectNode b = valid.deepCopy();
              b.remove(required.get(random.nextInt(required.size())));
              return body(method, path, params, b.toString(), "application/json");
            });
        kinds.add(
            () -> {
              ObjectNode b = valid.deepCopy();
              b.putNull(required.get(random.nextInt(required.size())));
              return body(method, path, params, b.toString(), "application/json");
            });
      }
      Map<String, JsonNode> props = propertiesOf(doc, bodySchema);
      if (!props.isEmpty()) {
        List<String> names = new ArrayList<>(props.keySet());
        kinds.add(
            () -> {
              ObjectNode b = valid.deepCopy();
              String f = names.get(random.nextInt(names.size()));
              b.set(f, wrongType(resolve(doc, props.get(f))));
              return body(method, path, params, b.toString(), "application/json");
            });
        for (String f : names) {
          JsonNode ps = resolve(doc, props.get(f));
          JsonNode bad = invalidValue(f, ps);
          if (bad != null) {
            kinds.add(
                () -> {
                  ObjectNode b = valid.deepCopy();
                  b.set(f, invalidValue(f, ps));
                  return body(method, path, params, b.toString(), "application/json");
                });
          }
        }
      }
    }
    if (hasPathParams) {
      kinds.add(() -> plain(method, fill(path, params, true), params, hasJsonBody));
    }
    if (hasQuery) {
      kinds.add(
          () -> plain(method, fill(path, params, false) + badQuery(params), params, hasJsonBody));
    }
    issue19(base, method, path, op, params, hasJsonBody ? bodySchema : null, doc, t);
    if (kinds.isEmpty()) {
      // no body, no parameters: a malformed request is an unsupported content type on a POST,
      // or an unknown sub-path
      kinds.add(() -> new Request(method, path + "/" + injectionPath(), null, null));
    }
    for (int i = 0; i < PER_ENDPOINT; i++) {
      Request r = kinds.get(i % kinds.size()).get();
      Outcome o = send(base, r);
      t.sent++;
      if (o.status >= 500) {
        t.server5xx++;
        example(t, r, o);
      } else if (o.status >= 400) {
        if (o.problem && o.names) {
          t.problem4xx++;
        } else {
          t.plain4xx++;
          example(t, r, o);
        }
      } else {
        t.ok2xx++;
        if (!t.reading) {
          example(t, r, o);
        }
      }
    }
  }

  // ------------------------------------------------------------------ issue 19 classes

  private String currentService;
  static final List<String> CLASS_EXAMPLES = new ArrayList<>();

  /**
   * The classes of issue 19, each parameter on its own: control characters in every query, path and
   * JSON text parameter (400 naming it); overflowing and negative numbers in every numeric query
   * parameter and overflowing ones in every JSON integer (4xx naming it); files that lie about
   * their type to every upload (4xx; 415 naming contentType where the upload reaches its content
   * check, the seeded report's attachments).
   */
  private void issue19(
      String base,
      String method,
      String path,
      JsonNode op,
      List<JsonNode> params,
      JsonNode bodySchema,
      JsonNode doc,
      Tally t)
      throws Exception {
    String body = bodySchema == null ? null : sample(doc, bodySchema, 0).toString();
    String ct = bodySchema == null ? null : "application/json";
    for (JsonNode p : params) {
      String in = p.path("in").asText();
      String name = p.path("name").asText();
      String type = resolve(doc, p.path("schema")).path("type").asText();
      if (in.equals("query")) {
        String others = otherQuery(doc, params, p, path);
        for (String c : CONTROLS) {
          String q = fill(path, params, false) + "?" + others + name + "=" + encode("a" + c + "b");
          judge("control characters", base, new Request(method, q, body, ct), name, true, t);
        }
        if (type.equals("integer") || type.equals("number")) {
          boolean int64 = "int64".equals(resolve(doc, p.path("schema")).path("format").asText());
          for (String n : BAD_NUMBERS) {
            if (int64 && (n.equals("2147483648") || n.equals("-2147483649"))) {
              continue; // within a long: a valid cursor (audit before=, hotline after=)
            }
            String q = fill(path, params, false) + "?" + others + name + "=" + encode(n);
            judge("numbers", base, new Request(method, q, body, ct), name, true, t);
          }
        }
      } else if (in.equals("path")) {
        for (String c : new String[] {"%00", "%01", "%1B", "%7F"}) {
          String q = path;
          for (JsonNode other : params) {
            if ("path".equals(other.path("in").asText())) {
              String v = other == p ? "a" + c + "b" : UUID.randomUUID().toString();
              q = q.replace("{" + other.path("name").asText() + "}", v);
            }
          }
          judge("control characters", base, new Request(method, q, body, ct), name, true, t);
        }
      }
    }
    if (bodySchema != null) {
      ObjectNode valid = sample(doc, bodySchema, 0);
      for (var e : propertiesOf(doc, bodySchema).entrySet()) {
        JsonNode ps = resolve(doc, e.getValue());
        String f = e.getKey();
        String type = ps.path("type").asText();
        if (type.equals("string")) {
          for (String c : CONTROLS) {
            if (c.equals("\u007f")) {
              continue; // DEL in free text: refused in JSON strings too, one is enough
            }
            ObjectNode b = valid.deepCopy();
            b.put(f, "a" + c + "b");
            judge(
                "control characters",
                base,
                new Request(method, fill(path, params, false), b.toString(), "application/json"),
                f,
                true,
                t);
          }
        } else if (type.equals("object")) {
          for (var inner : propertiesOf(doc, ps).entrySet()) {
            if (resolve(doc, inner.getValue()).path("type").asText().equals("string")) {
              ObjectNode b = valid.deepCopy();
              ((ObjectNode) b.get(f)).put(inner.getKey(), "a\u0000b");
              judge(
                  "control characters",
                  base,
                  new Request(method, fill(path, params, false), b.toString(), "application/json"),
                  f + "." + inner.getKey(),
                  true,
                  t);
            }
          }
        } else if (type.equals("integer")) {
          ObjectNode b = valid.deepCopy();
          b.put(f, new java.math.BigInteger("99999999999999999999"));
          judge(
              "numbers",
              base,
              new Request(method, fill(path, params, false), b.toString(), "application/json"),
              f,
              true,
              t);
        }
      }
    }
    // uploads: every operation whose body is not JSON only
    JsonNode content = op.path("requestBody").path("content");
    boolean upload = false;
    for (var it = content.fieldNames(); it.hasNext(); ) {
      upload |= !it.next().equals("application/json");
    }
    if (upload && method.equals("POST")) {
      boolean seeded = path.equals("/api/v1/reports/{id}/attachments") && seededReport != null;
      String target = seeded ? path.replace("{id}", seededReport) : fill(path, params, false);
      String purpose =
          path.endsWith("/photos")
              ? "?purpose=AFTER"
              : path.endsWith("/attachments") ? "?purpose=BEFORE" : "";
      for (byte[] lie : LYING_FILES) {
        for (String type : new String[] {"image/jpeg", "image/png"}) {
          judgeBytes(base, target + purpose, type, lie, seeded ? "contentType" : null, t);
        }
      }
    }
  }

  private void judge(String cls, String base, Request r, String field, boolean mustName, Tally t)
      throws Exception {
    Outcome o = send(base, r);
    record(cls, r.method + " " + r.path, o, field, mustName, t);
  }

  private void judgeBytes(
      String base, String path, String type, byte[] bytes, String field, Tally t) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + Stack.token(Stack.CAMPAIGN_USER))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    Outcome o = outcome(http.send(req, HttpResponse.BodyHandlers.ofString()));
    record("lying files", "POST " + path + " as " + type, o, field, field != null, t);
  }

  private void record(String cls, String what, Outcome o, String field, boolean mustName, Tally t) {
    int[] c = CLASSES.computeIfAbsent(currentService + " " + cls, k -> new int[2]);
    c[0]++;
    t.sent++;
    boolean refused = o.status >= 400 && o.status < 500 && o.problem && o.names;
    boolean named =
        !mustName
            || field == null
            || o.status == 404 // a path that no longer matches its template: nothing reached
            || o.body.contains("\"" + field + "\"")
            || o.body.contains(field);
    if (o.status >= 500) {
      t.server5xx++;
    } else if (o.status >= 400) {
      t.problem4xx += o.problem && o.names ? 1 : 0;
      t.plain4xx += o.problem && o.names ? 0 : 1;
    } else {
      t.ok2xx++;
    }
    if (!refused || !named) {
      c[1]++;
      if (CLASS_EXAMPLES.size() < 40) {
        CLASS_EXAMPLES.add(
            cls
                + ": "
                + o.status
                + " <- "
                + (what.length() > 140 ? what.substring(0, 140) + "…" : what)
                + " (field "
                + field
                + ") "
                + (o.body.length() > 200 ? o.body.substring(0, 200) : o.body));
      }
    }
  }

  /** A PHONE 来电 report with the campaign's reporter, for the lying files; null if refused. */
  private String seedReport() throws Exception {
    String body =
        "{\"channel\":\"PHONE\",\"kind\":\"REPORT\",\"description\":\"坏输入测试：路灯不亮\","
            + "\"location\":{\"lon\":118.8632,\"lat\":26.2231},\"address\":\"梅城镇台山路\","
            + "\"reporter\":{\"name\":\""
            + CAMPAIGN_NAME
            + "\",\"phone\":\""
            + CAMPAIGN_PHONE
            + "\"}}";
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(Stack.INTAKE + "/api/v1/reports"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Stack.token(Stack.CAMPAIGN_USER))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      System.out.println("seed report refused: " + r.statusCode() + " " + r.body());
      return null;
    }
    // let its events settle in every service before the row counts are taken
    Map<String, Long> last = rowCounts();
    for (int i = 0; i < 30; i++) {
      Thread.sleep(1000);
      Map<String, Long> now = rowCounts();
      if (now.equals(last) && i >= 3) {
        break;
      }
      last = now;
    }
    return JSON.readTree(r.body()).path("id").asText();
  }

  private static Path logsDir() {
    String dir = System.getProperty("szcg.logs.dir");
    return dir == null ? null : Path.of(dir);
  }

  /** The size of each service's log before the run (the campaign reads only what it added). */
  private static Map<String, Long> logSizes(Iterable<String> services) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    Path dir = logsDir();
    if (dir == null) {
      System.out.println("no -Dszcg.logs.dir: the services' logs are not searched");
      return out;
    }
    for (String svc : services) {
      Path f = dir.resolve(svc + ".log");
      out.put(svc, Files.exists(f) ? Files.size(f) : 0L);
    }
    return out;
  }

  /** Lines each service logged during the run that carry the campaign's name or phone. */
  private static Map<String, List<String>> personalDataLogged(Map<String, Long> offsets)
      throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    Path dir = logsDir();
    for (var e : offsets.entrySet()) {
      Path f = dir.resolve(e.getKey() + ".log");
      List<String> hits = new ArrayList<>();
      if (Files.exists(f)) {
        byte[] all = Files.readAllBytes(f);
        int from = (int) Math.min(all.length, e.getValue());
        String added = new String(all, from, all.length - from, StandardCharsets.UTF_8);
        for (String line : added.split("\n")) {
          if (line.contains(CAMPAIGN_NAME) || line.contains(CAMPAIGN_PHONE)) {
            hits.add(line.length() > 300 ? line.substring(0, 300) + "…" : line);
          }
        }
      }
      out.put(e.getKey(), hits);
    }
    return out;
  }

  private static void example(Tally t, Request r, Outcome o) {
    if (t.examples.size() < 3) {
      String body = r.body == null ? "" : r.body;
      t.examples.add(
          o.status
              + " <- "
              + r.method
              + " "
              + (r.path.length() > 120 ? r.path.substring(0, 120) + "…" : r.path)
              + " "
              + (body.length() > 160 ? body.substring(0, 160) + "…" : body));
    }
  }

  record Request(String method, String path, String body, String contentType) {}

  private Request body(
      String method, String path, List<JsonNode> params, String body, String contentType) {
    return new Request(method, fill(path, params, false), body, contentType);
  }

  private Request plain(String method, String path, List<JsonNode> params, boolean hasJsonBody) {
    return new Request(method, path, hasJsonBody ? "{\"broken\": " : null, "application/json");
  }

  /**
   * Valid values for the other query parameters that have an obvious one (an enum's first value;
   * dispatch's photo {@code purpose}, a free string in the document until its enum is declared), so
   * that a mutation breaks the request in one place only and its refusal must name that place.
   */
  private String otherQuery(JsonNode doc, List<JsonNode> params, JsonNode except, String path) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode o : params) {
      if (o == except || !"query".equals(o.path("in").asText())) {
        continue;
      }
      JsonNode sc = resolve(doc, o.path("schema"));
      String n = o.path("name").asText();
      String v =
          sc.path("enum").size() > 0
              ? sc.path("enum").get(0).asText()
              : n.equals("purpose") ? (path.contains("/attachments") ? "BEFORE" : "AFTER") : null;
      if (v != null) {
        sb.append(n).append('=').append(encode(v)).append('&');
      }
    }
    return sb.toString();
  }

  /** Path parameters: a plausible value, or (bad = true) a malformed one. */
  private String fill(String path, List<JsonNode> params, boolean bad) {
    String out = path;
    for (JsonNode p : params) {
      if (!"path".equals(p.path("in").asText())) {
        continue;
      }
      String v = bad ? injectionPath() : UUID.randomUUID().toString();
      out = out.replace("{" + p.path("name").asText() + "}", v);
    }
    return out;
  }

  private String badQuery(List<JsonNode> params) {
    StringBuilder sb = new StringBuilder("?");
    for (JsonNode p : params) {
      if (!"query".equals(p.path("in").asText())) {
        continue;
      }
      String type = p.path("schema").path("type").asText();
      String v =
          switch (random.nextInt(4)) {
            case 0 -> "not-a-" + (type.isEmpty() ? "value" : type);
            case 1 -> "-99999999999999999999";
            case 2 -> "2026-13-45T25:61:00Z";
            default -> encode(injection());
          };
      sb.append(p.path("name").asText()).append('=').append(encode(v)).append('&');
    }
    // at least one parameter is malformed whatever its type: a page size far over every limit
    sb.append("size=100000000&page=-5");
    return sb.toString();
  }

  private String injectionPath() {
    String[] bad = {
      "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "x".repeat(3000), "%27%20OR%201%3D1", "-1", "%F0%9F%99%82"
    };
    return bad[random.nextInt(bad.length)];
  }

  private String injection() {
    return INJECTIONS[random.nextInt(INJECTIONS.length)];
  }

  private String randomGarbage() {
    String[] garbage = {
      "{", "}", "null", "nul", "{\"a\":1,,}", "\"string\"", "12", "{'a':1}", "\u0000"
    };
    return garbage[random.nextInt(garbage.length)];
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A value of the wrong JSON type for the schema. */
  private JsonNode wrongType(JsonNode schema) {
    String type = schema.path("type").asText();
    return switch (type) {
      case "string" -> random.nextBoolean() ? F.objectNode().put("x", 1) : F.arrayNode().add(1);
      case "integer", "number" -> F.textNode("not a number " + injection());
      case "boolean" -> F.objectNode();
      case "array" -> F.textNode("not an array");
      default -> F.textNode("not an object");
    };
  }

  /** A value of the right type that breaks the schema's limits, or null if it has none. */
  private JsonNode invalidValue(String name, JsonNode schema) {
    String lower = name.toLowerCase();
    if (schema.has("enum")) {
      return F.textNode(injection() + "_NOT_IN_ENUM");
    }
    if (schema.has("maxLength")) {
      return F.textNode("长".repeat(schema.path("maxLength").asInt() + 1 + random.nextInt(100)));
    }
    if (schema.has("pattern")) {
      return F.textNode(injection() + " \n\t");
    }
    if ("date-time".equals(schema.path("format").asText())) {
      return F.textNode(random.nextBoolean() ? "2026-02-30T10:00:00Z" : "yesterday");
    }
    if (schema.has("maximum")) {
      return F.numberNode(schema.path("maximum").asDouble() * 10 + 1000);
    }
    if (schema.has("minimum")) {
      return F.numberNode(schema.path("minimum").asDouble() - 1000);
    }
    if (lower.equals("lon") || lower.equals("longitude")) {
      return F.numberNode(random.nextBoolean() ? 0.0 : 116.4); // outside the county
    }
    if (lower.equals("lat") || lower.equals("latitude")) {
      return F.numberNode(random.nextBoolean() ? 0.0 : 39.9);
    }
    return null;
  }

  /** A well-formed body from the schema (the base that each mutation breaks in one place). */
  private ObjectNode sample(JsonNode doc, JsonNode schema, int depth) {
    ObjectNode o = F.objectNode();
    for (var e : propertiesOf(doc, schema).entrySet()) {
      o.set(e.getKey(), sampleValue(doc, resolve(doc, e.getValue()), e.getKey(), depth + 1));
    }
    if (o.has("type") && o.has("coordinates")) {
      // a GeoJSON geometry: a point in the county (its type is a free string in the document)
      o.put("type", "Point");
      o.set("coordinates", F.arrayNode().add(118.8632).add(26.2231));
    }
    return o;
  }

  private JsonNode sampleValue(JsonNode doc, JsonNode s, String name, int depth) {
    if (s.has("enum") && s.path("enum").size() > 0) {
      return s.path("enum").get(0);
    }
    String type = s.path("type").asText();
    if (type.isEmpty() && s.has("properties")) {
      type = "object";
    }
    String lower = name.toLowerCase();
    return switch (type) {
      case "integer" -> F.numberNode(1);
      case "number" ->
          F.numberNode(lower.contains("lon") ? 118.8632 : lower.contains("lat") ? 26.2231 : 1.0);
      case "boolean" -> F.booleanNode(false);
      case "array" -> {
        ArrayNode a = F.arrayNode();
        if (depth < 3) {
          a.add(sampleValue(doc, resolve(doc, s.path("items")), name, depth + 1));
        }
        yield a;
      }
      case "object" -> {
        ObjectNode o = depth < 4 ? sample(doc, s, depth) : F.objectNode();
        if (lower.equals("geometry")) {
          // a GeoJSON geometry: a point in the county (its type is a free string in the document)
          o.put("type", "Point");
          o.set("coordinates", F.arrayNode().add(118.8632).add(26.2231));
        }
        yield o;
      }
      default ->
          "uuid".equals(s.path("format").asText())
              // a reference to a report: the seeded one (it exists and is the campaign user's),
              // so that the mutated field, not a missing report, decides the answer
              ? F.textNode(
                  lower.equals("reportid") && seededReport != null
                      ? seededReport
                      : UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString())
              : "date-time".equals(s.path("format").asText())
                  ? F.textNode("2026-03-02T09:15:00+08:00")
                  : "date".equals(s.path("format").asText())
                      ? F.textNode("2026-03-02")
                      : lower.equals("phone")
                          ? F.textNode(CAMPAIGN_PHONE)
                          : lower.equals("name") ? F.textNode(CAMPAIGN_NAME) : F.textNode("示例");
    };
  }

  private static List<String> requiredOf(JsonNode doc, JsonNode schema) {
    List<String> out = new ArrayList<>();
    resolve(doc, schema).path("required").forEach(n -> out.add(n.asText()));
    for (JsonNode part : resolve(doc, schema).path("allOf")) {
      resolve(doc, part).path("required").forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  private static Map<String, JsonNode> propertiesOf(JsonNode doc, JsonNode schema) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode s = resolve(doc, schema);
    s.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    for (JsonNode part : s.path("allOf")) {
      resolve(doc, part)
          .path("properties")
          .fields()
          .forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static JsonNode resolve(JsonNode doc, JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 10 && n != null && n.has("$ref"); i++) {
      String ref = n.path("$ref").asText();
      JsonNode target = doc;
      for (String part : ref.replaceFirst("^#/", "").split("/")) {
        target = target.path(part);
      }
      n = target;
    }
    return n == null ? F.missingNode() : n;
  }

  // ------------------------------------------------------------------ transport and checks

  private JsonNode openApi(String base) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), "OpenAPI of " + base);
    return JSON.readTree(r.body());
  }

  private Outcome send(String base, Request r) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + r.path))
            .timeout(Duration.ofSeconds(30))
            // a real Keycloak token holding every human role, so that each malformed request
            // passes the gate and reaches validation (the role gates have their own matrix tests)
            .header("Authorization", "Bearer " + Stack.token(Stack.CAMPAIGN_USER));
    HttpRequest.BodyPublisher pub =
        r.body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(r.body);
    if (r.contentType != null && r.body != null) {
      b.header("Content-Type", r.contentType);
    }
    b.method(r.method, pub);
    HttpResponse<String> resp;
    try {
      resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IllegalArgumentException e) {
      // a path the client itself refuses to send is not a request the server saw
      return new Outcome(400, true, true, "(not sent: " + e.getMessage() + ")");
    }
    return outcome(resp);
  }

  private Outcome outcome(HttpResponse<String> resp) {
    String ct = resp.headers().firstValue("Content-Type").orElse("");
    boolean problem = ct.startsWith("application/problem+json");
    boolean names = false;
    if (problem) {
      try {
        JsonNode p = JSON.readTree(resp.body());
        names =
            p.path("status").asInt() == resp.statusCode()
                && !p.path("title").asText().isBlank()
                && (!p.path("detail").asText().isBlank() || p.path("errors").size() > 0);
      } catch (Exception e) {
        names = false;
      }
    }
    if (!problem && resp.uri().getPath().startsWith("/open311/")) {
      // Open311 GeoReport v2 answers errors in the spec's own shape, not problem+json
      // (docs/api.md): [{"code": <status>, "description": "<parameter>: …"}] or <errors> in XML
      problem = open311Error(resp);
      names = problem;
    }
    return new Outcome(resp.statusCode(), problem, names, resp.body() == null ? "" : resp.body());
  }

  private static boolean open311Error(HttpResponse<String> resp) {
    String body = resp.body() == null ? "" : resp.body();
    try {
      if (body.trim().startsWith("<")) {
        return body.contains("<errors>")
            && body.contains("<code>" + resp.statusCode() + "</code>")
            && body.matches("(?s).*<description>[^<]+</description>.*");
      }
      JsonNode a = JSON.readTree(body);
      if (!a.isArray() || a.isEmpty()) {
        return false;
      }
      for (JsonNode e : a) {
        if (e.path("code").asInt() != resp.statusCode()
            || e.path("description").asText().isBlank()) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** Exact row counts of every table of every service's database. */
  private static Map<String, Long> rowCounts() throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    for (String db :
        List.of("szcg_gis", "szcg_intake", "szcg_dispatch", "szcg_sla", "szcg_assessment")) {
      String url = "jdbc:postgresql://127.0.0.1:5432/" + db + DB_SUFFIX;
      try (Connection c = DriverManager.getConnection(url, db, db);
          Statement st = c.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs =
            st.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                    + " AND tablename NOT IN ('flyway_schema_history', 'szcg_audit')")) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        for (String t : tables) {
          try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
            rs.next();
            counts.put(db + "." + t, rs.getLong(1));
          }
        }
      }
    }
    return counts;
  }
}
