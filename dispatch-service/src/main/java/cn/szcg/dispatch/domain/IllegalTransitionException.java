package cn.szcg.dispatch.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The transition is not allowed from the case's current state (maps to HTTP 409). Names the state,
 * the attempted transition and the transitions allowed from that state.
 */
public final class IllegalTransitionException extends CaseDomainException {

  private final CaseState state;
  private final CaseTransition attempted;
  private final List<CaseTransition> allowed;

  public IllegalTransitionException(CaseState state, CaseTransition attempted) {
    this(state, attempted, CaseTransition.allowedFromState(state));
  }

  private IllegalTransitionException(
      CaseState state, CaseTransition attempted, List<CaseTransition> allowed) {
    super(
        "ILLEGAL_TRANSITION",
        "案件当前状态为 "
            + state.labelZh()
            + "，不能执行 "
            + attempted.labelZh()
            + "；允许："
            + (allowed.isEmpty()
                ? "无"
                : allowed.stream().map(CaseTransition::labelZh).collect(Collectors.joining("、"))),
        "Case is "
            + state
            + "; "
            + attempted
            + " not allowed; allowed: "
            + (allowed.isEmpty()
                ? "none"
                : allowed.stream().map(Enum::name).collect(Collectors.joining(", "))));
    this.state = state;
    this.attempted = attempted;
    this.allowed = List.copyOf(allowed);
  }

  public CaseState state() {
    return state;
  }

  public CaseTransition attempted() {
    return attempted;
  }

  public List<CaseTransition> allowed() {
    return allowed;
  }

  @Override
  public String title() {
    return "状态不允许此操作 / Transition not allowed";
  }
}
