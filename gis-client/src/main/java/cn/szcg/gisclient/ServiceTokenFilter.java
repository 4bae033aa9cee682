package cn.szcg.gisclient;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The OIDC client filter of {@link GisApi}: every request carries the calling service's own
 * client-credentials token ({@link ServiceToken}, from {@code quarkus.oidc-client.*}). Not the
 * stock {@code @OidcClientFilter}: a caller must be able to drop a token gis refused ({@link
 * ServiceToken#invalidate()}) and to see that no token can be had before it calls at all. When the
 * token endpoint gives none the request fails like gis being down, and the caller falls back.
 */
public class ServiceTokenFilter implements ClientRequestFilter {

  @Override
  public void filter(ClientRequestContext request) {
    String token = Arc.container().instance(ServiceToken.class).get().accessToken();
    request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
  }
}
