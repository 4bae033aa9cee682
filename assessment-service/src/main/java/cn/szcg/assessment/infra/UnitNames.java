package cn.szcg.assessment.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest known name (单位名称) of every unit, as dispatch-service names it on each {@code
 * case-transitioned} with a unitId ({@code data.unitName}); fed by the unit-figures consumer
 * ({@link UnitFiguresHandler}), kept in {@code unit_name}. The name of the latest event wins (ties:
 * the greater name), whatever order the events arrive in, so replays and redeliveries change
 * nothing. Reports show the id where no name is known ({@link #nameOf}).
 */
@ApplicationScoped
public class UnitNames {

  @Inject EntityManager em;

  /** A name and the time of the event that gave it. */
  public record Named(String name, Instant at) {
    /** The later of two namings (ties: the greater name, so any order gives the same winner). */
    public static Named latest(Named a, Named b) {
      int c = a.at().compareTo(b.at());
      if (c == 0) {
        c = a.name().compareTo(b.name());
      }
      return c >= 0 ? a : b;
    }
  }

  /** Upserts the names (one statement, in unit id order); an older naming never wins. */
  public void record(Map<String, Named> names) {
    if (names.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Instant> at = new ArrayList<>();
    new java.util.TreeMap<>(names)
        .forEach(
            (id, n) -> {
              ids.add(id);
              values.add(n.name());
              at.add(n.at());
            });
    Jdbc.update(
        em,
        "INSERT INTO unit_name AS u (unit_id, name, named_at) SELECT * FROM unnest(?::text[],"
            + " ?::text[], ?::timestamptz[]) ON CONFLICT (unit_id) DO UPDATE SET name ="
            + " EXCLUDED.name, named_at = EXCLUDED.named_at WHERE (EXCLUDED.named_at, EXCLUDED.name)"
            + " > (u.named_at, u.name)",
        Jdbc.texts(ids),
        Jdbc.texts(values),
        Jdbc.times(at));
  }

  /** The known names of these units (units without a name are absent). */
  public Map<String, String> namesOf(Collection<String> unitIds) {
    Map<String, String> out = new HashMap<>();
    if (unitIds.isEmpty()) {
      return out;
    }
    Jdbc.call(
        em,
        c -> {
          try (java.sql.PreparedStatement ps =
              c.prepareStatement(
                  "SELECT unit_id, name FROM unit_name WHERE unit_id = ANY(?::text[])")) {
            Jdbc.bind(c, ps, Jdbc.texts(new ArrayList<>(unitIds)));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
              }
            }
          }
          return null;
        });
    return out;
  }

  /** The unit's name, or its id when no name is known (the fallback of every report). */
  public String nameOf(String unitId) {
    if (unitId == null) {
      return null;
    }
    return namesOf(List.of(unitId)).getOrDefault(unitId, unitId);
  }
}
