package cn.szcg.assessment.infra;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Plain JDBC on the connection of the current transaction, for the set-based statements of the
 * consumers' batches (arrays bound as parameters and taken apart with {@code unnest}).
 */
final class Jdbc {
  private Jdbc() {}

  static <T> T call(EntityManager em, ReturningWork<T> work) {
    return em.unwrap(Session.class).doReturningWork(work);
  }

  /** Binds each value as an array parameter ({@link #array}) and runs the update. */
  static int update(EntityManager em, String sql, Object... arrays) {
    return call(
        em,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, arrays);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Runs an {@code INSERT … ON CONFLICT DO NOTHING RETURNING <id>} with array parameters and gives
   * the ids it inserted (the facts not seen before).
   */
  static Set<String> insertedIds(EntityManager em, String sql, Object... arrays) {
    return call(
        em,
        c -> {
          Set<String> out = new HashSet<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, arrays);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  /**
   * Binds the parameters: a {@link Typed} becomes an SQL array, anything else is bound as it is.
   */
  static void bind(Connection c, PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Typed t) {
        ps.setArray(i + 1, t.toArray(c));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /** An array parameter of an SQL element type (text, bool, int4, int8). */
  record Typed(String sqlType, Object[] values) {
    Array toArray(Connection c) throws SQLException {
      return c.createArrayOf(sqlType, values);
    }
  }

  static Typed texts(Collection<String> v) {
    return new Typed("text", v.toArray(new String[0]));
  }

  static Typed bools(Collection<Boolean> v) {
    return new Typed("bool", v.toArray(new Boolean[0]));
  }

  static Typed ints(Collection<Integer> v) {
    return new Typed("int4", v.toArray(new Integer[0]));
  }

  static Typed longs(Collection<Long> v) {
    return new Typed("int8", v.toArray(new Long[0]));
  }

  /** Instants as ISO text; cast with {@code ?::timestamptz[]} in the statement. */
  static Typed times(List<Instant> v) {
    String[] s = new String[v.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = v.get(i) == null ? null : v.get(i).toString();
    }
    return new Typed("text", s);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static Boolean bool(ResultSet rs, int column) throws SQLException {
    boolean b = rs.getBoolean(column);
    return rs.wasNull() ? null : b;
  }
}
