package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A collector's duty shift (当班): the grids (万米单元网格) they patrol from {@code start} inclusive to
 * {@code end} exclusive.
 */
public record DutyShift(
    String shiftId, CollectorRef collector, Set<String> gridIds, Instant start, Instant end) {
  public DutyShift {
    Objects.requireNonNull(shiftId);
    Objects.requireNonNull(collector);
    Objects.requireNonNull(start);
    Objects.requireNonNull(end);
    gridIds = Set.copyOf(gridIds);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a shift ends after it starts");
    }
  }
}
