package cn.szcg.intake.infra;

import cn.szcg.intake.domain.CaseHolding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The table {@code case_holder}: which units, departments and check collectors hold or held a filed
 * case ({@link CaseHolding}, migration V8). Written by {@code
 * cn.szcg.intake.application.CaseProgressHandler} from the szcg.cases events, read by {@link
 * ReportAccess}. Insert-only and idempotent (one row per holding, {@code ON CONFLICT DO NOTHING}),
 * so redelivered and out-of-order events give the same table.
 */
@ApplicationScoped
public class CaseHolders {

  @Inject EntityManager em;

  /** Records a holding (inside the caller's transaction); a repeated one changes nothing. */
  public void record(UUID caseId, CaseHolding.Holder h, String transition, Instant at) {
    em.createNativeQuery(
            "INSERT INTO case_holder (case_id, holder_kind, holder_id, order_key, transition,"
                + " since) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING")
        .setParameter(1, caseId)
        .setParameter(2, h.kind().name())
        .setParameter(3, h.id())
        .setParameter(4, h.orderId() == null ? "" : h.orderId())
        .setParameter(5, transition)
        .setParameter(6, at.truncatedTo(ChronoUnit.MICROS))
        .executeUpdate();
  }

  /** Whether {@code holderId} holds or held case {@code caseId} as one of {@code kinds}. */
  public boolean holds(UUID caseId, String holderId, Collection<CaseHolding.Kind> kinds) {
    if (caseId == null || holderId == null || kinds.isEmpty()) {
      return false;
    }
    List<?> found =
        em.createNativeQuery(
                "SELECT 1 FROM case_holder WHERE case_id = ?1 AND holder_id = ?2"
                    + " AND holder_kind = ANY (CAST(?3 AS text[])) LIMIT 1")
            .setParameter(1, caseId)
            .setParameter(2, holderId)
            .setParameter(3, "{" + String.join(",", kinds.stream().map(Enum::name).toList()) + "}")
            .getResultList();
    return !found.isEmpty();
  }
}
