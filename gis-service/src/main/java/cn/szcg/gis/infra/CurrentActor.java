package cn.szcg.gis.infra;

import cn.szcg.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The acting user of the current request, from its bearer token (platform {@link Caller}). Every
 * mutating endpoint (imports, zone changes) records {@link #userId()} with what it changed ({@code
 * imported_by}, {@code changed_by}).
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
