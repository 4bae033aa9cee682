package cn.szcg.sla.domain;

import cn.szcg.contracts.events.TimeLimit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Working-time calendar (工作日历): daily work periods, seasonal variants, the working week, official
 * holidays and adjusted working days (调休补班), in one time zone (default Asia/Shanghai).
 *
 * <p>Immutable and thread-safe; build it with {@link #builder()}. All arithmetic is in {@code long}
 * epoch milliseconds (instants are truncated to the millisecond). Per-day working segments, a
 * prefix sum of working time and a rank of working days are precomputed for a range of years
 * (default 2010–2040), so adding working time jumps over whole days by binary search; outside that
 * range the same rules are evaluated day by day.
 *
 * <p>Rules (see docs/sla-calendar.md):
 *
 * <ul>
 *   <li>Work periods are half-open {@code [start, end)}; 12:00 is not working time when the morning
 *       period is 08:00–12:00.
 *   <li>A date is a working day when it is not an off day and its schedule has a period. An off day
 *       is a holiday override, or a day outside the working week that is not an adjusted working
 *       day.
 *   <li>{@link #addWorkingTime} returns the earliest instant at which the working time has been
 *       used up: 11:30 + 30 working minutes = 12:00 (not 14:30).
 *   <li>{@link #addWorkingDays}: the same working moment N working days later; see its javadoc.
 * </ul>
 *
 * <p>Why one class over 400 lines: the fast path (precomputed segments, prefix sums, binary search)
 * and the slow day-by-day path must answer identically ({@code FastAndSlowPathAgreeTest}); they
 * live in one class so that a change to a rule cannot reach one path and miss the other.
 */
public final class WorkCalendar {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final long DAY_MS = 86_400_000L;

  /** Days without any working time after which a search gives up (a calendar with no work). */
  private static final int MAX_IDLE_DAYS = 366 * 20;

  /** Working-time arithmetic is supported for 1970-01-01 .. 2299-12-31 (local dates). */
  private static final long MIN_EPOCH_DAY = LocalDate.of(1970, 1, 1).toEpochDay();

  private static final long MAX_EPOCH_DAY = LocalDate.of(2299, 12, 31).toEpochDay();

  private final String id;
  private final String version;
  private final ZoneId zone;
  private final Set<DayOfWeek> workWeek;
  private final List<WorkPeriod> defaultPeriods;
  private final List<SeasonalSchedule> seasons;
  private final List<DatedSchedule> datedSchedules;
  private final Map<LocalDate, DayOverride> overrides;
  // the last year whose holiday notice (节假日安排) the calendar holds; null: not stated
  private final Integer certainThroughYear;

  // precomputed range [firstDay, firstDay + days)
  private final long firstDay;
  private final int days;
  private final long[] dayStart; // days + 1 entries: epoch ms of each local midnight
  private final int[] segIndex; // days + 1 entries: first segment of each day
  private final long[] segStart;
  private final long[] segEnd;
  private final long[] cumWork; // days + 1 entries: working ms before each day
  private final int[] workRank; // days + 1 entries: number of working days before each day
  private final int[] workDays; // day indexes of the working days, ascending

  /** A recurring seasonal schedule, e.g. summer hours (夏季作息) from 06-01 to 09-30 every year. */
  public record SeasonalSchedule(MonthDay from, MonthDay to, List<WorkPeriod> periods) {
    public SeasonalSchedule {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      periods = normalise(periods);
    }

    /** Inclusive; a range like 11-01..03-31 wraps over the new year. */
    public boolean contains(LocalDate date) {
      MonthDay md = MonthDay.from(date);
      return from.compareTo(to) <= 0
          ? md.compareTo(from) >= 0 && md.compareTo(to) <= 0
          : md.compareTo(from) >= 0 || md.compareTo(to) <= 0;
    }
  }

  /** A schedule for a fixed range of dates (inclusive); wins over seasonal and default ones. */
  public record DatedSchedule(LocalDate from, LocalDate to, List<WorkPeriod> periods) {
    public DatedSchedule {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("dated schedule ends before it starts");
      }
      periods = normalise(periods);
    }

    public boolean contains(LocalDate date) {
      return !date.isBefore(from) && !date.isAfter(to);
    }
  }

  private WorkCalendar(Builder b) {
    this.id = b.id;
    this.version = b.version;
    this.zone = b.zone;
    this.workWeek = Collections.unmodifiableSet(EnumSet.copyOf(b.workWeek));
    this.defaultPeriods = normalise(b.defaultPeriods);
    this.seasons = List.copyOf(b.seasons);
    this.datedSchedules = List.copyOf(b.datedSchedules);
    this.overrides = Collections.unmodifiableMap(new LinkedHashMap<>(b.overrides));
    this.certainThroughYear = b.certainThroughYear;

    this.firstDay = b.precomputeFrom.toEpochDay();
    this.days = (int) (b.precomputeTo.toEpochDay() - firstDay + 1);
    this.dayStart = new long[days + 1];
    this.segIndex = new int[days + 1];
    this.cumWork = new long[days + 1];
    this.workRank = new int[days + 1];
    List<long[]> segs = new ArrayList<>();
    int[] wd = new int[days];
    int wdCount = 0;
    long work = 0;
    for (int i = 0; i <= days; i++) {
      LocalDate date = LocalDate.ofEpochDay(firstDay + i);
      dayStart[i] = startOfDayMillis(date);
      segIndex[i] = segs.size();
      cumWork[i] = work;
      workRank[i] = wdCount;
      if (i == days) {
        break;
      }
      long[] flat = computeSegments(date);
      for (int k = 0; k < flat.length; k += 2) {
        segs.add(new long[] {flat[k], flat[k + 1]});
        work += flat[k + 1] - flat[k];
      }
      if (flat.length > 0) {
        wd[wdCount++] = i;
      }
    }
    this.segStart = new long[segs.size()];
    this.segEnd = new long[segs.size()];
    for (int k = 0; k < segs.size(); k++) {
      segStart[k] = segs.get(k)[0];
      segEnd[k] = segs.get(k)[1];
    }
    this.workDays = java.util.Arrays.copyOf(wd, wdCount);
  }

  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ days

  public String id() {
    return id;
  }

  /** Version of the calendar data (e.g. the holiday data version); clocks record it. */
  public String version() {
    return version;
  }

  public ZoneId zone() {
    return zone;
  }

  public Set<DayOfWeek> workWeek() {
    return workWeek;
  }

  public List<WorkPeriod> defaultPeriods() {
    return defaultPeriods;
  }

  /**
   * The last year whose holiday notice (节假日安排通知) the calendar holds: working time up to the end of
   * that year is certain; after it, official holidays are unknown and count as ordinary days. Empty
   * when the calendar does not state it (built by hand, e.g. in tests).
   */
  public java.util.OptionalInt certainThroughYear() {
    return certainThroughYear == null
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(certainThroughYear);
  }

  /**
   * Whether an instant lies within the years of stored notices (local date in the calendar's zone);
   * always true when the calendar does not state its horizon.
   */
  public boolean isCertain(Instant t) {
    return certainThroughYear == null || t.atZone(zone).getYear() <= certainThroughYear;
  }

  /** The override (holiday or adjusted working day) on a date, if any. */
  public Optional<DayOverride> overrideOn(LocalDate date) {
    return Optional.ofNullable(overrides.get(date));
  }

  /** All overrides, by date. */
  public Map<LocalDate, DayOverride> overrides() {
    return overrides;
  }

  /**
   * Off day (休息日): an official holiday, or a day outside the working week (weekend) that is not an
   * adjusted working day.
   */
  public boolean isOffDay(LocalDate date) {
    DayOverride o = overrides.get(date);
    if (o != null) {
      return o.isOffDay();
    }
    return !workWeek.contains(date.getDayOfWeek());
  }

  /** Adjusted working day (调休补班): a day outside the working week declared a working day. */
  public boolean isAdjustedWorkday(LocalDate date) {
    DayOverride o = overrides.get(date);
    return o != null && !o.isOffDay() && !workWeek.contains(date.getDayOfWeek());
  }

  /** Not an off day, and the schedule of that date has at least one work period. */
  public boolean isWorkingDay(LocalDate date) {
    return !isOffDay(date) && !scheduleOf(date).isEmpty();
  }

  /** The schedule that applies to a date if it is worked (dated > seasonal > default). */
  public List<WorkPeriod> scheduleOf(LocalDate date) {
    for (int i = datedSchedules.size() - 1; i >= 0; i--) {
      if (datedSchedules.get(i).contains(date)) {
        return datedSchedules.get(i).periods();
      }
    }
    for (int i = seasons.size() - 1; i >= 0; i--) {
      if (seasons.get(i).contains(date)) {
        return seasons.get(i).periods();
      }
    }
    return defaultPeriods;
  }

  /** The work periods of a date; empty on an off day. */
  public List<WorkPeriod> periodsOn(LocalDate date) {
    return isWorkingDay(date) ? scheduleOf(date) : List.of();
  }

  /** Total working time of a date. */
  public Duration workingTimeOn(LocalDate date) {
    long[] s = segmentsOfDay(date.toEpochDay());
    long sum = 0;
    for (int k = 0; k < s.length; k += 2) {
      sum += s[k + 1] - s[k];
    }
    return Duration.ofMillis(sum);
  }

  // --------------------------------------------------------------- moments

  /** True when the instant lies inside a work period of a working day. */
  public boolean isWorkingMoment(Instant t) {
    long ms = t.toEpochMilli();
    return nextWorkingMillis(ms) == ms;
  }

  /** The instant itself if it is working time, else the start of the next work period. */
  public Instant nextWorkingMoment(Instant t) {
    return Instant.ofEpochMilli(nextWorkingMillis(t.toEpochMilli()));
  }

  /**
   * The deadline of a time limit started at {@code start}.
   *
   * <ul>
   *   <li>natural minutes/hours/days: plain addition (a natural day is 24 hours);
   *   <li>working minutes/hours: {@link #addWorkingTime};
   *   <li>working days: {@link #addWorkingDays}.
   * </ul>
   *
   * A working limit of 0 gives the next working moment.
   */
  public Instant deadline(Instant start, TimeLimit limit) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(limit.unit(), "limit.unit");
    if (limit.amount() < 0) {
      throw new IllegalArgumentException("negative time limit: " + limit);
    }
    long s = start.toEpochMilli();
    long n = limit.amount();
    long result =
        switch (limit.unit()) {
          case NATURAL_MINUTES -> s + n * 60_000L;
          case NATURAL_HOURS -> s + n * 3_600_000L;
          case NATURAL_DAYS -> s + n * DAY_MS;
          case WORKING_MINUTES -> n == 0 ? nextWorkingMillis(s) : addWorkingMillis(s, n * 60_000L);
          case WORKING_HOURS -> n == 0 ? nextWorkingMillis(s) : addWorkingMillis(s, n * 3_600_000L);
          case WORKING_DAYS -> addWorkingDaysMillis(s, limit.amount());
        };
    return Instant.ofEpochMilli(result);
  }

  /**
   * The earliest instant at which {@code amount} of working time has passed since {@code start} (a
   * start outside working time counts from the next working moment). Zero returns {@code start}.
   */
  public Instant addWorkingTime(Instant start, Duration amount) {
    long a = amount.toMillis();
    if (a < 0) {
      throw new IllegalArgumentException("negative working time: " + amount);
    }
    long s = start.toEpochMilli();
    return Instant.ofEpochMilli(a == 0 ? s : addWorkingMillis(s, a));
  }

  /**
   * "N working days" (N个工作日): the same working moment N working days later — not N × 24 working
   * hours. A start outside working time counts from the next working moment. The moment is carried
   * as the working time already elapsed on the start day (08:00 → 0 h, 14:30 → 4 h on the Minqing
   * schedule) and placed at that working offset of the target day, at the start of a period rather
   * than the end of the one before (Mon 14:30 + 1 = Tue 14:30, not Tue 12:00). If the target day
   * has less working time than the offset (a shorter seasonal schedule), the deadline is clamped to
   * the end of the target day's last period.
   */
  public Instant addWorkingDays(Instant start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative working days: " + n);
    }
    return Instant.ofEpochMilli(addWorkingDaysMillis(start.toEpochMilli(), n));
  }

  /** Working time in {@code [a, b)}; negative if {@code b} is before {@code a}. */
  public Duration workingTimeBetween(Instant a, Instant b) {
    long x = a.toEpochMilli();
    long y = b.toEpochMilli();
    return Duration.ofMillis(y >= x ? workingMillisBetween(x, y) : -workingMillisBetween(y, x));
  }

  // ------------------------------------------------------------ internals

  private boolean inRange(long ms) {
    return ms >= dayStart[0] && ms < dayStart[days];
  }

  /** Day index for an instant known to be in range. */
  private int dayIndex(long ms) {
    long guess = Math.floorDiv(ms - dayStart[0], DAY_MS);
    int i = (int) Math.max(0, Math.min(days - 1, guess));
    while (i > 0 && dayStart[i] > ms) {
      i--;
    }
    while (i < days - 1 && dayStart[i + 1] <= ms) {
      i++;
    }
    return i;
  }

  private long epochDayOf(long ms) {
    if (inRange(ms)) {
      return firstDay + dayIndex(ms);
    }
    long day = Instant.ofEpochMilli(ms).atZone(zone).toLocalDate().toEpochDay();
    if (day < MIN_EPOCH_DAY || day > MAX_EPOCH_DAY) {
      throw new IllegalArgumentException(
          "working-time arithmetic is supported for 1970..2299 only: " + Instant.ofEpochMilli(ms));
    }
    return day;
  }

  private long startOfDay(long epochDay) {
    long i = epochDay - firstDay;
    if (i >= 0 && i <= days) {
      return dayStart[(int) i];
    }
    return startOfDayMillis(LocalDate.ofEpochDay(epochDay));
  }

  private long startOfDayMillis(LocalDate date) {
    return date.atStartOfDay(zone).toInstant().toEpochMilli();
  }

  /** Working segments of a day as {s0, e0, s1, e1, ...} in epoch ms. */
  private long[] segmentsOfDay(long epochDay) {
    long i = epochDay - firstDay;
    if (i >= 0 && i < days) {
      int lo = segIndex[(int) i];
      int hi = segIndex[(int) i + 1];
      long[] out = new long[(hi - lo) * 2];
      for (int k = lo; k < hi; k++) {
        out[(k - lo) * 2] = segStart[k];
        out[(k - lo) * 2 + 1] = segEnd[k];
      }
      return out;
    }
    return computeSegments(LocalDate.ofEpochDay(epochDay));
  }

  private long[] computeSegments(LocalDate date) {
    if (!isWorkingDay(date)) {
      return new long[0];
    }
    List<WorkPeriod> periods = scheduleOf(date);
    long[] out = new long[periods.size() * 2];
    int k = 0;
    for (WorkPeriod p : periods) {
      out[k++] = date.atTime(p.start()).atZone(zone).toInstant().toEpochMilli();
      out[k++] = date.atTime(p.end()).atZone(zone).toInstant().toEpochMilli();
    }
    return out;
  }

  /** Working ms from the range start to {@code ms} (in range). */
  private long offsetOf(long ms) {
    int d = dayIndex(ms);
    long w = cumWork[d];
    for (int k = segIndex[d], hi = segIndex[d + 1]; k < hi; k++) {
      if (ms >= segEnd[k]) {
        w += segEnd[k] - segStart[k];
      } else {
        if (ms > segStart[k]) {
          w += ms - segStart[k];
        }
        break;
      }
    }
    return w;
  }

  /** Earliest instant whose offset equals {@code target} (0 < target <= cumWork[days]). */
  private long instantAtOffset(long target) {
    int lo = 0;
    int hi = days - 1;
    // largest d with cumWork[d] < target
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (cumWork[mid] < target) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    long r = target - cumWork[lo];
    for (int k = segIndex[lo], end = segIndex[lo + 1]; k < end; k++) {
      long len = segEnd[k] - segStart[k];
      if (r <= len) {
        return segStart[k] + r;
      }
      r -= len;
    }
    throw new IllegalStateException("offset not found: " + target);
  }

  private long nextWorkingMillis(long ms) {
    long cur = ms;
    int idle = 0;
    while (true) {
      if (inRange(cur)) {
        int d = dayIndex(cur);
        for (int k = segIndex[d], hi = segIndex[d + 1]; k < hi; k++) {
          if (cur < segEnd[k]) {
            return Math.max(cur, segStart[k]);
          }
        }
        int r = workRank[d + 1];
        if (r < workDays.length) {
          return segStart[segIndex[workDays[r]]];
        }
        cur = dayStart[days];
        continue;
      }
      long day = epochDayOf(cur);
      long[] s = segmentsOfDay(day);
      for (int k = 0; k < s.length; k += 2) {
        if (cur < s[k + 1]) {
          return Math.max(cur, s[k]);
        }
      }
      cur = startOfDay(day + 1);
      if (++idle > MAX_IDLE_DAYS) {
        throw new IllegalStateException("calendar " + id + " has no working time after " + ms);
      }
    }
  }

  private long addWorkingMillis(long start, long amount) {
    long cur = start;
    long rem = amount;
    int idle = 0;
    while (true) {
      if (inRange(cur)) {
        long target = offsetOf(cur) + rem;
        if (target <= cumWork[days]) {
          return instantAtOffset(target);
        }
        rem = target - cumWork[days];
        cur = dayStart[days];
        continue;
      }
      long day = epochDayOf(cur);
      long[] s = segmentsOfDay(day);
      for (int k = 0; k < s.length; k += 2) {
        long from = Math.max(cur, s[k]);
        if (from < s[k + 1]) {
          long avail = s[k + 1] - from;
          if (rem <= avail) {
            return from + rem;
          }
          rem -= avail;
          idle = 0;
        }
      }
      cur = startOfDay(day + 1);
      if (++idle > MAX_IDLE_DAYS) {
        throw new IllegalStateException("calendar " + id + " has no working time after " + cur);
      }
    }
  }

  private long addWorkingDaysMillis(long start, int n) {
    long s = nextWorkingMillis(start);
    if (n == 0) {
      return s;
    }
    long day = epochDayOf(s);
    long[] segs = segmentsOfDay(day);
    long offset = 0;
    for (int k = 0; k < segs.length; k += 2) {
      if (s >= segs[k + 1]) {
        offset += segs[k + 1] - segs[k];
      } else {
        offset += Math.max(0, s - segs[k]);
        break;
      }
    }
    long target = nthWorkingDayAfter(day, n);
    long[] t = segmentsOfDay(target);
    for (int k = 0; k < t.length; k += 2) {
      long len = t[k + 1] - t[k];
      if (offset < len) {
        return t[k] + offset;
      }
      offset -= len;
    }
    return t[t.length - 1]; // clamp: the target day is shorter than the offset
  }

  private long nthWorkingDayAfter(long day, int n) {
    long d = day + 1;
    int remaining = n;
    int idle = 0;
    while (true) {
      long i = d - firstDay;
      if (i >= 0 && i < days) {
        int r = workRank[(int) i];
        int avail = workDays.length - r;
        if (remaining <= avail) {
          return firstDay + workDays[r + remaining - 1];
        }
        remaining -= avail;
        d = firstDay + days;
        continue;
      }
      if (d > MAX_EPOCH_DAY) {
        throw new IllegalArgumentException("working days beyond 2299 are not supported");
      }
      if (isWorkingDay(LocalDate.ofEpochDay(d))) {
        idle = 0;
        if (--remaining == 0) {
          return d;
        }
      } else if (++idle > MAX_IDLE_DAYS) {
        throw new IllegalStateException("calendar " + id + " has no working days after " + d);
      }
      d++;
    }
  }

  private long workingMillisBetween(long a, long b) {
    long total = 0;
    long cur = a;
    while (cur < b) {
      if (inRange(cur)) {
        long stop = Math.min(b, dayStart[days]);
        long end = stop == dayStart[days] ? cumWork[days] : offsetOf(stop);
        total += end - offsetOf(cur);
        cur = stop;
        continue;
      }
      long day = epochDayOf(cur);
      long stop = Math.min(b, startOfDay(day + 1));
      if (cur < dayStart[0] && stop > dayStart[0]) {
        stop = dayStart[0];
      }
      long[] s = segmentsOfDay(day);
      for (int k = 0; k < s.length; k += 2) {
        long from = Math.max(cur, s[k]);
        long to = Math.min(stop, s[k + 1]);
        if (to > from) {
          total += to - from;
        }
      }
      cur = stop;
    }
    return total;
  }

  private static List<WorkPeriod> normalise(Collection<WorkPeriod> periods) {
    Objects.requireNonNull(periods, "periods");
    List<WorkPeriod> sorted = new ArrayList<>(periods);
    Collections.sort(sorted);
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
        throw new IllegalArgumentException(
            "work periods overlap: " + sorted.get(i - 1) + " and " + sorted.get(i));
      }
    }
    return List.copyOf(sorted);
  }

  @Override
  public String toString() {
    return "WorkCalendar[" + id + "@" + version + ", " + zone + ", " + defaultPeriods + "]";
  }

  // --------------------------------------------------------------- builder

  /** Builder; defaults: Asia/Shanghai, Monday–Friday, 08:00–12:00 and 14:30–17:30 (Minqing). */
  public static final class Builder {
    private String id = "minqing";
    private String version = "unversioned";
    private ZoneId zone = SHANGHAI;
    private Set<DayOfWeek> workWeek =
        EnumSet.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    private List<WorkPeriod> defaultPeriods =
        List.of(WorkPeriod.of("08:00", "12:00"), WorkPeriod.of("14:30", "17:30"));
    private final List<SeasonalSchedule> seasons = new ArrayList<>();
    private final List<DatedSchedule> datedSchedules = new ArrayList<>();
    private final Map<LocalDate, DayOverride> overrides = new HashMap<>();
    private Integer certainThroughYear;
    private LocalDate precomputeFrom = LocalDate.of(2010, 1, 1);
    private LocalDate precomputeTo = LocalDate.of(2040, 12, 31);

    private Builder() {}

    public Builder id(String id) {
      this.id = Objects.requireNonNull(id);
      return this;
    }

    public Builder version(String version) {
      this.version = Objects.requireNonNull(version);
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone);
      return this;
    }

    public Builder workWeek(Set<DayOfWeek> days) {
      if (days.isEmpty()) {
        throw new IllegalArgumentException("the working week needs at least one day");
      }
      this.workWeek = EnumSet.copyOf(days);
      return this;
    }

    /** The default daily periods, e.g. {@code WorkPeriod.parse("08:00-12:00")}. */
    public Builder periods(List<WorkPeriod> periods) {
      List<WorkPeriod> p = normalise(periods);
      if (p.isEmpty()) {
        throw new IllegalArgumentException("the default schedule needs at least one period");
      }
      this.defaultPeriods = p;
      return this;
    }

    public Builder periods(WorkPeriod... periods) {
      return periods(List.of(periods));
    }

    /** A recurring seasonal schedule (inclusive month-day range; later ones win). */
    public Builder seasonalPeriods(MonthDay from, MonthDay to, List<WorkPeriod> periods) {
      seasons.add(new SeasonalSchedule(from, to, periods));
      return this;
    }

    /** A schedule for fixed dates (inclusive; wins over seasons; later ones win). */
    public Builder periodsBetween(LocalDate from, LocalDate to, List<WorkPeriod> periods) {
      datedSchedules.add(new DatedSchedule(from, to, periods));
      return this;
    }

    /** Adds an override; a later one for the same date replaces an earlier one. */
    public Builder override(DayOverride o) {
      overrides.put(o.date(), o);
      return this;
    }

    public Builder overrides(Collection<DayOverride> list) {
      list.forEach(this::override);
      return this;
    }

    public Builder offDay(LocalDate date, String name) {
      return override(DayOverride.offDay(date, name));
    }

    public Builder adjustedWorkday(LocalDate date, String name) {
      return override(DayOverride.adjustedWorkday(date, name));
    }

    /**
     * Adds every override of the data set and takes its version; the last year of its notices
     * becomes the certain horizon ({@link #certainThrough}) unless a later one is set.
     */
    public Builder holidays(HolidayData data) {
      overrides(data.dayOverrides());
      this.version = data.version();
      data.notices().stream()
          .mapToInt(HolidayNotice::year)
          .max()
          .ifPresent(
              y ->
                  certainThrough(Math.max(y, certainThroughYear == null ? y : certainThroughYear)));
      return this;
    }

    /** The last year whose holiday notice the calendar holds ({@link #certainThroughYear()}). */
    public Builder certainThrough(int year) {
      this.certainThroughYear = year;
      return this;
    }

    /** The years precomputed for speed (default 2010–2040); other dates work, only slower. */
    public Builder precompute(int fromYear, int toYear) {
      if (toYear < fromYear || toYear - fromYear > 200) {
        throw new IllegalArgumentException("bad precompute range " + fromYear + ".." + toYear);
      }
      this.precomputeFrom = LocalDate.of(fromYear, 1, 1);
      this.precomputeTo = LocalDate.of(toYear, 12, 31);
      return this;
    }

    public WorkCalendar build() {
      return new WorkCalendar(this);
    }
  }
}
