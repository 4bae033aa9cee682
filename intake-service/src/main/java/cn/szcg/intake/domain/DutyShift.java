package cn.szcg.intake.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A collector's duty shift (排班/当班): the unit grids (万米单元网格) the collector patrols from {@code
 * start} (inclusive) to {@code end} (exclusive). A cancelled shift counts for nothing (it neither
 * overlaps another shift nor charges missed reports).
 */
public record DutyShift(
    String shiftId,
    String collectorId,
    List<String> gridCodes,
    Instant start,
    Instant end,
    boolean cancelled) {

  public DutyShift {
    Objects.requireNonNull(shiftId, "shiftId");
    Objects.requireNonNull(collectorId, "collectorId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    gridCodes = List.copyOf(gridCodes);
  }

  /** Whether the two half-open intervals [start, end) share an instant. */
  public boolean overlaps(Instant otherStart, Instant otherEnd) {
    return start.isBefore(otherEnd) && otherStart.isBefore(end);
  }

  /**
   * A shift that has ended ({@code end <= now}) is a fact: it is no longer corrected or cancelled.
   */
  public boolean endedAt(Instant now) {
    return !end.isAfter(now);
  }
}
