package cn.szcg.intake.infra;

import cn.szcg.intake.domain.ReportNumber;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Group commit of registrations (登记). Each request thread hands its fully built {@link Report} to
 * this writer and waits; writer threads take everything queued (up to {@code batch-max}) and write
 * it in <em>one</em> transaction: report numbers from the sequence in one statement, the report
 * rows as one JDBC batch, their {@code report-registered} events into the outbox as one batch, the
 * hotline status rows as one batch, one commit. A request is answered only after its batch
 * committed, so an acknowledged report is always in the database with its event (nothing accepted
 * is lost). Under load a batch holds as many reports as arrived during the previous commit, so the
 * cost per report falls as the rate rises, instead of one transaction and one WAL flush each.
 *
 * <p>If a batch fails (e.g. two concurrent retries with the same Idempotency-Key in one batch),
 * each report of it is written again in a transaction of its own, so one bad report cannot fail the
 * others. The queue is bounded: when it is full the request is refused at once with 503 and
 * Retry-After (admission control — memory stays flat under overload, and a client retrying with the
 * same Idempotency-Key registers the report once).
 */
@ApplicationScoped
public class RegistrationWriter {

  private static final Logger LOG = Logger.getLogger(RegistrationWriter.class);

  @Inject EntityManager em;
  @Inject Outbox outbox;
  @Inject IntakeLedger ledger;

  @ConfigProperty(name = "szcg.intake.registration.batch-max", defaultValue = "200")
  int batchMax;

  @ConfigProperty(name = "szcg.intake.registration.writers", defaultValue = "2")
  int writers;

  @ConfigProperty(name = "szcg.intake.registration.queue-capacity", defaultValue = "2000")
  int queueCapacity;

  @ConfigProperty(name = "szcg.intake.registration.wait-seconds", defaultValue = "30")
  int waitSeconds;

  @ConfigProperty(name = "szcg.intake.report-no-prefix", defaultValue = "MQ")
  String prefix;

  private BlockingQueue<Pending> queue;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  /** A report waiting for its batch; {@code write} fills its number and writes it. */
  record Pending(Report report, CompletableFuture<Report> done) {}

