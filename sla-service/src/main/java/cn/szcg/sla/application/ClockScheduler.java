package cn.szcg.sla.application;

import cn.szcg.sla.infra.Calendars;
import cn.szcg.sla.infra.ClockRecord;
import cn.szcg.sla.infra.ClockStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Pushes warnings (预警) and breaches (超时) at their moment (LESSONS: deadlines are stored, breaches
 * are pushed). One dedicated thread: it locks the running clocks whose {@code next_due} has come
 * (index {@code stage_clock_next_due}, {@code FOR UPDATE SKIP LOCKED}, so several instances share
 * the work), publishes and marks them in one transaction, then sleeps until the earliest next
 * moment — woken early whenever a transaction that stored a clock commits. After a restart its
 * first pass publishes everything that fell due while the service was down, marked {@code late}.
 */
@ApplicationScoped
public class ClockScheduler {

  private static final Logger LOG = Logger.getLogger(ClockScheduler.class);

  @Inject ClockService clocks;
  @Inject ClockStore rows;
  @Inject Calendars calendars;
  @Inject MeterRegistry registry;

  @ConfigProperty(name = "szcg.sla.scheduler.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.sla.scheduler.batch", defaultValue = "500")
  int batch;

  /** Longest sleep: also picks up clocks stored by another instance. */
  @ConfigProperty(name = "szcg.sla.scheduler.max-sleep", defaultValue = "PT5S")
  Duration maxSleep;

  private final Object monitor = new Object();
  private boolean woken;
  private volatile boolean running;
  private Thread thread;
  private volatile Instant readyAt;
  private volatile long fired;
  private long lastCalendarCheck = System.nanoTime();

  void onStart(@Observes StartupEvent ev) {
    if (enabled) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent ev) {
    stop();
  }

  /** Starts the scheduler thread (idempotent). */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    running = true;
    readyAt = null;
    thread = new Thread(this::loop, "clock-scheduler");
    thread.setDaemon(true);
    thread.start();
  }

  /** Stops the thread and waits for it (a restart in tests and benchmarks). */
  public synchronized void stop() {
    Thread t = thread;
    if (t == null) {
      return;
    }
    running = false;
    wake();
    try {
      t.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  /** When the first pass after start finished (everything overdue published); null before. */
  public Instant readyAt() {
    return readyAt;
  }

  /** Events published since start. */
  public long fired() {
    return fired;
  }

  /** Something changed: look at the index again now. */
  public void wake() {
    synchronized (monitor) {
      woken = true;
      monitor.notifyAll();
    }
  }

  private void loop() {
    Timer lateness = Timer.builder("szcg.clocks.publish.lateness").register(registry);
    while (running) {
      try {
        int n;
        do {
          Instant now = clocks.effectiveNow();
          n = QuarkusTransaction.requiringNew().call(() -> fireDue(now, lateness));
        } while (n >= batch && running);
        if (readyAt == null) {
          readyAt = Instant.now();
          LOG.infof("clock scheduler ready at %s", readyAt);
        }
        if (System.nanoTime() - lastCalendarCheck > maxSleep.toNanos()) {
          lastCalendarCheck = System.nanoTime();
          calendars.refreshIfChanged();
        }
        Instant next = QuarkusTransaction.requiringNew().call(rows::earliestDue);
        long waitMs = maxSleep.toMillis();
        if (next != null) {
          waitMs = Math.min(waitMs, next.toEpochMilli() - System.currentTimeMillis());
          long hold = clocks.holdRemainingMillis();
          if (hold > 0) {
            waitMs = Math.max(waitMs, Math.min(hold + 5, maxSleep.toMillis()));
          }
        }
        synchronized (monitor) {
          if (!woken && waitMs > 0 && running) {
            monitor.wait(waitMs);
          }
          woken = false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        LOG.warnf("clock scheduler retries after: %s", e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** One batch: returns the number of clocks handled. */
  private int fireDue(Instant now, Timer lateness) {
    List<UUID> ids = rows.lockDue(now, batch);
    if (ids.isEmpty()) {
      return 0;
    }
    rows.flushAtCommit();
    List<ClockRecord> due = ClockRecord.byIds(ids);
    for (ClockRecord c : due) {
      Instant moment = c.nextDue;
      int published = clocks.fire(c, now);
      if (published > 0 && moment != null) {
        lateness.record(Duration.between(moment, Instant.now()).abs());
      }
      fired += published;
    }
    return ids.size();
  }
}
