package cn.szcg.intake.infra;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A background round run at a fixed delay on its own daemon thread; a failing round is logged and
 * the next one runs as planned (used by the location enricher and the hotline webhook sender).
 */
public final class PeriodicTask {

  private final ScheduledExecutorService timer;

  private PeriodicTask(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  public static PeriodicTask start(String threadName, long intervalMs, Logger log, Runnable round) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, threadName);
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            round.run();
          } catch (Exception e) {
            log.warnf("%s round failed: %s", threadName, e.toString());
          }
        },
        intervalMs,
        intervalMs,
        TimeUnit.MILLISECONDS);
    return new PeriodicTask(timer);
  }

  public void stop() {
    timer.shutdownNow();
  }
}
