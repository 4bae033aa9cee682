package cn.szcg.assessment.infra;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Out-of-order parking for the unit figures: a clock event (sign-for stopped, breached) for an
 * order not seen yet — the three topics of a case interleave arbitrarily — is parked in {@code
 * parked_event} and replayed when its order arrives. {@link #lot()} is a poll's view: parked events
 * read ahead per order, those parked or taken in the poll, written back at the end.
 */
@ApplicationScoped
public class ParkedEvents {

  @Inject EntityManager em;

  /** A parked clock event (from the store: {@code stored}; or parked in this poll). */
  record Parked(String eventId, String orderId, String eventType, String payload, boolean stored) {

    /** The event as it arrived. */
    CloudEvent event() {
      try {
        var node = EventCodec.mapper().readTree(payload);
        return new CloudEvent(
            node.get("id").asText(),
            node.get("source").asText(),
            node.get("type").asText(),
            node.get("subject").asText(),
            Instant.parse(node.get("time").asText()),
            node.get("data").asText());
      } catch (java.io.IOException ex) {
        throw new IllegalStateException("parked event " + eventId + " unreadable", ex);
      }
    }
  }

  /** A new poll's lot. */
  Lot lot() {
    return new Lot();
  }

  private static Map<String, Object> envelope(CloudEvent e) {
    return Map.of(
        "id", e.id(),
        "source", e.source(),
        "type", e.type(),
        "subject", e.subject(),
        "time", e.time().toString(),
        "data", e.data());
  }

  /** The events parked for orders of one poll; one consumer thread. */
  final class Lot {
    private final Map<String, List<Parked>> stored = new HashMap<>();
    private final Map<String, Parked> added = new LinkedHashMap<>();
    private final List<String> taken = new ArrayList<>();

    /** Parks an event until its order is known (once per event id). */
    void park(CloudEvent event, String orderId) {
      added.putIfAbsent(
          event.id(),
          new Parked(event.id(), orderId, event.type(), EventCodec.toJson(envelope(event)), false));
    }

    /**
     * Takes the events parked for the order: those stored before (by parked time, then as stored),
     * then those parked in this poll, in order.
     */
    List<Parked> take(String orderId) {
      if (!stored.containsKey(orderId)) {
        read(Set.of(orderId));
      }
      List<Parked> out = new ArrayList<>(stored.put(orderId, new ArrayList<>()));
      for (Parked p : out) {
        taken.add(p.eventId());
      }
      var it = added.values().iterator();
      while (it.hasNext()) {
        Parked p = it.next();
        if (p.orderId().equals(orderId)) {
          out.add(p);
          it.remove();
        }
      }
      return out;
    }

    /** Reads (and locks) the events parked for these orders. */
    void read(Set<String> orderIds) {
      Set<String> missing = new LinkedHashSet<>(orderIds);
      missing.removeAll(stored.keySet());
      if (missing.isEmpty()) {
        return;
      }
      for (String id : missing) {
        stored.put(id, new ArrayList<>());
      }
      Jdbc.call(
          em,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT event_id, order_id, event_type, payload FROM parked_event WHERE"
                        + " order_id = ANY(?::text[]) ORDER BY parked_at, ctid FOR UPDATE")) {
              Jdbc.bind(c, ps, Jdbc.texts(missing));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  stored
                      .get(rs.getString(2))
                      .add(
                          new Parked(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getString(3),
                              rs.getString(4),
                              true));
                }
              }
            }
            return null;
          });
    }

    /** Deletes the taken events and stores the newly parked ones. */
    void flush() {
      if (!taken.isEmpty()) {
        Jdbc.update(
            em, "DELETE FROM parked_event WHERE event_id = ANY(?::text[])", Jdbc.texts(taken));
      }
      if (!added.isEmpty()) {
        List<String> ids = new ArrayList<>();
        List<String> orderIds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (Parked p : added.values()) {
          ids.add(p.eventId());
          orderIds.add(p.orderId());
          types.add(p.eventType());
          payloads.add(p.payload());
        }
        Jdbc.update(
            em,
            "INSERT INTO parked_event (event_id, order_id, event_type, payload, parked_at) SELECT"
                + " x.*, now() FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS x ON"
                + " CONFLICT (event_id) DO NOTHING",
            Jdbc.texts(ids),
            Jdbc.texts(orderIds),
            Jdbc.texts(types),
            Jdbc.texts(payloads));
      }
    }
  }
}
