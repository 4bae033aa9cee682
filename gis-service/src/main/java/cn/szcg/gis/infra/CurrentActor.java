package cn.szcg.gis.infra;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is acting in this request. Every mutating endpoint (imports, zone changes) records the actor
 * from here.
 *
 * <p>Replaced by the token's identity in the security issue; for now a fixed placeholder operator.
 * Tests may change it with the setters.
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

  public void setUserId(String userId) {
    this.userId = userId;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
