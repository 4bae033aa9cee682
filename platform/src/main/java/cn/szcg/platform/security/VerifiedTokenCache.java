package cn.szcg.platform.security;

import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once, not on every call. quarkus-oidc checks a JWT's RS256 signature,
 * issuer, expiry and roles on every request (≈ 14 % of intake-service's CPU at its registration
 * rate: the RSA check, jose4j's JSON parsing of the claims twice, base64); machine clients such as
 * the hotline platform send the same token thousands of times until it expires. This provider runs
 * before quarkus-oidc's: a token it has seen verified within the last {@code max-age-seconds} and
 * that has not expired gets the identity quarkus-oidc built for it (with the current request's
 * routing context put back); any other token goes to quarkus-oidc unchanged, and only a verified
 * one is remembered. A refused token is never cached, so it is refused every time.
 *
 * <p>What this gives up is the same as stateless JWT verification already does: a token revoked at
 * Keycloak stays usable until it expires (access tokens live minutes); a key rotated out of the
 * JWKS is noticed for a cached token at most {@code max-age-seconds} later. Settings: {@code
 * szcg.security.token-cache.enabled} (true), {@code .max-size} (10,000 tokens), {@code
 * .max-age-seconds} (300).
 */
@ApplicationScoped
public class VerifiedTokenCache implements IdentityProvider<TokenAuthenticationRequest> {

  @Inject OidcIdentityProvider oidc;

  @ConfigProperty(name = "szcg.security.token-cache.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.security.token-cache.max-size", defaultValue = "10000")
  int maxSize;

  @ConfigProperty(name = "szcg.security.token-cache.max-age-seconds", defaultValue = "300")
  long maxAgeSeconds;

  private record Entry(SecurityIdentity identity, long validUntilMillis) {}

  private final Map<String, Entry> verified = new ConcurrentHashMap<>();

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  /** Before quarkus-oidc's provider (which has the default, SYSTEM_FIRST + 1). */
  @Override
  public int priority() {
    return SYSTEM_FIRST + 100;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    if (!enabled) {
      return oidc.authenticate(request, context);
    }
    String token = request.getToken().getToken();
    long now = System.currentTimeMillis();
    Entry hit = token == null ? null : verified.get(token);
    if (hit != null) {
      if (hit.validUntilMillis() > now) {
        return Uni.createFrom().item(forThisRequest(hit.identity(), request));
      }
      verified.remove(token, hit);
    }
    return oidc.authenticate(request, context)
        .invoke(
            identity -> {
              if (identity != null && token != null) {
                remember(token, identity, now);
              }
            });
  }

  private void remember(String token, SecurityIdentity identity, long now) {
    long until = now + maxAgeSeconds * 1000;
    if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
      until = Math.min(until, jwt.getExpirationTime() * 1000);
    } else {
      return; // no expiry to honour: verify every time
    }
    if (until <= now) {
      return;
    }
    SecurityIdentity kept = detached(identity);
    if (kept == null) {
      return;
    }
    if (verified.size() >= maxSize) {
      verified.values().removeIf(e -> e.validUntilMillis() <= now);
      if (verified.size() >= maxSize) {
        verified.clear(); // bounded memory; the next calls verify again
      }
    }
    verified.put(token, new Entry(kept, until));
  }

  /**
   * The identity without the attributes of the request that built it (its routing context, which
   * holds that request and its body, and its blocking-API context): what is remembered must not
   * keep a request alive for minutes. Null when the identity is not of the kind quarkus-oidc builds
   * (then it is not remembered).
   */
  public static SecurityIdentity detached(SecurityIdentity identity) {
    if (!(identity instanceof QuarkusSecurityIdentity q)) {
      return null;
    }
    Map<String, Object> attributes = new java.util.HashMap<>(q.getAttributes());
    attributes.remove(RoutingContext.class.getName());
    attributes.remove(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
    attributes.remove(AuthenticationRequestContext.class.getName());
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(q.getPrincipal())
        .setAnonymous(q.isAnonymous())
        .addRoles(q.getRoles())
        .addCredentials(q.getCredentials())
        .addPermissions(q.getPermissions())
        .addAttributes(attributes)
        .build();
  }

  /**
   * The cached identity with this request's per-request attributes (quarkus-oidc keeps the routing
   * context and the blocking-API context of the request that built it).
   */
  private static SecurityIdentity forThisRequest(
      SecurityIdentity cached, TokenAuthenticationRequest request) {
    RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
    if (rc == null) {
      return cached;
    }
    QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder(cached);
    b.addAttribute(RoutingContext.class.getName(), rc);
    Object blocking = rc.get(AuthenticationRequestContext.class.getName());
    if (blocking != null) {
      b.addAttribute(AuthenticationRequestContext.class.getName(), blocking);
    }
    return b.build();
  }

  /** How many verified tokens are remembered (for tests and metrics). */
  public int size() {
    return verified.size();
  }
}
