package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.UnitIndicator;
import cn.szcg.assessment.domain.UnitScoring;
import cn.szcg.assessment.domain.Weights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The composite-score weights in force: the stored set, or the shipped defaults ({@link
 * UnitScoring#DEFAULT_WEIGHTS}) when none was configured.
 */
@ApplicationScoped
public class WeightStore {

  @Inject EntityManager em;

  public Weights<UnitIndicator> current() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT indicator, weight FROM unit_weight").getResultList();
    if (rows.isEmpty()) {
      return UnitScoring.DEFAULT_WEIGHTS;
    }
    Map<UnitIndicator, BigDecimal> m = new EnumMap<>(UnitIndicator.class);
    for (Object[] r : rows) {
      BigDecimal v = ((BigDecimal) r[1]).stripTrailingZeros();
      m.put(UnitIndicator.valueOf((String) r[0]), v.scale() < 0 ? v.setScale(0) : v);
    }
    return Weights.of(UnitIndicator.class, m);
  }

  public UnitScoring scoring() {
    return new UnitScoring(current());
  }

  /** Replaces the weights (already validated); records who, when and why. */
  public void replace(Weights<UnitIndicator> w, String by, String reason) {
    em.createNativeQuery("DELETE FROM unit_weight").executeUpdate();
    Instant now = Instant.now();
    for (UnitIndicator i : UnitIndicator.values()) {
      em.createNativeQuery(
              "INSERT INTO unit_weight (indicator, weight, updated_by, updated_at, reason) VALUES"
                  + " (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, i.name())
          .setParameter(2, w.weight(i))
          .setParameter(3, by)
          .setParameter(4, now)
          .setParameter(5, reason)
          .executeUpdate();
    }
  }
}
