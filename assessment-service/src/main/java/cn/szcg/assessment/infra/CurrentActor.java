package cn.szcg.assessment.infra;

import cn.szcg.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The acting user of the current request, from its bearer token (platform {@link Caller}). Who
 * changed the weights, who requested an export and who repaired the figure cells are recorded as
 * {@link #userId()}.
 */
@RequestScoped
public class CurrentActor {

  @Inject Caller caller;

  /** The account (preferred_username) that acts. */
  public String userId() {
    return caller.username();
  }

  /** The caller's roles, comma-separated. */
  public String role() {
    return String.join(",", caller.roles());
  }
}
