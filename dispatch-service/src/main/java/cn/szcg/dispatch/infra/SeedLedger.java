package cn.szcg.dispatch.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Which parts of the demo seed were applied (table {@code seed_applied}), under an advisory lock so
 * several replicas starting together seed once — the persistence of {@code application.Seeder}. In
 * the caller's transaction.
 */
@ApplicationScoped
public class SeedLedger {

  @Inject EntityManager em;

  /** Holds the seed's advisory lock until the transaction ends. */
  public void lock() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('szcg.dispatch.seed'))")
        .getSingleResult();
  }

  /** The part {@code name} was applied before. */
  public boolean applied(String name) {
    return ((Number)
                em.createNativeQuery("SELECT count(*) FROM seed_applied WHERE name = ?1")
                    .setParameter(1, name)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /** Records that the part {@code name} is applied now. */
  public void mark(String name) {
    em.createNativeQuery("INSERT INTO seed_applied (name, applied_at) VALUES (?1, ?2)")
        .setParameter(1, name)
        .setParameter(2, Timestamp.from(Instant.now()))
        .executeUpdate();
  }
}
