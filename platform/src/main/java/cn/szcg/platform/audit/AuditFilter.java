package cn.szcg.platform.audit;

import cn.szcg.platform.security.Caller;
import cn.szcg.platform.web.ControlCharacters;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
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

  /** The longest request id stored; longer ones are cut. */
  static final int MAX_REQUEST_ID = 128;

  /** The longest path stored (the HTTP layer already refuses far longer request lines). */
  static final int MAX_PATH = 2048;

  @Inject AuditTrail trail;
  @Inject Caller caller;
  @Inject CurrentIdentityAssociation identities;
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext req, ContainerResponseContext res) {
    String method = req.getMethod();
    String path = req.getUriInfo().getPath();
    if (READS.contains(method) || path == null || !path.startsWith("/api/") || exempt()) {
      return;
    }
    URI location = res.getLocation();
    int status = res.getStatus();
    String remote = caller.remoteAddress();
    String requestId = requestId(req.getHeaderString("X-Request-Id"));
    if (BlockingOperationControl.isBlockingAllowed()) {
      SecurityIdentity identity;
      try {
        identity = identities.getIdentity();
      } catch (RuntimeException e) { // an invalid token: the call was refused with 401
        identity = null;
      }
      trail.record(describe(identity, method, path, status, location, remote, requestId));
    } else {
      // on the event loop (a call refused before reaching a worker thread): resolve the identity
      // without blocking, queue without waiting
      identities
          .getDeferredIdentity()
          .subscribe()
          .with(
              identity ->
                  trail.recordNow(
                      describe(identity, method, path, status, location, remote, requestId)),
              failure ->
                  trail.recordNow(
                      describe(null, method, path, status, location, remote, requestId)));
    }
  }

  private boolean exempt() {
    try {
      var m = resource == null ? null : resource.getResourceMethod();
      return m != null
          && (m.isAnnotationPresent(NotAudited.class)
              || m.getDeclaringClass().isAnnotationPresent(NotAudited.class));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The caller's {@code X-Request-Id} as stored: printable ASCII only (anything else replaced by
   * {@code _}), at most {@link #MAX_REQUEST_ID} characters, blank as none (issue 19). Anyone may
   * send it; it must neither break the trail's batch nor forge lines where it is shown.
   */
  static String requestId(String raw) {
    if (raw == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(Math.min(raw.length(), MAX_REQUEST_ID));
    for (int i = 0; i < raw.length() && sb.length() < MAX_REQUEST_ID; i++) {
      char c = raw.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '_');
    }
    String s = sb.toString();
    return s.isBlank() ? null : s;
  }

  static AuditTrail.Call describe(
      SecurityIdentity identity,
      String method,
      String path,
      int status,
      URI location,
      String remote,
      String requestId) {
    boolean known = identity != null && !identity.isAnonymous();
    return new AuditTrail.Call(
        Instant.now(),
        known ? Caller.subjectOf(identity) : null,
        known ? Caller.usernameOf(identity) : null,
        known ? String.join(",", Caller.rolesOf(identity)) : null,
        known ? Caller.claimOf(identity, Caller.UNIT_CLAIM) : null,
        known ? Caller.clientIdOf(identity) : null,
        method,
        ControlCharacters.sanitise(path, MAX_PATH),
        status,
        location == null ? null : location.getPath(),
        remote,
        requestId);
  }
}
