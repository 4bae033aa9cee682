package cn.szcg.assessment.infra;

import jakarta.enterprise.context.RequestScoped;

/**
 * The acting user of a request. Replaced by the token's identity in the security issue; for now a
 * fixed placeholder (user "center-operator", role OPERATOR). Tests may set user and role.
 */
@RequestScoped
public class CurrentActor {
  private String userId = "center-operator";
  private String role = "OPERATOR";

  public String userId() {
    return userId;
  }

  public String role() {
    return role;
  }

  /** For tests only (until the security issue). */
  public void set(String userId, String role) {
    this.userId = userId;
    this.role = role;
  }
}
