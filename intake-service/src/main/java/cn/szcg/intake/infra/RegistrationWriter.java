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
      em.persist(r);
      events.add(
          new Outbox.Outgoing(
              r.id.toString(), RegistrationService.registeredEvent(r), r.registeredAt));
    }
    em.flush(); // the report rows as one JDBC batch, before rows that reference them
    outbox.publishAll(events);
    ledger.hotlineRegisteredAll(reports);
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
