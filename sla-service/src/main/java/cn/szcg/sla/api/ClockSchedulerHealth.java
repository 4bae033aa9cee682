package cn.szcg.sla.api;

import cn.szcg.sla.application.ClockScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness data of the clock scheduler: whether its first pass after start is done (everything
 * that fell due while the service was down is published, {@code readyAt}) and how many warnings and
 * breaches it has published since. Always UP: the API and the consumer work while the first pass
 * catches up, and a long catch-up after a long outage must not take the API away.
 */
@Readiness
@ApplicationScoped
public class ClockSchedulerHealth implements HealthCheck {

  @Inject ClockScheduler scheduler;

  @Override
  public HealthCheckResponse call() {
    Instant readyAt = scheduler.readyAt();
    HealthCheckResponseBuilder b =
        HealthCheckResponse.named("clock-scheduler")
            .up()
            .withData("firstPassDone", readyAt != null)
            .withData("published", scheduler.fired());
    if (readyAt != null) {
      b.withData("readyAt", readyAt.toString());
    }
    return b.build();
  }
}
