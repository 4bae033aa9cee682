package cn.szcg.dispatch.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the responsibility matrix (责任矩阵) proposes for a case: a unit with the rule that matched and
 * why, or no unit (→ coordination, R-17).
 */
public sealed interface DispatchProposal {

  /** Chinese explanation. */
  String explanationZh();

  /** English explanation. */
  String explanationEn();

  /** The proposed unit, if any. */
  Optional<String> proposedUnitId();

  /**
   * A unit was found.
   *
   * @param ruleId the matched rule's id, or {@link ResponsibilityMatrix#COMPONENT_MAINTAINER_RULE}
   */
  record UnitFound(String unitId, String ruleId, String explanationZh, String explanationEn)
      implements DispatchProposal {
    @Override
    public Optional<String> proposedUnitId() {
      return Optional.of(unitId);
    }
  }

  /**
   * No unit: no rule matched, or the most specific rules name different units ({@code
   * tiedUnitIds}); the center coordinates (协调, R-17).
   */
  record NoUnitFound(String explanationZh, String explanationEn, List<String> tiedUnitIds)
      implements DispatchProposal {
    public NoUnitFound {
      tiedUnitIds = tiedUnitIds == null ? List.of() : List.copyOf(tiedUnitIds);
    }

    @Override
    public Optional<String> proposedUnitId() {
      return Optional.empty();
    }
  }
}
