package cn.szcg.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records applied event ids (idempotent consumers). */
@ApplicationScoped
public class EventInbox {

  @Inject EntityManager em;

  /**
   * Records the event for this consumer in the current transaction. Returns false if it was applied
   * before (then the caller must not apply it again).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean firstTime(String eventId, String consumer, String type) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO inbox (event_id, consumer, event_type) VALUES (?1, ?2, ?3)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter(1, eventId)
            .setParameter(2, consumer)
            .setParameter(3, type)
            .executeUpdate();
    return inserted == 1;
  }
}
