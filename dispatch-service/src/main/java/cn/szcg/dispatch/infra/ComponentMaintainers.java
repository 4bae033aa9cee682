package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import cn.szcg.gisclient.GisApi;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The maintainer (管理维护单位) of a component (部件) as gis-service knows it, matched to a registered unit
 * by unit id or by the unit's current name. gis-service down or slow → {@link
 * Status#GIS_UNAVAILABLE}: the matrix answers without the maintainer, and the proposal says so. So
 * does a missing service token (gis-service answers 401 without one).
 */
@ApplicationScoped
public class ComponentMaintainers {

  private static final Logger LOG = Logger.getLogger(ComponentMaintainers.class);

  /** How the maintainer lookup went. */
  public enum Status {
    /** Not a component case. */
    NOT_A_COMPONENT,
    /** The maintainer is a registered unit. */
    FOUND,
    /** gis-service knows the component but names no maintainer, or one not registered here. */
    NOT_REGISTERED,
    /** gis-service does not know the component. */
    UNKNOWN_COMPONENT,
    /** gis-service did not answer in time. */
    GIS_UNAVAILABLE
  }

  /**
   * @param maintainerName as gis-service names it (may be null)
   * @param unitId the registered unit it matched (null unless FOUND)
   */
  public record Lookup(Status status, String maintainerName, String unitId) {}

  @Inject @RestClient GisApi gis;

  /**
   * The whole lookup, the service token included: a token server that does not answer must not hold
   * up the proposal or the dispatch any longer than a slow gis-service would.
   */
  @ConfigProperty(name = "szcg.gis.lookup-timeout", defaultValue = "PT1.5S")
  Duration lookupTimeout;

  public Lookup lookup(String componentId, UnitRegister units) {
    if (componentId == null || componentId.isBlank()) {
      return new Lookup(Status.NOT_A_COMPONENT, null, null);
    }
    JsonNode c;
    try {
      c = gis.component(componentId).await().atMost(lookupTimeout);
    } catch (WebApplicationException e) {
      if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
        return new Lookup(Status.UNKNOWN_COMPONENT, null, null);
      }
      LOG.warnf("gis-service answered %s for component %s", e.getMessage(), componentId);
      return new Lookup(Status.GIS_UNAVAILABLE, null, null);
    } catch (RuntimeException e) {
      // gis down or slow, or no service token (token server down, client not configured): the
      // matrix answers without the maintainer, the case goes on
      LOG.warnf("gis-service unavailable for component %s: %s", componentId, e.toString());
      return new Lookup(Status.GIS_UNAVAILABLE, null, null);
    }
    String name = text(c, "maintainerUnitId");
    if (name == null) {
      name = text(c, "maintainer");
    }
    if (name == null && c != null && c.has("properties")) {
      name = text(c.get("properties"), "maintainerUnitId");
      if (name == null) {
        name = text(c.get("properties"), "maintainer");
      }
    }
    if (name == null) {
      return new Lookup(Status.NOT_REGISTERED, null, null);
    }
    String wanted = name;
    String unitId = units.find(wanted).map(UnitRecord::unitId).orElse(null);
    if (unitId == null) {
      unitId =
          units.all().stream()
              .filter(r -> wanted.equals(r.current().name()))
              .map(UnitRecord::unitId)
              .findFirst()
              .orElse(null);
    }
    return unitId == null
        ? new Lookup(Status.NOT_REGISTERED, name, null)
        : new Lookup(Status.FOUND, name, unitId);
  }

  private static String text(JsonNode n, String field) {
    if (n == null || !n.hasNonNull(field) || !n.get(field).isTextual()) {
      return null;
    }
    String s = n.get(field).asText();
    return s.isBlank() ? null : s;
  }
}
