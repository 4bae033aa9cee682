package cn.szcg.sla.infra;

import jakarta.enterprise.context.RequestScoped;

/**
 * The acting user of the current request. Every mutating endpoint (calendar maintenance) takes its
 * actor from here and records it. For now a fixed placeholder (user "center-operator", role
 * OPERATOR); replaced by the token's identity in the security issue.
 */
@RequestScoped
public class CurrentActor {

  public static final String DEFAULT_USER = "center-operator";
  public static final String DEFAULT_ROLE = "OPERATOR";

  private static volatile String testUser;
  private static volatile String testRole;

  /** Test-only: act as another user/role (null restores the placeholder). */
  public static void setForTests(String user, String role) {
    testUser = user;
    testRole = role;
  }

  public String id() {
    String u = testUser;
    return u == null ? DEFAULT_USER : u;
  }

  public String role() {
    String r = testRole;
    return r == null ? DEFAULT_ROLE : r;
  }
}
