package cn.szcg.sla.domain;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One daily work period (工作时段), half-open {@code [start, end)} in local time of the calendar's
 * zone, e.g. 08:00–12:00. The moment {@code end} itself is no longer working time.
 */
public record WorkPeriod(LocalTime start, LocalTime end) implements Comparable<WorkPeriod> {

  public WorkPeriod {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "work period must end after it starts: " + start + "-" + end);
    }
  }

  /** Parses {@code "08:00-12:00"}. */
  public static WorkPeriod parse(String text) {
    String[] parts = text.trim().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected HH:mm-HH:mm, got: " + text);
    }
    return new WorkPeriod(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
  }

  public static WorkPeriod of(String start, String end) {
    return new WorkPeriod(LocalTime.parse(start), LocalTime.parse(end));
  }

  @Override
  public int compareTo(WorkPeriod o) {
    return start.compareTo(o.start);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
