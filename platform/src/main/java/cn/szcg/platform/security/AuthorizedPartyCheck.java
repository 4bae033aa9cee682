package cn.szcg.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts only tokens issued to the suite's own clients of the {@code minqing} realm (issue 19,
 * docs/security.md "Hardening"): the token's authorized party ({@code azp}, else {@code client_id})
 * must be one of {@code szcg.security.allowed-clients}. A token Keycloak issued to one of its
 * built-in clients ({@code admin-cli}, {@code account-console}, …) for a user of the realm is
 * signed by the same key and names the same issuer, but it was never meant for these APIs: 401, as
 * any other unusable token. Runs for every request, after {@link VerifiedTokenCache} (a set
 * lookup).
 */
@ApplicationScoped
public class AuthorizedPartyCheck implements SecurityIdentityAugmentor {

  /**
   * The realm's clients (deploy/local/keycloak/minqing-realm.json), including one per county system
   * ({@code county-housing}, {@code county-water}: docs/api.md "County systems"); Kubernetes and
   * the local stack set the list with {@code SZCG_SECURITY_ALLOWED_CLIENTS}.
   */
  public static final String SUITE_CLIENTS =
      "szcg-web,szcg-mobile,hotline-12345,county-systems,county-housing,county-water,"
          + "intake-service,dispatch-service,gis-service,sla-service,assessment-service";

  @ConfigProperty(name = "szcg.security.allowed-clients", defaultValue = SUITE_CLIENTS)
  Set<String> allowed;

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity == null || identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    String client = Caller.clientIdOf(identity);
    if (client == null || !allowed.contains(client)) {
      return Uni.createFrom()
          .failure(
              new AuthenticationFailedException(
                  "the token was issued to a client that is not one of the suite's"));
    }
    return Uni.createFrom().item(identity);
  }
}
