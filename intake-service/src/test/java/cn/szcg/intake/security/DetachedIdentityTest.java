package cn.szcg.intake.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.platform.security.VerifiedTokenCache;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.StringPermission;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import org.junit.jupiter.api.Test;

/**
 * What the token cache remembers keeps the caller (principal, roles, credentials, permissions,
 * other attributes) but not the request that first presented the token: its routing context holds
 * that request (and its body) and would stay alive for minutes.
 */
class DetachedIdentityTest {

  @Test
  void theFirstRequestIsNotKeptAlive() {
    RoutingContext rc =
        (RoutingContext)
            Proxy.newProxyInstance(
                RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class},
                (p, m, a) ->
                    switch (m.getName()) {
                      case "equals" -> p == a[0];
                      case "hashCode" -> System.identityHashCode(p);
                      default -> null;
                    });
    Principal who = () -> "hotline-platform";
    SecurityIdentity verified =
        QuarkusSecurityIdentity.builder()
            .setPrincipal(who)
            .addRole("hotline-platform")
            .addCredential(new AccessTokenCredential("t0k3n"))
            .addPermissionAsString("reports:write")
            .addAttribute(RoutingContext.class.getName(), rc)
            .addAttribute(AuthenticationRequestContext.class.getName(), new Object())
            .addAttribute("tenant-id", "Default")
            .build();

    SecurityIdentity kept = VerifiedTokenCache.detached(verified);

    assertNull(kept.getAttribute(RoutingContext.class.getName()));
    assertNull(kept.getAttribute(AuthenticationRequestContext.class.getName()));
    assertFalse(kept.getAttributes().containsValue(rc));
    assertEquals("Default", kept.getAttribute("tenant-id"));
    assertEquals(who, kept.getPrincipal());
    assertTrue(kept.hasRole("hotline-platform"));
    assertEquals("t0k3n", kept.getCredential(AccessTokenCredential.class).getToken());
    StringPermission write = new StringPermission("reports", "write");
    assertTrue(verified.checkPermissionBlocking(write));
    assertTrue(kept.checkPermissionBlocking(write), "permissions kept");
    assertFalse(kept.checkPermissionBlocking(new StringPermission("reports", "delete")));
  }
}
