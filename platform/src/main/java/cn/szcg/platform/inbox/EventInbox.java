package cn.szcg.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

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

  /**
   * Records several events (id → type) for this consumer in one statement, in the current
   * transaction. Returns the ids recorded now — those not applied before; an id given twice is
   * recorded (and returned) once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Set<String> firstTime(Map<String, String> typesById, String consumer) {
    if (typesById.isEmpty()) {
      return Set.of();
    }
    Map<String, String> distinct = new LinkedHashMap<>(typesById);
    String[] ids = distinct.keySet().toArray(String[]::new);
    String[] types = distinct.values().toArray(String[]::new);
    return em.unwrap(Session.class)
        .doReturningWork(
            conn -> {
              Set<String> out = new HashSet<>();
              Array idArray = conn.createArrayOf("text", ids);
              Array typeArray = conn.createArrayOf("text", types);
              try (PreparedStatement ps =
                  conn.prepareStatement(
                      "INSERT INTO inbox (event_id, consumer, event_type) SELECT e.id, ?, e.type"
                          + " FROM unnest(?::text[], ?::text[]) AS e(id, type)"
                          + " ON CONFLICT DO NOTHING RETURNING event_id")) {
                ps.setString(1, consumer);
                ps.setArray(2, idArray);
                ps.setArray(3, typeArray);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(rs.getString(1));
                  }
                }
              } finally {
                idArray.free();
                typeArray.free();
              }
              return out;
            });
  }
}
