package cn.szcg.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The append-only, hash-chained audit trail of a service (table {@code szcg_audit}, see
 * db/platform/R__szcg_platform.sql). Rows are chained by a database trigger, so the application
 * only inserts; it cannot update or delete (database privileges, afterMigrate.sql).
 */
@ApplicationScoped
public class AuditTrail {

  @Inject EntityManager em;

  /** What a call did, to be recorded. */
  public record Call(
      Instant at,
      String subject,
      String username,
      String roles,
      String unit,
      String client,
      String method,
      String path,
      int status,
      String target,
      String remote,
      String requestId) {}

  /** Records one call in a transaction of its own (the call's own work is already committed). */
  public void record(Call c) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO szcg_audit (at, subject, username, roles, unit, client,"
                            + " method, path, status, target, remote, request_id, hash)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
                            + " '\\x'::bytea)")
                    .setParameter(1, Timestamp.from(c.at()))
                    .setParameter(2, cut(c.subject(), 200))
                    .setParameter(3, cut(c.username(), 200))
                    .setParameter(4, cut(c.roles(), 500))
                    .setParameter(5, cut(c.unit(), 100))
                    .setParameter(6, cut(c.client(), 200))
                    .setParameter(7, cut(c.method(), 10))
                    .setParameter(8, cut(c.path(), 2000))
                    .setParameter(9, c.status())
                    .setParameter(10, cut(c.target(), 2000))
                    .setParameter(11, cut(c.remote(), 100))
                    .setParameter(12, cut(c.requestId(), 200))
                    .executeUpdate());
  }

  /** The newest entries first, optionally from one subject (username or subject). */
  @SuppressWarnings("unchecked")
  public List<AuditEntry> page(Long beforeId, String who, int limit) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              List<Object[]> rows =
                  em.createNativeQuery(
                          "SELECT id, at, subject, username, roles, unit, client, method, path,"
                              + " status, target, remote, request_id, hash FROM szcg_audit"
                              + " WHERE (CAST(?1 AS bigint) IS NULL OR id < CAST(?1 AS bigint))"
                              + " AND (CAST(?2 AS text) IS NULL OR username = CAST(?2 AS text)"
                              + " OR subject = CAST(?2 AS text))"
                              + " ORDER BY id DESC LIMIT ?3")
                      .setParameter(1, beforeId == null ? null : beforeId)
                      .setParameter(2, who)
                      .setParameter(3, limit)
                      .getResultList();
              List<AuditEntry> out = new ArrayList<>(rows.size());
              for (Object[] r : rows) {
                out.add(
                    new AuditEntry(
                        ((Number) r[0]).longValue(),
                        toInstant(r[1]),
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (String) r[8],
                        ((Number) r[9]).intValue(),
                        (String) r[10],
                        (String) r[11],
                        (String) r[12],
                        HexFormat.of().formatHex((byte[]) r[13])));
              }
              return out;
            });
  }

  /** The result of re-computing the chain. */
  public record Verification(long entries, boolean intact, Long firstBrokenId, String lastHash) {}

  /**
   * Re-computes every hash from the rows and their predecessors; the first row whose stored hash or
   * link does not match is where the trail was changed.
   */
  public Verification verify() {
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              Object[] summary =
                  (Object[])
                      em.createNativeQuery(
                              "SELECT count(*), (SELECT hash FROM szcg_audit ORDER BY id DESC"
                                  + " LIMIT 1) FROM szcg_audit")
                          .getSingleResult();
              List<?> broken =
                  em.createNativeQuery(
                          "SELECT id FROM (SELECT a.id, a.hash, a.prev_hash,"
                              + " lag(a.hash) OVER (ORDER BY a.id) AS expected_prev,"
                              + " szcg_audit_digest(a.prev_hash, a) AS recomputed"
                              + " FROM szcg_audit a) x"
                              + " WHERE x.hash IS DISTINCT FROM x.recomputed"
                              + " OR x.prev_hash IS DISTINCT FROM x.expected_prev"
                              + " ORDER BY id LIMIT 1")
                      .getResultList();
              Long first = broken.isEmpty() ? null : ((Number) broken.get(0)).longValue();
              byte[] last = (byte[]) summary[1];
              return new Verification(
                  ((Number) summary[0]).longValue(),
                  first == null,
                  first,
                  last == null ? null : HexFormat.of().formatHex(last));
            });
  }

  private static Instant toInstant(Object o) {
    if (o instanceof Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return Instant.parse(o.toString());
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
