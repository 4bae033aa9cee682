package cn.szcg.dispatch.api;

import cn.szcg.testsupport.security.TestTokens;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the tests' actor headers X-Test-User, X-Test-Role (a domain role: DISPATCHER, UNIT_RECEIVER
 * …) and X-Test-Unit into a real signed bearer token ({@link TestTokens}) before the request
 * leaves, so the service sees only the token: realm role {@code unit-receiver} etc., {@code
 * unit_id} claim for the unit, and for a collector the user as {@code collector_id}. Requests
 * without the headers pass unchanged.
 */
public final class TestTokenFilter implements Filter {

  public static final TestTokenFilter INSTANCE = new TestTokenFilter();

  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @Override
  public Response filter(
      FilterableRequestSpecification req, FilterableResponseSpecification res, FilterContext ctx) {
    String role = req.getHeaders().getValue("X-Test-Role");
    if (role != null) {
      String user = req.getHeaders().getValue("X-Test-User");
      String unit = req.getHeaders().getValue("X-Test-Unit");
      req.removeHeader("X-Test-Role");
      req.removeHeader("X-Test-User");
      req.removeHeader("X-Test-Unit");
      req.removeHeader("Authorization");
      req.header("Authorization", "Bearer " + token(user == null ? "test-user" : user, role, unit));
    }
    return ctx.next(req, res);
  }

  /** The token of a test actor (cached: tokens live an hour). */
  public static String token(String user, String domainRole, String unit) {
    return TOKENS.computeIfAbsent(
        user + "|" + domainRole + "|" + unit,
        k -> {
          String realmRole = domainRole.toLowerCase(Locale.ROOT).replace('_', '-');
          TestTokens.Builder b = TestTokens.user(user, realmRole);
          if (unit != null) {
            b.unit(unit);
          }
          if ("collector".equals(realmRole)) {
            b.collector(user);
          }
          return b.build();
        });
  }
}
