package cn.szcg.dispatch.infra;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reference data read whole and often — the unit register, the responsibility matrix
 * — kept in memory and read again only when its table's version moved (issue 23: the register was
 * read and parsed two or three times per dispatch). The version is table {@code reference_version},
 * moved by statement triggers on every change (migration V7), so a change by another replica or by
 * hand is seen on the next read. A transaction that changed the table reads its own rows and keeps
 * nothing (it may roll back, and its version be taken by another change).
 */
@ApplicationScoped
public class ReferenceVersions {

  private record Key(String table, Class<?> kind) {}

  private record Cached(long version, Object value) {}

  @Inject EntityManager em;

  private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

  /**
   * The value of {@code kind} read from {@code table} by {@code read}, from memory while the
   * table's version is the one it was read at (one indexed row per call instead of the table).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public <T> T cached(String table, Class<T> kind, Supplier<T> read) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT version, coalesce(xmin::text = (pg_current_xact_id_if_assigned()::text"
                        + "::numeric % 4294967296)::text, false) FROM reference_version"
                        + " WHERE name = ?1")
                .setParameter(1, table)
                .getSingleResult();
    long version = ((Number) row[0]).longValue();
    if ((Boolean) row[1]) {
      // this transaction changed the table and may still roll back: its rows are read, not kept
      return read.get();
    }
    Key key = new Key(table, kind);
    Cached c = cache.get(key);
    if (c != null && c.version() == version) {
      return kind.cast(c.value());
    }
    // read after the version: a change committed in between is read too, and cached under the
    // older version, which the next call finds moved and reads again
    T value = read.get();
    cache.put(key, new Cached(version, value));
    return value;
  }
}
