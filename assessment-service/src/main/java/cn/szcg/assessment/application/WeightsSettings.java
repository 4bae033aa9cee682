package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.UnitIndicator;
import cn.szcg.assessment.domain.Weights;
import cn.szcg.assessment.infra.WeightStore;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The composite score's weights (综合指标权重, R-22): read the weights in force; replace them — each
 * indicator known and not negative, summing to 100 points — recording who and why.
 */
@ApplicationScoped
public class WeightsSettings {

  @Inject WeightStore weights;

  /** The weights in force, points per indicator name. */
  public Map<String, BigDecimal> current() {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    Weights<UnitIndicator> w = weights.current();
    for (UnitIndicator i : UnitIndicator.values()) {
      out.put(i.name(), w.weight(i));
    }
    return out;
  }

  /**
   * Replaces the weights (indicator names in any case, '-' for '_'); refused with a 400 naming each
   * offending {@code weights.<name>} (unknown, negative) or {@code weights} (sum ≠ 100).
   */
  @Transactional
  public Map<String, BigDecimal> replace(Map<String, BigDecimal> requested, String by, String why) {
    Map<UnitIndicator, BigDecimal> map = new LinkedHashMap<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : requested.entrySet()) {
      String field = "weights." + e.getKey();
      UnitIndicator i;
      try {
        i = UnitIndicator.valueOf(e.getKey().trim().replace('-', '_').toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        errors.add(new Problem.FieldError(field, "unknown", "未知指标 / unknown indicator"));
        continue;
      }
      if (e.getValue() == null || e.getValue().signum() < 0) {
        errors.add(new Problem.FieldError(field, "min", "权重不能为负 / weight must be >= 0"));
        continue;
      }
      map.put(i, e.getValue());
      sum = sum.add(e.getValue());
    }
    if (errors.isEmpty() && sum.compareTo(new BigDecimal("100")) != 0) {
      errors.add(
          new Problem.FieldError(
              "weights",
              "sum",
              "权重合计必须为100，当前为 " + sum.toPlainString() + " / weights must sum to 100"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest("权重无效 / invalid weights", errors);
    }
    weights.replace(Weights.of(UnitIndicator.class, map), by, why);
    return current();
  }
}
