package cn.szcg.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the collectors' duty roster (排班, issue 7): what a shift lead or administrator may
 * record as a shift and when it may still be changed. Plain Java, no framework; the API maps each
 * {@link FieldViolation} onto a problem+json field error.
 *
 * <ul>
 *   <li>{@code collectorId}: the collector must be registered ({@code unknown_collector});
 *   <li>{@code gridCodes}: at least one ({@code required}), at most {@link #maxGrids()} ({@code
 *       too_many}); each a 16-digit unit grid code (万米单元网格编码) of the county ({@code gridCodes[i]}:
 *       {@code invalid_grid_code}, {@code other_county}), none twice ({@code duplicate});
 *   <li>{@code end} after {@code start} ({@code not_after_start}); a shift lasts at most {@link
 *       #maxLength()} ({@code too_long}); a new or corrected shift must not have ended already
 *       ({@code end}: {@code in_past}) and starts at most {@link #maxAhead()} ahead ({@code start}:
 *       {@code too_far_ahead});
 *   <li>overlap: a collector's shifts never overlap ({@link #overlapping}; cancelled shifts and the
 *       shift being corrected do not count) — the API answers 409 naming {@code start};
 *   <li>a shift is corrected or cancelled only while it has not ended ({@link #changeable}).
 * </ul>
 *
 * @param countyCode the 6-digit county code every grid code starts with (Minqing: 350124)
 * @param maxLength longest shift (default 24 h)
 * @param maxAhead how far ahead a shift may start (default 90 days)
 * @param maxGrids most grids in one shift (default 200)
 */
public record DutyRosterRules(
    String countyCode, Duration maxLength, Duration maxAhead, int maxGrids) {

  private static final Pattern GRID_CODE = Pattern.compile("\\d{16}");

  public DutyRosterRules {
    Objects.requireNonNull(countyCode, "countyCode");
    Objects.requireNonNull(maxLength, "maxLength");
    Objects.requireNonNull(maxAhead, "maxAhead");
  }

  /** Minqing County (闽清县, 350124): 24 h, 90 days ahead, 200 grids. */
  public static DutyRosterRules minqingDefaults() {
    return new DutyRosterRules("350124", Duration.ofHours(24), Duration.ofDays(90), 200);
  }

  /**
   * The field violations of a shift to be recorded or corrected at {@code now} (empty when valid).
   * Overlap is checked separately ({@link #overlapping}), since it needs the collector's other
   * shifts.
   */
  public List<FieldViolation> validate(
      boolean collectorKnown, List<String> gridCodes, Instant start, Instant end, Instant now) {
    List<FieldViolation> out = new ArrayList<>();
    if (!collectorKnown) {
      out.add(
          FieldViolation.of("collectorId", "unknown_collector", "未登记的信息采集员", "unknown collector"));
    }
    if (gridCodes == null || gridCodes.isEmpty()) {
      out.add(
          FieldViolation.of(
              "gridCodes", "required", "至少指定一个万米单元网格", "at least one unit grid code is required"));
    } else if (gridCodes.size() > maxGrids) {
      out.add(
          FieldViolation.of(
              "gridCodes",
              "too_many",
              "一个班次最多 " + maxGrids + " 个单元网格",
              "at most " + maxGrids + " grids in one shift"));
    } else {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < gridCodes.size(); i++) {
        String g = gridCodes.get(i);
        String field = "gridCodes[" + i + "]";
        if (g == null || !GRID_CODE.matcher(g).matches()) {
          out.add(
              FieldViolation.of(
                  field, "invalid_grid_code", "单元网格编码须为 16 位数字", "a unit grid code has 16 digits"));
        } else if (!g.startsWith(countyCode)) {
          out.add(
              FieldViolation.of(
                  field,
                  "other_county",
                  "单元网格不属于本县（" + countyCode + "）",
                  "the grid is not in this county (" + countyCode + ")"));
        } else if (!seen.add(g)) {
          out.add(FieldViolation.of(field, "duplicate", "单元网格重复", "grid listed twice"));
        }
      }
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        out.add(
            FieldViolation.of(
                "end", "not_after_start", "结束时间须晚于开始时间", "the end must be after the start"));
      } else if (Duration.between(start, end).compareTo(maxLength) > 0) {
        out.add(
            FieldViolation.of(
                "end",
                "too_long",
                "一个班次最长 " + maxLength.toHours() + " 小时",
                "a shift lasts at most " + maxLength.toHours() + " h"));
      } else if (!end.isAfter(now)) {
        out.add(
            FieldViolation.of("end", "in_past", "班次已结束，不能登记或修改", "the shift has already ended"));
      }
      if (start.isAfter(now.plus(maxAhead))) {
        out.add(
            FieldViolation.of(
                "start",
                "too_far_ahead",
                "班次最多提前 " + maxAhead.toDays() + " 天排定",
                "a shift starts at most " + maxAhead.toDays() + " days ahead"));
      }
    }
    return out;
  }

  /**
   * The collector's shifts that overlap [start, end), cancelled ones and the shift being corrected
   * ({@code exceptShiftId}, may be null) excepted.
   */
  public List<DutyShift> overlapping(
      Collection<DutyShift> collectorsShifts, Instant start, Instant end, String exceptShiftId) {
    return collectorsShifts.stream()
        .filter(s -> !s.cancelled())
        .filter(s -> !s.shiftId().equals(exceptShiftId))
        .filter(s -> s.overlaps(start, end))
        .toList();
  }

  /** Why a shift may not be corrected or cancelled at {@code now}, or null if it may. */
  public BilingualText changeable(DutyShift shift, Instant now) {
    if (shift.cancelled()) {
      return new BilingualText("班次已取消", "the shift is cancelled");
    }
    if (shift.endedAt(now)) {
      return new BilingualText("班次已结束，不能修改或取消", "the shift has ended and can no longer change");
    }
    return null;
  }
}
