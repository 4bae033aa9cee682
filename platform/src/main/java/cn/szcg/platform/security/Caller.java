package cn.szcg.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the verified bearer token of the current request, read the same way in every
 * service. Roles come from {@code realm_access.roles} (quarkus.oidc.roles.role-claim-path), the
 * unit from the {@code unit_id} claim, the calling application from {@code azp}.
 */
@RequestScoped
public class Caller {

  /** The claim carrying a unit user's unit (a protocol mapper on every client of the realm). */
  public static final String UNIT_CLAIM = "unit_id";

  /** The claim carrying a collector's collector id. */
  public static final String COLLECTOR_CLAIM = "collector_id";

  @Inject SecurityIdentity identity;
  @Inject Instance<RoutingContext> routing;

  public boolean authenticated() {
    return !identity.isAnonymous();
  }

  /** The token's subject ({@code sub}); the principal name when the token has none. */
  public String subject() {
    return identity.isAnonymous() ? "anonymous" : subjectOf(identity);
  }

  /** The human-readable account: {@code preferred_username}, else the principal name. */
  public String username() {
    return identity.isAnonymous() ? "anonymous" : usernameOf(identity);
  }

  /** The application the token was issued to ({@code azp}, or {@code client_id}). */
  public String clientId() {
    return clientIdOf(identity);
  }

  /** The caller's unit (unit roles), or null. */
  public String unit() {
    return claim(UNIT_CLAIM);
  }

  /** The collector id of a collector's token, or null. */
  public String collectorId() {
    return claim(COLLECTOR_CLAIM);
  }

  public boolean has(String role) {
    return identity.hasRole(role);
  }

  public boolean hasAny(Iterable<String> roles) {
    for (String r : roles) {
      if (identity.hasRole(r)) {
        return true;
      }
    }
    return false;
  }

  /** The suite's roles the caller holds (sorted; Keycloak's default roles left out). */
  public Set<String> roles() {
    return rolesOf(identity);
  }

  /** A center role: may see a public reporter's name and phone. */
  public boolean isCenter() {
    return hasAny(Roles.CENTER_ROLES);
  }

  /** Holds only unit roles: everything it reads and does is limited to {@link #unit()}. */
  public boolean isUnitScoped() {
    if (!hasAny(Roles.UNIT_ROLES)) {
      return false;
    }
    for (String r : roles()) {
      if (!Roles.UNIT_ROLES.contains(r)) {
        return false;
      }
    }
    return true;
  }

  /** A string claim of the token, or null. */
  public String claim(String name) {
    return claimOf(identity, name);
  }

  /** The subject of an identity's token (the principal name when it has none). */
  public static String subjectOf(SecurityIdentity id) {
    JsonWebToken jwt = id.getPrincipal() instanceof JsonWebToken j ? j : null;
    String sub = jwt == null ? null : jwt.getSubject();
    return sub != null ? sub : id.getPrincipal().getName();
  }

  public static String usernameOf(SecurityIdentity id) {
    String u = claimOf(id, "preferred_username");
    return u != null ? u : id.getPrincipal().getName();
  }

  public static String clientIdOf(SecurityIdentity id) {
    String azp = claimOf(id, "azp");
    return azp != null ? azp : claimOf(id, "client_id");
  }

  public static Set<String> rolesOf(SecurityIdentity id) {
    Set<String> out = new TreeSet<>();
    for (String r : id.getRoles()) {
      if (Roles.ALL.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** A string claim of an identity's token, or null. */
  public static String claimOf(SecurityIdentity id, String name) {
    if (!(id.getPrincipal() instanceof JsonWebToken jwt)) {
      return null;
    }
    Object v = jwt.getClaim(name);
    if (v == null) {
      return null;
    }
    String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
    return s.isBlank() ? null : s;
  }

  /** The client address (X-Forwarded-For honoured when quarkus.http.proxy is configured). */
  public String remoteAddress() {
    if (!routing.isResolvable()) {
      return null;
    }
    try {
      var addr = routing.get().request().remoteAddress();
      return addr == null ? null : addr.hostAddress();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
