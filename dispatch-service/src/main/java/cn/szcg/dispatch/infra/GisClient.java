package cn.szcg.dispatch.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * gis-service's component register (short timeouts: quarkus.rest-client.gis.*). gis-service wants a
 * bearer token with the role szcg-service: the OIDC client filter gets one for the client
 * dispatch-service with client credentials (quarkus.oidc-client.*) and sends it along.
 */
@RegisterRestClient(configKey = "gis")
@OidcClientFilter
@Path("/api/v1/components")
public interface GisClient {

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  Uni<JsonNode> component(@PathParam("id") String componentId);
}