  void start(@Observes StartupEvent ev) {
    queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
    running = true;
    for (int i = 0; i < Math.max(1, writers); i++) {
      Thread t = new Thread(this::loop, "intake-registration-writer-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
  }

  void stop(@Observes ShutdownEvent ev) {
    running = false;
    for (Thread t : threads) {
      t.interrupt();
    }
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // anything still queued was never acknowledged: its client gets an error and retries
    Pending p;
    while (queue != null && (p = queue.poll()) != null) {
      p.done().completeExceptionally(unavailable("shutting down / 服务正在停止"));
    }
  }

  /**
   * Writes {@code report} (number, row, event, hotline status) in the next batch and returns it
   * once committed. Throws what writing it threw (e.g. a unique violation of the idempotency key
   * when a concurrent retry won), or 503 when the writer is saturated or cannot commit in time.
   */
  public Report write(Report report) {
    Pending p = new Pending(report, new CompletableFuture<>());
    if (queue == null || !running || !queue.offer(p)) {
      throw unavailable("登记队列已满，请稍后重试 / registration queue full, retry later");
    }
    try {
      return p.done().get(waitSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted");
    } catch (TimeoutException e) {
      // Not acknowledged: the client retries with the same Idempotency-Key and gets this report
      // if it was written meanwhile.
      throw unavailable("登记超时，请以相同幂等键重试 / registration timed out, retry with the same key");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ProblemException unavailable(String detail) {
    return ProblemException.unavailable(detail, 1);
  }

  /** A lost or refused connection, a restarting server, a pool timeout … — not bad data. */
  static boolean databaseUnreachable(Throwable e) {
    return cn.szcg.platform.tx.TransientFailures.isTransient(e);
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>(batchMax);
    while (running) {
      try {
        Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, batchMax - 1);
        writeBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.errorf(e, "registration writer failed on a batch of %d", batch.size());
        for (Pending p : batch) {
          p.done().completeExceptionally(e);
        }
      } finally {
        batch.clear();
      }
    }
  }

  private void writeBatch(List<Pending> batch) {
    List<Report> reports = batch.stream().map(Pending::report).toList();
    try {
      QuarkusTransaction.requiringNew().run(() -> insert(reports));
      for (Pending p : batch) {
        p.done().complete(p.report());
      }
      return;
    } catch (RuntimeException e) {
      if (batch.size() == 1 || databaseUnreachable(e)) {
        RuntimeException answer =
            databaseUnreachable(e)
                ? unavailable("数据库暂不可用，请稍后以相同幂等键重试 / database unavailable, retry")
                : e;
        for (Pending p : batch) {
          p.done().completeExceptionally(answer);
        }
        return;
      }
      LOG.debugf("batch of %d failed, writing one by one: %s", batch.size(), e);
    }
    for (Pending p : batch) {
      Supplier<Report> one =
          () -> {
            insert(List.of(p.report()));
            return p.report();
          };
      try {
        p.done().complete(QuarkusTransaction.requiringNew().call(one::get));
      } catch (RuntimeException e) {
        p.done()
            .completeExceptionally(
                databaseUnreachable(e)
                    ? unavailable("数据库暂不可用，请稍后以相同幂等键重试 / database unavailable, retry")
                    : e);
      }
    }
  }

  /** The batch's statements, in the caller's transaction. */
  private void insert(List<Report> reports) {
    List<Long> numbers = nextNumbers(reports.size());
    List<Outbox.Outgoing> events = new ArrayList<>(reports.size());
    for (int i = 0; i < reports.size(); i++) {
      Report r = reports.get(i);
      r.reportNo = ReportNumber.of(prefix, r.registeredAt, numbers.get(i)).format();
      events.add(
          new Outbox.Outgoing(r.id.toString(), ReportRows.registeredEvent(r), r.registeredAt));
    }
    // the report rows as one JDBC batch, before rows that reference them
    em.unwrap(org.hibernate.Session.class).doWork(conn -> insertReports(conn, reports));
    outbox.publishAll(events);
    ledger.hotlineRegisteredAll(reports);
  }

  /**
   * Every column of a new {@link Report} row, written with plain JDBC: on this path (every
   * registration) Hibernate's persist and flush cost more CPU than the rest of the writer together
   * (JFR, docs/intake.md §10). The entity stays the model everywhere else; {@code
   * RegistrationWriterColumnsTest} checks this list against the entity's mapped columns.
   */
  static final List<String> COLUMNS =
      List.of(
          "id",
          "report_no",
          "channel",
          "kind",
          "status",
          "category_code",
          "lon",
          "lat",
          "address",
          "description",
          "collector_id",
          "camera_id",
          "source_ref",
          "reporter_name",
          "reporter_phone",
          "idempotency_key",
          "client_id",
          "request_hash",
          "hotline_ticket",
          "township_code",
          "township_name",
          "community_code",
          "community_name",
          "grid_code",
          "zone",
          "nearest_components",
          "context_resolved",
          "device_time",
          "registered_at",
          "category_name",
          "catalogue_version",
          "limit_amount",
          "limit_unit",
          "emergency",
          "decided_at",
          "decided_by",
          "decision_reason",
          "merged_into",
          "confidence",
          "rejection_reason",
          "unfounded",
          "answer",
          "kept_separate",
          "context_attempts",
          "updated_at",
          "updated_by",
          "case_state",
          "case_state_at",
          "case_seq",
          "version");

  private static final String INSERT_REPORT =
      "INSERT INTO report ("
          + String.join(", ", COLUMNS)
          + ") VALUES ("
          + String.join(
              ", ",
              COLUMNS.stream()
                  .map(c -> c.equals("nearest_components") ? "CAST(? AS jsonb)" : "?")
                  .toList())
          + ")";

  private static void insertReports(java.sql.Connection conn, List<Report> reports)
      throws java.sql.SQLException {
    try (java.sql.PreparedStatement ps = conn.prepareStatement(INSERT_REPORT)) {
      for (Report r : reports) {
        int i = 0;
        ps.setObject(++i, r.id);
        ps.setString(++i, r.reportNo);
        ps.setString(++i, r.channel);
        ps.setString(++i, r.kind);
        ps.setString(++i, r.status);
        ps.setString(++i, r.categoryCode);
        ps.setObject(++i, r.lon, java.sql.Types.DOUBLE);
        ps.setObject(++i, r.lat, java.sql.Types.DOUBLE);
        ps.setString(++i, r.address);
        ps.setString(++i, r.description);
        ps.setString(++i, r.collectorId);
        ps.setString(++i, r.cameraId);
        ps.setString(++i, r.sourceRef);
        ps.setString(++i, r.reporterName);
        ps.setString(++i, r.reporterPhone);
        ps.setString(++i, r.idempotencyKey);
        ps.setString(++i, r.clientId);
        ps.setString(++i, r.requestHash);
        ps.setString(++i, r.hotlineTicket);
        ps.setString(++i, r.townshipCode);
        ps.setString(++i, r.townshipName);
        ps.setString(++i, r.communityCode);
        ps.setString(++i, r.communityName);
        ps.setString(++i, r.gridCode);
        ps.setString(++i, r.zone);
        ps.setString(++i, r.nearestComponents);
        ps.setBoolean(++i, r.contextResolved);
        ps.setObject(++i, time(r.deviceTime), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(++i, time(r.registeredAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(++i, r.categoryName);
        ps.setObject(++i, r.catalogueVersion, java.sql.Types.INTEGER);
        ps.setObject(++i, r.limitAmount, java.sql.Types.INTEGER);
        ps.setString(++i, r.limitUnit);
        ps.setBoolean(++i, r.emergency);
        ps.setObject(++i, time(r.decidedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(++i, r.decidedBy);
        ps.setString(++i, r.decisionReason);
        ps.setObject(++i, r.mergedInto);
        ps.setObject(++i, r.confidence, java.sql.Types.DOUBLE);
        ps.setString(++i, r.rejectionReason);
        ps.setBoolean(++i, r.unfounded);
        ps.setString(++i, r.answer);
        ps.setBoolean(++i, r.keptSeparate);
        ps.setInt(++i, r.contextAttempts);
        ps.setObject(++i, time(r.updatedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setString(++i, r.updatedBy);
        ps.setString(++i, r.caseState);
        ps.setObject(++i, time(r.caseStateAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setLong(++i, r.caseSeq);
        ps.setInt(++i, r.version);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static java.time.OffsetDateTime time(java.time.Instant t) {
    return t == null ? null : t.atOffset(java.time.ZoneOffset.UTC);
  }

  /** {@code n} numbers of the report sequence in one round trip (gap-tolerant, never reused). */
  private List<Long> nextNumbers(int n) {
    @SuppressWarnings("unchecked")
    List<Number> rows =
        em.createNativeQuery("SELECT nextval('report_no_seq') FROM generate_series(1, ?1)")
            .setParameter(1, n)
            .getResultList();
    List<Long> out = new ArrayList<>(n);
    for (Number x : rows) {
      out.add(x.longValue());
    }
    return out;
  }
}
