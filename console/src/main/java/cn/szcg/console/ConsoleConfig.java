package cn.szcg.console;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** Where the console's proxy sends each service's API, and the login the browser is told. */
@ConfigMapping(prefix = "szcg.console")
public interface ConsoleConfig {

  /** Service name (gis, intake, dispatch, sla, assessment) → its base URL. */
  Map<String, String> upstream();

  /** How long an upstream may stay silent before the proxy answers 504. */
  Duration upstreamTimeout();

  Oidc oidc();

  /** The Keycloak realm and the public client the browser logs in with (code + PKCE). */
  interface Oidc {
    String authority();

    String clientId();
  }
}
