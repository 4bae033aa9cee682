package cn.szcg.dispatch.infra;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Test clock that can only move forward (case steps must not go back in time). */
@Alternative
@Priority(1)
@ApplicationScoped
public class ShiftableClock extends ServiceClock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  @Override
  public Instant now() {
    return Instant.now().plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
  }

  public void advance(Duration d) {
    offset.updateAndGet(o -> o.plus(d));
  }
}
