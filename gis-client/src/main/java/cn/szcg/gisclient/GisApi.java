package cn.szcg.gisclient;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * gis-service as its callers see it (intake: the location context of a point, a camera's position;
 * dispatch: a component's maintainer). Config key {@code gis}: {@code quarkus.rest-client.gis.url},
 * {@code .connect-timeout}, {@code .read-timeout} (short: a caller never waits long on gis). Every
 * call carries the calling service's client-credentials token ({@link ServiceTokenFilter}); gis
 * wants the role {@code szcg-service}.
 *
 * <p>The answers are read tolerantly by the callers (unknown fields ignored), so they stay {@link
 * JsonNode}. What a caller does when gis is down, slow or refuses the token (its fallback) is the
 * caller's: intake registers without the context and enriches later, dispatch proposes without the
 * maintainer.
 */
@RegisterRestClient(configKey = "gis")
@RegisterProvider(ServiceTokenFilter.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface GisApi {

  /** A component (部件) by id: GeoJSON Feature with class, state, owner, maintainer; 404 unknown. */
  @GET
  @Path("/components/{id}")
  Uni<JsonNode> component(@PathParam("id") String componentId);

  /**
   * The location context of a WGS84 point: township, community, grid, zone and the nearest
   * components within {@code radius} metres (at most {@code limit}); 400 outside the county.
   */
  @GET
  @Path("/locate")
  Uni<JsonNode> locate(
      @QueryParam("lon") double lon,
      @QueryParam("lat") double lat,
      @QueryParam("radius") int radius,
      @QueryParam("limit") int limit);

  /** A camera (视频监控点) with its position and grid; 404 unknown. */
  @GET
  @Path("/cameras/{id}")
  Uni<JsonNode> camera(@PathParam("id") String cameraId);
}
