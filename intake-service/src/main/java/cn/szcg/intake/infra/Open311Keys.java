package cn.szcg.intake.infra;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Open311 {@code api_key} (docs/api.md, "Open311 GeoReport v2"): an app is a confidential
 * client of the {@code minqing} realm holding the realm role {@code open311-app}; its api_key is
 * {@code <client_id>:<client_secret>}. The key is checked at Keycloak — a client-credentials grant
 * at the realm's token endpoint — and the access token Keycloak returns is verified like any bearer
 * token of the suite (signature, issuer, expiry: quarkus-oidc's default tenant) and must carry the
 * role. A good key is remembered by its SHA-256 (never the key itself) until its token expires, at
 * most {@code szcg.open311.key-cache-seconds} (300): a disabled client or a changed secret stops
 * working at most that much later. A refused key is not remembered.
 */
@ApplicationScoped
public class Open311Keys {

  private static final Logger LOG = Logger.getLogger(Open311Keys.class);

  /** The realm role of an Open311 app. */
  public static final String ROLE = "open311-app";

  @ConfigProperty(name = "szcg.open311.token-url")
  Optional<String> tokenUrl;

  @ConfigProperty(name = "quarkus.oidc.auth-server-url")
  Optional<String> authServer;

  @ConfigProperty(name = "szcg.open311.key-cache-seconds", defaultValue = "300")
  long maxAgeSeconds;

  @Inject TenantIdentityProvider tokens;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private record Known(String clientId, Instant until) {}

  private final Map<String, Known> known = new ConcurrentHashMap<>();

  /** Why a key was refused: none given, or not a good key of an Open311 app. */
  public enum Refusal {
    MISSING,
    INVALID,
    UNAVAILABLE
  }

  /** The outcome: the app's client id, or why not. */
  public record Check(String clientId, Refusal refusal) {
    public boolean ok() {
      return clientId != null;
    }
  }

  /** The app's client id for this api_key, or the refusal. Blocking (call on a worker thread). */
  public Check check(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      return new Check(null, Refusal.MISSING);
    }
    String digest = sha256(apiKey);
    Instant now = Instant.now();
    Known k = known.get(digest);
    if (k != null && now.isBefore(k.until())) {
      return new Check(k.clientId(), null);
    }
    int colon = apiKey.indexOf(':');
    if (colon <= 0 || colon == apiKey.length() - 1 || apiKey.length() > 512) {
      return new Check(null, Refusal.INVALID);
    }
    String clientId = apiKey.substring(0, colon);
    String secret = apiKey.substring(colon + 1);
    String accessToken;
    try {
      HttpResponse<String> res =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint()))
                  .timeout(Duration.ofSeconds(3))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&client_id="
                              + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                              + "&client_secret="
                              + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() == 400 || res.statusCode() == 401) {
        return new Check(null, Refusal.INVALID); // unknown client or wrong secret
      }
      if (res.statusCode() != 200) {
        LOG.warnf("Open311 key check: the token endpoint answered %d", res.statusCode());
        return new Check(null, Refusal.UNAVAILABLE);
      }
      accessToken =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(res.body())
              .path("access_token")
              .asText(null);
    } catch (IOException e) {
      LOG.warnf("Open311 key check: the token endpoint is unreachable (%s)", e.toString());
      return new Check(null, Refusal.UNAVAILABLE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Check(null, Refusal.UNAVAILABLE);
    }
    if (accessToken == null) {
      return new Check(null, Refusal.INVALID);
    }
    SecurityIdentity id;
    try {
      id =
          tokens
              .authenticate(new AccessTokenCredential(accessToken))
              .await()
              .atMost(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.warnf("Open311 key check: the token of client %s did not verify", clientId);
      return new Check(null, Refusal.INVALID);
    }
    String azp = cn.szcg.platform.security.Caller.clientIdOf(id);
    if (!id.hasRole(ROLE) || !clientId.equals(azp)) {
      return new Check(null, Refusal.INVALID); // a client of the realm, but not an Open311 app
    }
    Instant until = now.plusSeconds(maxAgeSeconds);
    Long exp = expiry(id);
    if (exp != null && Instant.ofEpochSecond(exp).isBefore(until)) {
      until = Instant.ofEpochSecond(exp);
    }
    if (known.size() > 10_000) {
      known.clear();
    }
    known.put(digest, new Known(clientId, until));
    return new Check(clientId, null);
  }

  private static Long expiry(SecurityIdentity id) {
    if (id.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt) {
      return jwt.getExpirationTime() > 0 ? jwt.getExpirationTime() : null;
    }
    return null;
  }

  private String endpoint() {
    return tokenUrl
        .filter(s -> !s.isBlank())
        .orElseGet(
            () ->
                authServer.orElse("http://127.0.0.1:8180/realms/minqing")
                    + "/protocol/openid-connect/token");
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
