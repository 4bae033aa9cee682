package cn.szcg.sla.notify.domain;

import java.time.Duration;

/**
 * Exponential back-off of a channel's retries (a channel outage delays, never loses): {@code base ×
 * 2^(attempts−1)}, capped; after {@code maxAttempts} the delivery is FAILED with the last reason.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

  public Backoff {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("base > 0, cap >= base, maxAttempts >= 1");
    }
  }

  /** The wait after the {@code attempts}-th failed attempt (1-based). */
  public Duration delayAfter(int attempts) {
    int shift = Math.max(0, Math.min(attempts - 1, 30));
    long millis = base.toMillis() << shift;
    return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
  }

  /** Whether another attempt follows the {@code attempts}-th failure. */
  public boolean retries(int attempts) {
    return attempts < maxAttempts;
  }
}
