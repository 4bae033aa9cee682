package cn.szcg.sla.notify.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A person's quiet hours (免打扰时段) in Asia/Shanghai local time: {@code [start, end)}, across midnight
 * when {@code end} is before {@code start} (22:00–07:00). SMS and webhook messages that are not
 * urgent wait until the window ends; urgent ones (a breach 超时) go through; the console inbox entry
 * is always immediate.
 */
public record QuietHours(LocalTime start, LocalTime end) {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public QuietHours {
    if (start == null || end == null) {
      throw new IllegalArgumentException("quiet hours need a start and an end");
    }
    if (start.equals(end)) {
      throw new IllegalArgumentException("quiet hours must not be empty");
    }
  }

  /** Whether {@code at} falls inside the window. */
  public boolean contains(Instant at) {
    LocalTime t = at.atZone(ZONE).toLocalTime();
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }

  /** When a message raised at {@code at} may go out: {@code at} itself, or the window's end. */
  public Instant releaseAt(Instant at) {
    if (!contains(at)) {
      return at;
    }
    ZonedDateTime z = at.atZone(ZONE);
    LocalDate day = z.toLocalDate();
    // inside an overnight window after start: it ends tomorrow
    if (!start.isBefore(end) && !z.toLocalTime().isBefore(start)) {
      day = day.plusDays(1);
    }
    return ZonedDateTime.of(day, end, ZONE).toInstant();
  }

  /** When a message may go out, for someone with these quiet hours (or none). */
  public static Instant release(QuietHours quiet, boolean urgent, Instant at) {
    return quiet == null || urgent ? at : quiet.releaseAt(at);
  }
}
