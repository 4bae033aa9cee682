package cn.szcg.intake.domain;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * An action that the intake lifecycle does not allow now. The message names the current state, the
 * attempted action, why, and the actions that are allowed — Chinese first, English too.
 */
public class IllegalIntakeTransitionException extends RuntimeException {

  private final IntakeState current;
  private final IntakeAction attempted;
  private final Set<IntakeAction> allowed;
  private final BilingualText reason;

  public IllegalIntakeTransitionException(
      IntakeState current,
      IntakeAction attempted,
      Set<IntakeAction> allowed,
      BilingualText reason) {
    super(message(current, attempted, allowed, reason));
    this.current = current;
    this.attempted = attempted;
    this.allowed = Set.copyOf(allowed);
    this.reason = reason;
  }

  private static String message(
      IntakeState current,
      IntakeAction attempted,
      Set<IntakeAction> allowed,
      BilingualText reason) {
    String zhAllowed =
        allowed.isEmpty()
            ? "无（已办结）"
            : allowed.stream()
                .sorted()
                .map(a -> a.displayName().zh() + " " + a.name())
                .collect(Collectors.joining("、"));
    String enAllowed =
        allowed.isEmpty()
            ? "none (final state)"
            : allowed.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    return "当前状态「"
        + current.displayName().zh()
        + " "
        + current.name()
        + "」不允许「"
        + attempted.displayName().zh()
        + " "
        + attempted.name()
        + "」："
        + reason.zh()
        + "；允许的操作："
        + zhAllowed
        + " / state "
        + current.name()
        + " does not allow "
        + attempted.name()
        + ": "
        + reason.en()
        + "; allowed: "
        + enAllowed;
  }

  public IntakeState current() {
    return current;
  }

  public IntakeAction attempted() {
    return attempted;
  }

  public Set<IntakeAction> allowed() {
    return allowed;
  }

  public BilingualText reason() {
    return reason;
  }
}
