package cn.szcg.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polling until an eventually consistent effect shows (events cross a broker in these tests). */
public final class Await {

  private static final long POLL_MS = 100;

  private Await() {}

  /** Polls {@code probe} until {@code done} holds for its value; returns that value. */
  public static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
    long end = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (true) {
      last = probe.get();
      if (done.test(last)) {
        return last;
      }
      if (System.nanoTime() >= end) {
        throw new AssertionError(
            what + " not reached within " + timeout.toSeconds() + " s; last seen: " + last);
      }
      try {
        Thread.sleep(POLL_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
    }
  }

  /** Polls until {@code condition} holds. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    until(what, timeout, condition::getAsBoolean, Boolean::booleanValue);
  }
}
