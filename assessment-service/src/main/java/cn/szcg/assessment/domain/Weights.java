package cn.szcg.assessment.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Configurable weights (权重) of a composite score, one per indicator, in points. Validated: every
 * weight is ≥ 0 and the weights sum to exactly 100 (so a weight set summing to 0.7 or 70 is
 * refused, not silently rescaled). Indicators missing from the map weigh 0.
 */
public final class Weights<K extends Enum<K>> {
  private static final BigDecimal HUNDRED = new BigDecimal("100");
  private final Map<K, BigDecimal> weights;

  private Weights(Map<K, BigDecimal> weights) {
    this.weights = weights;
  }

  public static <K extends Enum<K>> Weights<K> of(Class<K> type, Map<K, BigDecimal> weights) {
    EnumMap<K, BigDecimal> copy = new EnumMap<>(type);
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<K, BigDecimal> e : weights.entrySet()) {
      if (e.getValue() == null || e.getValue().signum() < 0) {
        throw new IllegalArgumentException("weight of " + e.getKey() + " must be >= 0");
      }
      copy.put(e.getKey(), e.getValue());
      sum = sum.add(e.getValue());
    }
    if (sum.compareTo(HUNDRED) != 0) {
      throw new IllegalArgumentException(
          "weights must sum to 100 (权重合计必须为100), got " + sum.toPlainString());
    }
    return new Weights<>(copy);
  }

  /**
   * Weights from configuration keyed by indicator name (e.g. {@code HANDLING_RATE=30}), case
   * insensitive, dashes or underscores; an unknown name is refused.
   */
  public static <K extends Enum<K>> Weights<K> ofNames(
      Class<K> type, Map<String, BigDecimal> byName) {
    EnumMap<K, BigDecimal> map = new EnumMap<>(type);
    for (Map.Entry<String, BigDecimal> e : byName.entrySet()) {
      String name = e.getKey().trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
      K key;
      try {
        key = Enum.valueOf(type, name);
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(
            "unknown indicator '" + e.getKey() + "' for " + type.getSimpleName());
      }
      map.put(key, e.getValue());
    }
    return of(type, map);
  }

  public BigDecimal weight(K key) {
    return weights.getOrDefault(key, BigDecimal.ZERO);
  }

  public Map<K, BigDecimal> asMap() {
    return Collections.unmodifiableMap(weights);
  }

  @Override
  public String toString() {
    return weights.toString();
  }
}
