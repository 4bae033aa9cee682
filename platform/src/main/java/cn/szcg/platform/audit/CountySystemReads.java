package cn.szcg.platform.audit;

import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * Every read by a county system (县级其他系统, role {@code county-system}; R-07, Art 39 sharing) is in
 * the audit trail with its client id, as the platform's AuditFilter records every change: what
 * another government system took, and when (docs/api.md, "County systems"). Answered reads and
 * refused ones alike, in every service (each records into its own trail).
 */
@Provider
public class CountySystemReads implements ContainerResponseFilter {

  @Inject AuditTrail trail;
  @Inject Caller caller;

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    String path = req.getUriInfo().getPath();
    if (!"GET".equals(req.getMethod())
        || path == null
        || !path.startsWith("/api/")
        || !BlockingOperationControl.isBlockingAllowed()
        || !caller.authenticated()
        || !caller.has(Roles.COUNTY_SYSTEM)) {
      return;
    }
    String query = req.getUriInfo().getRequestUri().getRawQuery();
    String full = query == null ? path : path + "?" + query;
    trail.record(
        new AuditTrail.Call(
            Instant.now(),
            caller.subject(),
            caller.username(),
            String.join(",", caller.roles()),
            null,
            caller.clientId(),
            "GET",
            full.length() > 2048 ? full.substring(0, 2048) : full,
            res.getStatus(),
            null,
            caller.remoteAddress(),
            null));
  }
}
