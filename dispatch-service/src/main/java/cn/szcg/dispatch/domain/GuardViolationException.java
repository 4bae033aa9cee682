package cn.szcg.dispatch.domain;

/**
 * The state and role allow the transition, but one of its guards refused it: return window closed,
 * reason missing, emergency may not be deferred, open sub-orders … (maps to HTTP 409, or 422 for
 * {@code INVALID_INPUT}).
 */
public final class GuardViolationException extends CaseDomainException {

  private final CaseTransition attempted;

  public GuardViolationException(
      String code, CaseTransition attempted, String messageZh, String messageEn) {
    super(code, messageZh, messageEn);
    this.attempted = attempted;
  }

  public CaseTransition attempted() {
    return attempted;
  }

  /**
   * True when the input itself is incomplete (blank reason, no photos …) rather than a conflict.
   */
  public boolean invalidInput() {
    return code().startsWith("MISSING_") || code().equals("INVALID_INPUT");
  }

  @Override
  public String title() {
    return "不满足操作条件 / Guard not satisfied";
  }
}
