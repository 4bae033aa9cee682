package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.StaffPairing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The staff figures' waiting state: {@code staff_pairing} (the halves of a fact that come from
 * different topics, {@link StaffPairing}) and {@code staff_note} (who did what when, kept for a
 * later event: the dispatcher of an order, the requested verification, the passed check of a case).
 * Set-based, one statement per poll and table.
 */
@ApplicationScoped
public class StaffPairingStore {

  @Inject EntityManager em;

  /** Who did something when. */
  record Note(String subject, Instant at) {}

  /** The pairings of these keys (locked), by key. */
  Map<String, StaffPairing> readPairs(Set<String> keys) {
    return Jdbc.call(
        em,
        c -> {
          Map<String, StaffPairing> out = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT pair_key, subject_id, at, fact_id, on_time, booked FROM staff_pairing"
                      + " WHERE pair_key = ANY(?::text[]) ORDER BY pair_key FOR UPDATE")) {
            Jdbc.bind(c, ps, Jdbc.texts(keys));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new StaffPairing(
                        rs.getString(2),
                        Jdbc.instant(rs, 3),
                        rs.getString(4),
                        Jdbc.bool(rs, 5),
                        rs.getBoolean(6)));
              }
            }
          }
          return out;
        });
  }

  /** The notes of these keys, by key. */
  Map<String, Note> readNotes(Set<String> keys) {
    return Jdbc.call(
        em,
        c -> {
          Map<String, Note> out = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT note_key, subject_id, at FROM staff_note WHERE note_key ="
                      + " ANY(?::text[])")) {
            Jdbc.bind(c, ps, Jdbc.texts(keys));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), new Note(rs.getString(2), Jdbc.instant(rs, 3)));
              }
            }
          }
          return out;
        });
  }

  /** Writes these pairings (upsert, in key order). */
  void writePairs(Map<String, StaffPairing> pairs) {
    if (pairs.isEmpty()) {
      return;
    }
    Map<String, StaffPairing> sorted = new TreeMap<>(pairs);
    List<String> k = new ArrayList<>();
    List<String> subject = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    List<String> fact = new ArrayList<>();
    List<Boolean> onTime = new ArrayList<>();
    List<Boolean> booked = new ArrayList<>();
    sorted.forEach(
        (key, p) -> {
          k.add(key);
          subject.add(p.subject());
          at.add(p.at());
          fact.add(p.factId());
          onTime.add(p.onTime());
          booked.add(p.booked());
        });
    Jdbc.update(
        em,
        "INSERT INTO staff_pairing (pair_key, subject_id, at, fact_id, on_time, booked) SELECT"
            + " * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::bool[],"
            + " ?::bool[]) ON CONFLICT (pair_key) DO UPDATE SET subject_id ="
            + " EXCLUDED.subject_id, at = EXCLUDED.at, fact_id = EXCLUDED.fact_id, on_time ="
            + " EXCLUDED.on_time, booked = EXCLUDED.booked",
        Jdbc.texts(k),
        Jdbc.texts(subject),
        Jdbc.times(at),
        Jdbc.texts(fact),
        Jdbc.bools(onTime),
        Jdbc.bools(booked));
  }

  /** Inserts new notes (the first note of a key stays). */
  void insertNotes(Map<String, Note> notes) {
    if (notes.isEmpty()) {
      return;
    }
    List<String> k = new ArrayList<>(notes.keySet());
    List<String> subject = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    notes
        .values()
        .forEach(
            n -> {
              subject.add(n.subject());
              at.add(n.at());
            });
    Jdbc.update(
        em,
        "INSERT INTO staff_note (note_key, subject_id, at) SELECT * FROM unnest(?::text[],"
            + " ?::text[], ?::timestamptz[]) ON CONFLICT (note_key) DO NOTHING",
        Jdbc.texts(k),
        Jdbc.texts(subject),
        Jdbc.times(at));
  }
}
