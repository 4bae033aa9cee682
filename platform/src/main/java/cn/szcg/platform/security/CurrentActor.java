package cn.szcg.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The acting user of the current request as the audit columns record it ({@code imported_by},
 * {@code changed_by}, {@code requested_by}): the account and the roles of its verified bearer token
 * ({@link Caller}). One class for every service that needs no more than that (gis, sla,
 * assessment); a service whose rules know their own roles (intake's 值班长/受理员/采集员, dispatch's domain
 * actors) keeps a richer actor of its own on top of {@link Caller}.
 */
@RequestScoped
public class CurrentActor {

  @Inject Caller caller;

  /** The account ({@code preferred_username}) that acts. */
  public String userId() {
    return caller.username();
  }

  /** The caller's suite roles, sorted and comma-separated. */
  public String role() {
    return String.join(",", caller.roles());
  }
}
