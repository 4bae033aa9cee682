package cn.szcg.dispatch.infra;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** gis-service's component register (short timeouts: quarkus.rest-client.gis.*). */
@RegisterRestClient(configKey = "gis")
@Path("/api/v1/components")
public interface GisClient {

  @GET
  @Path("/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  JsonNode component(@PathParam("id") String componentId);
}
