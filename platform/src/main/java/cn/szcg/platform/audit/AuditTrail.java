package cn.szcg.platform.audit;

import cn.szcg.platform.sql.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The append-only, hash-chained audit trail of a service (table {@code szcg_audit}, see
 * db/platform/R__szcg_platform.sql). Rows are chained by a database trigger, so the application
 * only inserts; it cannot update or delete (database privileges, afterMigrate.sql).
 *
 * <p>Calls are appended by one writer thread in batches (up to {@value #BATCH} rows per
 * transaction): the chain's lock and the commit's WAL flush are paid once per batch, not once per
 * call, so the trail never becomes the service's bottleneck (docs/stress.md measured the per-call
 * variant at about 220 rows/s). A batch that fails (database down) is retried until it is written;
 * the queue holds {@value #CAPACITY} calls. A batch the database refuses for its data (SQLSTATE
 * class 22/23, e.g. a value it cannot store) is written row by row instead, so one bad row never
 * holds up the rows behind it; text is stored without NUL characters, which PostgreSQL cannot store
 * (a path with {@code %00} once stopped the whole trail). Reads ({@link #page}, {@link #verify})
 * first wait until everything enqueued before them is written, so a caller reads its own calls.
 */
@ApplicationScoped
public class AuditTrail {

  private static final Logger LOG = Logger.getLogger(AuditTrail.class);
  static final int BATCH = 500;
  static final int CAPACITY = 100_000;

  @Inject EntityManager em;

  private final BlockingQueue<Call> queue = new LinkedBlockingQueue<>(CAPACITY);
  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final Object progress = new Object();
  private volatile boolean running;
  private volatile Thread writer;

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

  void onStart(@Observes StartupEvent ev) {
    running = true;
    Thread t = new Thread(this::loop, "audit-writer");
    t.setDaemon(true);
    writer = t;
    t.start();
  }

  void onStop(@Observes ShutdownEvent ev) {
    running = false;
    Thread t = writer;
    if (t != null) {
      try {
        t.join(5_000); // the loop drains what is queued before it ends
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!queue.isEmpty()) {
      LOG.errorf("AUDIT: %d calls not recorded at shutdown", queue.size());
    }
  }

  /**
   * Queues one call (its own work is already committed). Waits up to two seconds when the queue is
   * full (the database has been down for a while); after that the call is logged as not recorded
   * rather than holding the request.
   */
  public void record(Call c) {
    boolean queued;
    try {
      queued = queue.offer(c, 2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      queued = false;
    }
    if (queued) {
      enqueued.incrementAndGet();
    } else {
      LOG.errorf("AUDIT: not recorded (queue full): %s", c);
    }
  }

  /** Queues one call without waiting (for the event loop). */
  public void recordNow(Call c) {
    if (queue.offer(c)) {
      enqueued.incrementAndGet();
    } else {
      LOG.errorf("AUDIT: not recorded (queue full): %s", c);
    }
  }

  private void loop() {
    List<Call> batch = new ArrayList<>(BATCH);
    long backoff = 100;
    while (running || !queue.isEmpty() || !batch.isEmpty()) {
      try {
        if (batch.isEmpty()) {
          Call first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
        }
        write(batch);
        written.addAndGet(batch.size());
        batch.clear();
        backoff = 100;
        synchronized (progress) {
          progress.notifyAll();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (refusedForItsData(e)) {
          writeOneByOne(batch);
          continue;
        }
        LOG.warnf("AUDIT: batch of %d not written yet, retrying: %s", batch.size(), e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 5_000);
        if (!running && backoff >= 5_000) {
          LOG.errorf("AUDIT: %d calls not recorded at shutdown", batch.size() + queue.size());
          return;
        }
      }
    }
  }

  /**
   * Writes a batch the database refused for its data one row at a time; a row refused on its own is
   * logged loudly (with what it recorded) and left out. A row that fails for another reason (the
   * database went away) stays in {@code batch}, with the rows after it, for the usual retry.
   */
  private void writeOneByOne(List<Call> batch) {
    while (!batch.isEmpty()) {
      Call c = batch.get(0);
      try {
        write(List.of(c));
        written.incrementAndGet();
      } catch (RuntimeException e) {
        if (!refusedForItsData(e)) {
          return;
        }
        written.incrementAndGet(); // accounted for: readers do not wait for it
        LOG.errorf("AUDIT: not recorded (refused by the database: %s): %s", e, c);
      }
      batch.remove(0);
    }
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  /** SQLSTATE class 22 (data exception) or 23 (integrity constraint): retrying cannot help. */
  static boolean refusedForItsData(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("22") || state.startsWith("23")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private void write(List<Call> batch) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.unwrap(Session.class)
                    .doWork(
                        con -> {
                          try (PreparedStatement ps =
                              con.prepareStatement(
                                  "INSERT INTO szcg_audit (at, subject, username, roles, unit,"
                                      + " client, method, path, status, target, remote,"
                                      + " request_id, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                      + " ?, ?, ?, '\\x'::bytea)")) {
                            for (Call c : batch) {
                              ps.setTimestamp(1, Timestamp.from(c.at()));
                              ps.setString(2, cut(c.subject(), 200));
                              ps.setString(3, cut(c.username(), 200));
                              ps.setString(4, cut(c.roles(), 500));
                              ps.setString(5, cut(c.unit(), 100));
                              ps.setString(6, cut(c.client(), 200));
                              ps.setString(7, cut(c.method(), 10));
                              ps.setString(8, cut(c.path(), 2000));
                              ps.setInt(9, c.status());
                              ps.setString(10, cut(c.target(), 2000));
                              ps.setString(11, cut(c.remote(), 100));
                              ps.setString(12, cut(c.requestId(), 200));
                              ps.addBatch();
                            }
                            ps.executeBatch();
                          }
                        }));
  }

  /** Waits (at most five seconds) until every call queued so far is in the table. */
  void awaitWritten() {
    long target = enqueued.get();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    synchronized (progress) {
      while (written.get() < target && System.nanoTime() < end) {
        try {
          progress.wait(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** The newest entries first, optionally from one subject (username or subject). */
  @SuppressWarnings("unchecked")
  public List<AuditEntry> page(Long beforeId, String who, int limit) {
    awaitWritten();
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
                        SqlValues.instant(r[1]),
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
    awaitWritten();
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

  /** At most {@code max} characters, NUL (which PostgreSQL text cannot hold) shown as U+FFFD. */
  static String cut(String s, int max) {
    if (s == null) {
      return null;
    }
    String kept = s.length() <= max ? s : s.substring(0, max);
    return kept.indexOf('\u0000') < 0 ? kept : kept.replace('\u0000', '\uFFFD');
  }
}
