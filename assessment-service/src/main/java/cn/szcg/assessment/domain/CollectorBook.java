package cn.szcg.assessment.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collector and collection-unit figures by period (month and year of {@link CollectorFact#at()} in
 * Asia/Shanghai), idempotent on fact id. Keys are {@link FiguresKey#total} keys whose subject is
 * the collector id (in {@link #byCollector()}) or the collection unit id (in {@link
 * #byCollectionUnit()}).
 */
public final class CollectorBook {
  private final Map<FiguresKey, CollectorFigures> byCollector = new HashMap<>();
  private final Map<FiguresKey, CollectorFigures> byUnit = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  public boolean apply(CollectorFact fact) {
    if (!seen.add(fact.factId())) {
      return false;
    }
    CollectorFigures d = fact.delta();
    for (Period p : List.of(Period.monthOf(fact.at()), Period.yearOf(fact.at()))) {
      byCollector.merge(
          FiguresKey.total(fact.collector().collectorId(), p), d, CollectorFigures::plus);
      byUnit.merge(
          FiguresKey.total(fact.collector().collectionUnitId(), p), d, CollectorFigures::plus);
    }
    return true;
  }

  public CollectorFigures collector(String collectorId, Period period) {
    return byCollector.getOrDefault(FiguresKey.total(collectorId, period), CollectorFigures.ZERO);
  }

  public CollectorFigures collectionUnit(String collectionUnitId, Period period) {
    return byUnit.getOrDefault(FiguresKey.total(collectionUnitId, period), CollectorFigures.ZERO);
  }

  public Map<FiguresKey, CollectorFigures> byCollector() {
    return Collections.unmodifiableMap(new TreeMap<>(byCollector));
  }

  public Map<FiguresKey, CollectorFigures> byCollectionUnit() {
    return Collections.unmodifiableMap(new TreeMap<>(byUnit));
  }
}
