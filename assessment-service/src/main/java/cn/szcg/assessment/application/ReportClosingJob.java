package cn.szcg.assessment.application;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Produces the periodic 通报 when due: one daemon thread asks {@link PeriodicReports#closeDue}
 * every {@code szcg.assessment.periodic-reports.check-interval} (default 10 minutes; first check
 * one minute after startup). What is due is decided from the wall clock and the grace window; every
 * replica may run it — the advisory lock and the deterministic report id make the second one find
 * the sealed report. A failed check (database down, font missing) is logged and tried again at the
 * next tick. Tests disable it and call {@code closeDue} with a simulated time.
 */
@ApplicationScoped
public class ReportClosingJob {

  private static final Logger LOG = Logger.getLogger(ReportClosingJob.class);

  @Inject PeriodicReports reports;

  @ConfigProperty(name = "szcg.assessment.periodic-reports.enabled", defaultValue = "true")
  boolean enabled;

  @ConfigProperty(name = "szcg.assessment.periodic-reports.check-interval", defaultValue = "PT10M")
  Duration interval;

  private ScheduledExecutorService executor;

  void onStart(@Observes StartupEvent ev) {
    if (!enabled) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "report-closing");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(
        this::tick, 60, Math.max(10, interval.toSeconds()), TimeUnit.SECONDS);
  }

  void onStop(@Observes ShutdownEvent ev) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  void tick() {
    try {
      reports
          .closeDue(Instant.now())
          .forEach(o -> LOG.infof("通报 sealed / periodic report sealed: %s", o.report().reportId()));
    } catch (RuntimeException e) {
      LOG.errorf("通报未生成，稍后重试 / periodic report not produced, retried at the next tick: %s", e);
    }
  }
}
