package cn.szcg.dispatch.infra;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The server's time for commands (one place, so tests can move it forward), in microseconds like
 * PostgreSQL's timestamptz so that the snapshot and the columns agree.
 */
@ApplicationScoped
public class ServiceClock {

  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
