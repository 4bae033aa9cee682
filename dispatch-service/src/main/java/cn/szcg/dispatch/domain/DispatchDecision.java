package cn.szcg.dispatch.domain;

/**
 * The dispatcher's choice of unit (派遣决定): the matrix proposal confirmed, or overridden with a
 * reason. Both the proposal and the choice are recorded on the order.
 *
 * @param unitId the unit the order goes to
 * @param proposedUnitId the unit the matrix proposed; null when it found none
 * @param matchedRuleId the matrix rule behind the proposal; null when none
 * @param proposalExplanation the matrix's explanation (Chinese)
 * @param overridden true when {@code unitId} is not the proposed unit (or there was no proposal)
 * @param overrideReason required when overridden
 */
public record DispatchDecision(
    String unitId,
    String proposedUnitId,
    String matchedRuleId,
    String proposalExplanation,
    boolean overridden,
    String overrideReason) {

  /** Confirm the matrix's proposal (确认推荐单位). */
  public static DispatchDecision confirm(DispatchProposal.UnitFound proposal) {
    return new DispatchDecision(
        proposal.unitId(),
        proposal.unitId(),
        proposal.ruleId(),
        proposal.explanationZh(),
        false,
        null);
  }

  /**
   * Choose {@code unitId} instead of (or without) the proposal (改派), with a reason. Choosing the
   * proposed unit itself counts as a confirmation.
   *
   * @param proposal the matrix's answer; may be null when the matrix was not asked
   */
  public static DispatchDecision override(DispatchProposal proposal, String unitId, String reason) {
    String proposed = proposal == null ? null : proposal.proposedUnitId().orElse(null);
    String rule = proposal instanceof DispatchProposal.UnitFound f ? f.ruleId() : null;
    String explanation = proposal == null ? null : proposal.explanationZh();
    boolean overridden = proposed == null || !proposed.equals(unitId);
    return new DispatchDecision(unitId, proposed, rule, explanation, overridden, reason);
  }
}
