package cn.szcg.assessment.domain;

import java.util.List;
import java.util.Optional;

/**
 * The escalation ladder (累进逐级追究, Art 33(4), R-24.4), applied per unit, per incident kind, per
 * calendar month in Asia/Shanghai (the count restarts at zero each month). At the n-th incident: if
 * n is a rung, the efficiency office (县效能办) notifies the unit and issues an efficiency warning
 * (效能告诫) to the rung's addressee. After the last rung, every {@code repeatEvery} further incidents
 * repeat the last rung (0 = never).
 *
 * <p>Default: 3rd → person responsible (Art 33(1)–(3): "月累计3次"); 5th → leader in charge (分管领导); 8th
 * → head of unit (单位主要负责人); then 11th, 14th, … → head of unit again.
 *
 * @param rungs thresholds in strictly increasing order, each ≥ 2
 * @param repeatEvery interval of repeats after the last rung, 0 for none
 */
public record EscalationLadder(List<Rung> rungs, int repeatEvery) {

  /** One step of the ladder: at the {@code ordinal}-th incident, warn {@code level}. */
  public record Rung(int ordinal, AccountabilityLevel level) {}

  public static final EscalationLadder DEFAULT =
      new EscalationLadder(
          List.of(
              new Rung(3, AccountabilityLevel.PERSON_RESPONSIBLE),
              new Rung(5, AccountabilityLevel.LEADER_IN_CHARGE),
              new Rung(8, AccountabilityLevel.UNIT_HEAD)),
          3);

  public EscalationLadder {
    rungs = List.copyOf(rungs);
    if (rungs.isEmpty()) {
      throw new IllegalArgumentException("a ladder needs at least one rung");
    }
    int previous = 1;
    for (Rung r : rungs) {
      if (r.ordinal() <= previous) {
        throw new IllegalArgumentException("rungs must be >= 2 and strictly increasing");
      }
      if (r.level() == AccountabilityLevel.UNIT) {
        throw new IllegalArgumentException("a rung warns a person, not the unit");
      }
      previous = r.ordinal();
    }
    if (repeatEvery < 0) {
      throw new IllegalArgumentException("repeatEvery must be >= 0");
    }
  }

  /** The level escalated to at the {@code ordinal}-th incident of the month, if any. */
  public Optional<AccountabilityLevel> levelAt(int ordinal) {
    for (Rung r : rungs) {
      if (r.ordinal() == ordinal) {
        return Optional.of(r.level());
      }
    }
    Rung last = rungs.get(rungs.size() - 1);
    if (repeatEvery > 0
        && ordinal > last.ordinal()
        && (ordinal - last.ordinal()) % repeatEvery == 0) {
      return Optional.of(last.level());
    }
    return Optional.empty();
  }
}
