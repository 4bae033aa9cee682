package cn.szcg.platform.audit;

import cn.szcg.platform.security.Caller;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Records every state-changing API call (every method but GET, HEAD and OPTIONS under /api/) in the
 * audit trail once its response is known: accepted, refused (400/409) and denied (401/403) alike. A
 * failure to record is logged loudly; it does not undo the call, which has committed.
 */
@Provider
public class AuditFilter implements ContainerResponseFilter {

  private static final Logger LOG = Logger.getLogger(AuditFilter.class);
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject AuditTrail trail;
  @Inject Caller caller;
  @Inject ManagedExecutor executor;

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    String method = req.getMethod();
    String path = req.getUriInfo().getPath();
    if (READS.contains(method) || path == null || !path.startsWith("/api/")) {
      return;
    }
    AuditTrail.Call call;
    try {
      boolean known = caller.authenticated();
      URI location = res.getLocation();
      call =
          new AuditTrail.Call(
              Instant.now(),
              known ? caller.subject() : null,
              known ? caller.username() : null,
              known ? String.join(",", caller.roles()) : null,
              known ? caller.unit() : null,
              known ? caller.clientId() : null,
              method,
              path,
              res.getStatus(),
              location == null ? null : location.getPath(),
              caller.remoteAddress(),
              req.getHeaderString("X-Request-Id"));
    } catch (RuntimeException e) {
      LOG.errorf(e, "AUDIT: could not describe %s %s", method, path);
      return;
    }
    Runnable write =
        () -> {
          try {
            trail.record(call);
          } catch (RuntimeException e) {
            LOG.errorf(e, "AUDIT: not recorded: %s", call);
          }
        };
    if (BlockingOperationControl.isBlockingAllowed()) {
      write.run();
    } else {
      ((Executor) executor).execute(write);
    }
  }
}
