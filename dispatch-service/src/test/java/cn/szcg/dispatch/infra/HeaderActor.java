package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.Actor;
import cn.szcg.dispatch.domain.Role;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Test-only actor: user, role and unit from the headers X-Test-User, X-Test-Role, X-Test-Unit (the
 * production {@link CurrentActor} ignores them; the security issue takes them from the token).
 */
@Alternative
@Priority(1)
@RequestScoped
public class HeaderActor extends CurrentActor {

  @Inject CurrentVertxRequest request;

  @Override
  public Actor actor() {
    var r = request.getCurrent() == null ? null : request.getCurrent().request();
    String role = r == null ? null : r.getHeader("X-Test-Role");
    if (role == null) {
      return super.actor();
    }
    String user = r.getHeader("X-Test-User");
    return new Actor(
        user == null ? "test-user" : user, Role.valueOf(role), r.getHeader("X-Test-Unit"));
  }
}
