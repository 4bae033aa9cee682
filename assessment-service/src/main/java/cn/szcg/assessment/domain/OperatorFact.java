package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact about a center operator's work. Counted in the period of {@link #at()} (Asia/Shanghai); a
 * returned dispatch is counted at the time of the dispatch it returns, so that 派遣准确率 of a period
 * stays within [0, 1].
 */
public sealed interface OperatorFact {
  String factId();

  String operatorId();

  /** The instant that decides the period. */
  Instant at();

  OperatorFigures delta();

  /** The operator filed a case (立案); on time = within the R-12 limit. */
  record CaseFiled(String factId, String operatorId, Instant at, boolean onTime)
      implements OperatorFact {
    public CaseFiled {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(operatorId);
      Objects.requireNonNull(at);
    }

    @Override
    public OperatorFigures delta() {
      return new OperatorFigures(1, onTime ? 1 : 0, 0, 0, 0, 0);
    }
  }

  /** The operator dispatched an order (派遣). */
  record OrderDispatched(String factId, String operatorId, Instant at) implements OperatorFact {
    public OrderDispatched {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(operatorId);
      Objects.requireNonNull(at);
    }

    @Override
    public OperatorFigures delta() {
      return new OperatorFigures(0, 0, 1, 0, 0, 0);
    }
  }

  /**
   * A return (回退) of an order the operator dispatched was approved; {@code at} is the time of the
   * original dispatch.
   */
  record DispatchReturned(String factId, String operatorId, Instant at) implements OperatorFact {
    public DispatchReturned {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(operatorId);
      Objects.requireNonNull(at);
    }

    @Override
    public OperatorFigures delta() {
      return new OperatorFigures(0, 0, 0, 1, 0, 0);
    }
  }

  /** The operator closed a case (结案); on time = within the limit after the passed check. */
  record CaseClosed(String factId, String operatorId, Instant at, boolean onTime)
      implements OperatorFact {
    public CaseClosed {
      Objects.requireNonNull(factId);
      Objects.requireNonNull(operatorId);
      Objects.requireNonNull(at);
    }

    @Override
    public OperatorFigures delta() {
      return new OperatorFigures(0, 0, 0, 0, 1, onTime ? 1 : 0);
    }
  }
}
