package cn.szcg.testsupport.security;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * The authorization matrix of one service: every operation of its OpenAPI document × every realm
 * role, no token, an expired token and a token signed by a foreign key. An operation missing from
 * the matrix fails the test, so a new endpoint cannot ship without its row.
 *
 * <p>Expected: no token / expired / foreign → 401 (public operations excepted); a role not allowed
 * → 403; an allowed role → the operation's own expectation (by default any status but 401/403 and
 * below 500 — a request the role may make but that the state refuses, e.g. 404 for an unknown id or
 * 409, still proves the role passed the gate).
 */
public final class AuthzMatrix {

  /** The suite's realm roles, as in the realm (kept here so test-support needs no platform). */
  public static final List<String> ROLES =
      List.of(
          "collector",
          "operator",
          "shift-lead",
          "dispatcher",
          "unit-receiver",
          "unit-leader",
          "unit-handler",
          "efficiency-office",
          "supervision-office",
          "county-government",
          "admin",
          "hotline-platform",
          "county-system",
          "szcg-service");

  /** Any realm role. */
  public static final Set<String> ANY_ROLE = Set.copyOf(ROLES);

  /** The unit used for unit roles' tokens in the matrix. */
  public static final String MATRIX_UNIT = "U-MATRIX";

  private final Map<String, Row> rows = new LinkedHashMap<>();

  /** One operation's row. */
  public static final class Row {
    final String method;
    final String template;
    String path;
    Set<String> allowed = Set.of();
    boolean isPublic;
    IntPredicate ok = s -> s != 401 && s != 403 && s < 500;
    String okText = "not 401/403, below 500";
    UnaryOperator<RequestSpecification> prepare = r -> r;

    Row(String method, String template) {
      this.method = method;
      this.template = template;
      this.path = template;
    }

    /** The concrete path to call (template variables filled in). */
    public Row path(String concrete) {
      this.path = concrete;
      return this;
    }

    public Row allow(String... roles) {
      Set<String> s = new TreeSet<>(this.allowed);
      s.addAll(List.of(roles));
      this.allowed = s;
      return this;
    }

    public Row allow(Set<String> roles) {
      Set<String> s = new TreeSet<>(this.allowed);
      s.addAll(roles);
      this.allowed = s;
      return this;
    }

    /** Public by design: no token needed, every role allowed. */
    public Row publicOperation() {
      this.isPublic = true;
      this.allowed = ANY_ROLE;
      return this;
    }

    /** Allowed roles must get exactly one of these statuses. */
    public Row expect(int... statuses) {
      Set<Integer> set = new TreeSet<>();
      for (int s : statuses) {
        set.add(s);
      }
      this.ok = set::contains;
      this.okText = set.toString();
      return this;
    }

    /** Body, content type, query parameters. */
    public Row with(UnaryOperator<RequestSpecification> prepare) {
      this.prepare = prepare;
      return this;
    }
  }

  public Row op(String method, String template) {
    Row r = new Row(method.toUpperCase(), template);
    rows.put(r.method + " " + template, r);
    return r;
  }

  /** Every operation of the running service's OpenAPI document. */
  public static Set<String> openApiOperations() {
    String json =
        given()
            .accept("application/json")
            .get("/q/openapi?format=json")
            .then()
            .extract()
            .asString();
    try {
      JsonNode paths = new ObjectMapper().readTree(json).path("paths");
      Set<String> ops = new TreeSet<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        for (Iterator<String> m = e.getValue().fieldNames(); m.hasNext(); ) {
          String method = m.next().toUpperCase();
          if (Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
            ops.add(method + " " + e.getKey());
          }
        }
      }
      return ops;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs the matrix; throws an AssertionError listing every cell that differs. */
  public void verify() {
    RequestSpecification saved = io.restassured.RestAssured.requestSpecification;
    io.restassured.RestAssured.requestSpecification = null;
    try {
      run();
    } finally {
      io.restassured.RestAssured.requestSpecification = saved;
    }
  }

  private void run() {
    Set<String> documented = openApiOperations();
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(rows.keySet());
    Set<String> unknown = new TreeSet<>(rows.keySet());
    unknown.removeAll(documented);
    List<String> failures = new ArrayList<>();
    if (!missing.isEmpty()) {
      failures.add("operations without a matrix row: " + missing);
    }
    if (!unknown.isEmpty()) {
      failures.add("matrix rows for operations the service does not have: " + unknown);
    }
    int cells = 0;
    for (Row r : rows.values()) {
      if (!r.isPublic) {
        cells += 3;
        check(failures, r, "no token", null, s -> s == 401, "401");
        check(
            failures,
            r,
            "expired token",
            TestTokens.user("expired", "admin").expired().build(),
            s -> s == 401,
            "401");
        check(
            failures,
            r,
            "foreign-signed token",
            TestTokens.user("forged", "admin").foreignKey().build(),
            s -> s == 401,
            "401");
      }
      for (String role : ROLES) {
        cells++;
        String token =
            role.startsWith("unit-")
                ? TestTokens.ofUnit(role, MATRIX_UNIT)
                : TestTokens.user("matrix-" + role, role)
                    .collector(role.equals("collector") ? "C-MATRIX" : null)
                    .build();
        if (r.allowed.contains(role)) {
          check(failures, r, role, token, r.ok, r.okText);
        } else {
          check(failures, r, role, token, s -> s == 403, "403");
        }
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size()
              + " of "
              + cells
              + " authorization cells differ:\n  "
              + String.join("\n  ", failures));
    }
  }

  private static void check(
      List<String> failures,
      Row r,
      String who,
      String token,
      IntPredicate expected,
      String expectedText) {
    RequestSpecification spec = given();
    if (token != null) {
      spec = spec.auth().oauth2(token);
    }
    spec = r.prepare.apply(spec);
    Response res = spec.request(r.method, r.path);
    int s = res.statusCode();
    if (!expected.test(s)) {
      failures.add(
          r.method
              + " "
              + r.path
              + " as "
              + who
              + ": "
              + s
              + " (expected "
              + expectedText
              + ") "
              + abbreviate(res.asString()));
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
