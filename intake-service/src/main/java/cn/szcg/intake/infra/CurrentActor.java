package cn.szcg.intake.infra;

import cn.szcg.intake.domain.Actor;
import jakarta.enterprise.context.RequestScoped;

/**
 * The acting user of the current request. Every mutating endpoint takes its actor from here and
 * records it. For now a fixed placeholder (user "center-operator", role OPERATOR, unit "center");
 * replaced by the token's identity in the security issue.
 */
@RequestScoped
public class CurrentActor {

  /** Placeholder identity. */
  public static final Actor DEFAULT = Actor.operator("center-operator");

  private static volatile Actor testOverride;
  private static volatile String testUnit;

  /** Test-only: act as {@code actor} (null restores the placeholder). */
  public static void setForTests(Actor actor, String unit) {
    testOverride = actor;
    testUnit = unit;
  }

  public Actor actor() {
    Actor a = testOverride;
    return a == null ? DEFAULT : a;
  }

  public String id() {
    return actor().id();
  }

  /** The actor's unit (the center for now). */
  public String unit() {
    String u = testUnit;
    return u == null ? "center" : u;
  }

  /**
   * The calling machine client for per-client idempotency (the hotline platform, a video platform);
   * for now the declared X-Client-Id header or the user id; replaced by the token's client id in
   * the security issue.
   */
  public String clientId(String declared) {
    return declared == null || declared.isBlank() ? id() : declared;
  }
}
