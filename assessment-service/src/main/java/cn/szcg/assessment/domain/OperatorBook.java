package cn.szcg.assessment.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Operator figures by operator and period (month and year of {@link OperatorFact#at()} in
 * Asia/Shanghai), idempotent on fact id.
 */
public final class OperatorBook {
  private final Map<FiguresKey, OperatorFigures> cells = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  public boolean apply(OperatorFact fact) {
    if (!seen.add(fact.factId())) {
      return false;
    }
    for (Period p : List.of(Period.monthOf(fact.at()), Period.yearOf(fact.at()))) {
      cells.merge(FiguresKey.total(fact.operatorId(), p), fact.delta(), OperatorFigures::plus);
    }
    return true;
  }

  public OperatorFigures get(String operatorId, Period period) {
    return cells.getOrDefault(FiguresKey.total(operatorId, period), OperatorFigures.ZERO);
  }

  public Map<FiguresKey, OperatorFigures> cells() {
    return Collections.unmodifiableMap(new TreeMap<>(cells));
  }
}
