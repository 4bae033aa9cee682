package cn.szcg.gisclient;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The calling service's own bearer token for its calls to other services (gis-service requires the
 * role {@code szcg-service}): a client-credentials grant of the service's Keycloak client ({@code
 * intake-service}, {@code dispatch-service}; {@code quarkus.oidc-client.*}), kept until shortly
 * before it expires ({@code quarkus.oidc-client.refresh-token-time-skew}), then refreshed — with
 * its refresh token if the server issued one, else by a new grant. The token endpoint is asked with
 * a short timeout: a caller that cannot get a token treats the called service as unavailable.
 */
@ApplicationScoped
@Unremovable
public class ServiceToken {

  @Inject OidcClient oidc;

  @ConfigProperty(name = "szcg.service-token.timeout-ms", defaultValue = "800")
  long timeoutMs;

  private volatile Tokens current;

  /**
   * A valid access token, fetched or refreshed when needed.
   *
   * @throws RuntimeException when the token endpoint does not give one in time
   */
  public String accessToken() {
    Tokens t = current;
    if (fresh(t)) {
      return t.getAccessToken();
    }
    synchronized (this) {
      t = current;
      if (fresh(t)) {
        return t.getAccessToken();
      }
      Duration timeout = Duration.ofMillis(timeoutMs);
      Tokens next = null;
      try {
        if (t != null && t.getRefreshToken() != null && !t.isRefreshTokenExpired()) {
          try {
            next = oidc.refreshTokens(t.getRefreshToken()).await().atMost(timeout);
          } catch (RuntimeException refreshFailed) {
            next = null; // fall back to a new client-credentials grant
          }
        }
        if (next == null || next.getAccessToken() == null) {
          next = oidc.getTokens().await().atMost(timeout);
        }
      } catch (RuntimeException e) {
        if (t != null && t.getAccessToken() != null && !t.isAccessTokenExpired()) {
          return t.getAccessToken(); // within the refresh window but still valid: use it meanwhile
        }
        throw e;
      }
      if (next == null || next.getAccessToken() == null) {
        throw new IllegalStateException("the token endpoint returned no access token");
      }
      current = next;
      return next.getAccessToken();
    }
  }

  /** Forget the cached token (the called service refused it): the next call gets a new one. */
  public void invalidate() {
    current = null;
  }

  private static boolean fresh(Tokens t) {
    return t != null
        && t.getAccessToken() != null
        && !t.isAccessTokenExpired()
        && !t.isAccessTokenWithinRefreshInterval();
  }
}
