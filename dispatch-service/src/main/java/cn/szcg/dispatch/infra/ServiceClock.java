package cn.szcg.dispatch.infra;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The server's time for commands (one place, so tests can move it forward). */
@ApplicationScoped
public class ServiceClock {

  public Instant now() {
    return Instant.now();
  }
}
