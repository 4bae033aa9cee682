package cn.szcg.sla.domain;

import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock of one stage of one case (环节计时): start, deadline, warning moment, pauses (挂起),
 * extensions (延期) and stop. Immutable: every transition returns a new clock, and transitions must
 * come in time order.
 *
 * <p>Time is counted in the limit's own kind: working time on the calendar for working units,
 * natural time otherwise (always natural for emergencies, R-20). The clock keeps the policy version
 * and calendar version it started under and its deadline is computed once at start and then only
 * moved by explicit transitions — it is never recomputed with newer rules.
 *
 * <ul>
 *   <li>deadline: {@link WorkCalendar#deadline} of the limit from the start, moved later by the
 *       working (or natural) time of each pause when it is resumed;
 *   <li>budget: the allowed time = time from start to deadline minus closed pauses;
 *   <li>warning moment: when {@code warningPercent} % of the budget is used;
 *   <li>breach: an instant strictly after the deadline; stopping at the deadline is on time.
 * </ul>
 *
 * <p>Why one class over 400 lines: a clock is one immutable value whose transitions (start, pause,
 * resume, extend, recompute, stop) must keep budget, deadline and warning moment consistent with
 * each other; split across classes the invariants would have no single owner. Its snapshot (the
 * stored form) is a nested record for the same reason.
 */
public final class StageClock {

  /** A pause (挂起); {@code until} is null while the clock is paused. */
  public record Pause(Instant from, Instant until, String reason) {
    public boolean isOpen() {
      return until == null;
    }
  }

  /**
   * An approved extension (延期): either a new limit counted from the clock's start, or a new
   * deadline set directly ({@code newLimit} null).
   */
  public record Extension(
      Instant approvedAt, TimeLimit newLimit, Instant newDeadline, String reason) {}

  private final WorkCalendar calendar;
  private final String policyVersion;
  private final String calendarVersion;
  private final int warningPercent;
  private final Stage stage;
  private final Zone zone;
  private final boolean emergency;
  private final TimeLimit originalLimit;
  private final TimeLimit limit;
  private final Instant start;
  private final Instant deadline;
  private final List<Pause> pauses;
  private final List<Extension> extensions;
  private final Instant stoppedAt;
  private final Instant lastEventAt;
  // derived
  private final long budget;
  private final Instant warningAt;

  private StageClock(
      WorkCalendar calendar,
      String policyVersion,
      String calendarVersion,
      int warningPercent,
      Stage stage,
      Zone zone,
      boolean emergency,
      TimeLimit originalLimit,
      TimeLimit limit,
      Instant start,
      Instant deadline,
      List<Pause> pauses,
      List<Extension> extensions,
      Instant stoppedAt,
      Instant lastEventAt) {
    this.calendar = calendar;
    this.policyVersion = policyVersion;
    this.calendarVersion = calendarVersion;
    this.warningPercent = warningPercent;
    this.stage = stage;
    this.zone = zone;
    this.emergency = emergency;
    this.originalLimit = originalLimit;
    this.limit = limit;
    this.start = start;
    this.deadline = deadline;
    this.pauses = List.copyOf(pauses);
    this.extensions = List.copyOf(extensions);
    this.stoppedAt = stoppedAt;
    this.lastEventAt = lastEventAt;
    long b = between(start, deadline);
    for (Pause p : this.pauses) {
      if (!p.isOpen()) {
        b -= between(p.from(), p.until());
      }
    }
    this.budget = Math.max(0, b);
    this.warningAt =
        instantWhenConsumed(budget / 100 * warningPercent + budget % 100 * warningPercent / 100);
  }

  /**
   * Starts the clock of a stage under a policy.
   *
   * @param categoryLimit the filing standard's limit of the case's category (required for HANDLING,
   *     may be null for the other stages)
   */
  public static StageClock start(
      WorkCalendar calendar,
      StageClockPolicy policy,
      Stage stage,
      Zone zone,
      boolean emergency,
      TimeLimit categoryLimit,
      Instant start) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(start, "start");
    TimeLimit limit = policy.limitFor(stage, zone, emergency, categoryLimit);
    return new StageClock(
        calendar,
        policy.version(),
        calendar.version(),
        policy.warningPercent(),
        stage,
        zone,
        emergency,
        limit,
        limit,
        start,
        calendar.deadline(start, limit),
        List.of(),
        List.of(),
        null,
        start);
  }

  /**
   * Starts a clock whose deadline is given rather than computed from its limit: a sub-order's
   * handling clock (SUB_HANDLING) ends at its township body's HANDLING deadline (R-14, Art 25).
   * {@code limit} is kept as the clock's limit (the kind of time its budget is measured in); a
   * deadline before the start gives a budget of zero (the sub-order is overdue from the start).
   */
  public static StageClock startUntil(
      WorkCalendar calendar,
      StageClockPolicy policy,
      Stage stage,
      Zone zone,
      boolean emergency,
      TimeLimit limit,
      Instant start,
      Instant deadline) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(deadline, "deadline");
    TimeLimit l = emergency ? Stage.toNatural(limit) : limit;
    return new StageClock(
        calendar,
        policy.version(),
        calendar.version(),
        policy.warningPercent(),
        stage,
        zone,
        emergency,
        l,
        l,
        start,
        deadline,
        List.of(),
        List.of(),
        null,
        start);
  }

  /**
   * The same clock measured on a newer calendar (a holiday notice stored after it started, e.g.
   * next year's 节假日安排): the deadline is computed again from the clock's own start with the limit in
   * force, closed pauses moving it as before; an explicit extension deadline ({@link #extendTo}) or
   * {@code fixedDeadline} (a sub-order's handling clock) is kept as an instant. Natural-time clocks
   * do not depend on the calendar and are returned unchanged.
   */
  public StageClock recalendar(WorkCalendar newCalendar, Instant fixedDeadline) {
    Objects.requireNonNull(newCalendar, "newCalendar");
    if (!countsWorkingTime() || stoppedAt != null) {
      return this;
    }
    Instant d;
    Extension last = extensions.isEmpty() ? null : extensions.get(extensions.size() - 1);
    if (fixedDeadline != null) {
      d = fixedDeadline;
    } else if (last != null && last.newLimit() == null) {
      d = deadline;
    } else {
      long paused = 0;
      for (Pause p : pauses) {
        if (!p.isOpen()) {
          paused += newCalendar.workingTimeBetween(p.from(), p.until()).toMillis();
        }
      }
      d = newCalendar.deadline(start, limit);
      if (paused > 0) {
        d = newCalendar.addWorkingTime(d, Duration.ofMillis(paused));
      }
    }
    return new StageClock(
        newCalendar,
        policyVersion,
        newCalendar.version(),
        warningPercent,
        stage,
        zone,
        emergency,
        originalLimit,
        limit,
        start,
        d,
        pauses,
        extensions,
        stoppedAt,
        lastEventAt);
  }

  /** Whether the deadline lies within the years whose holiday notice the calendar holds. */
  public boolean calendarCertain() {
    return !countsWorkingTime() || calendar.isCertain(deadline);
  }

  /**
   * Everything a clock needs to be stored and restored without recomputing its deadline: the stored
   * deadline is authoritative (never rebuilt with today's rules).
   */
  public record Snapshot(
      String policyVersion,
      String calendarVersion,
      int warningPercent,
      Stage stage,
      Zone zone,
      boolean emergency,
      TimeLimit originalLimit,
      TimeLimit limit,
      Instant start,
      Instant deadline,
      List<Pause> pauses,
      List<Extension> extensions,
      Instant stoppedAt,
      Instant lastEventAt) {
    public Snapshot {
      pauses = pauses == null ? List.of() : List.copyOf(pauses);
      extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }
  }

  /** The clock's stored form. */
  public Snapshot snapshot() {
    return new Snapshot(
        policyVersion,
        calendarVersion,
        warningPercent,
        stage,
        zone,
        emergency,
        originalLimit,
        limit,
        start,
        deadline,
        pauses,
        extensions,
        stoppedAt,
        lastEventAt);
  }

  /**
   * Rebuilds a stored clock. The calendar is used only to measure working time from here on
   * (remaining, warning, later pauses); the deadline, limit and versions are taken as stored.
   */
  public static StageClock restore(WorkCalendar calendar, Snapshot s) {
    Objects.requireNonNull(calendar, "calendar");
    Objects.requireNonNull(s.policyVersion(), "policyVersion");
    Objects.requireNonNull(s.stage(), "stage");
    Objects.requireNonNull(s.zone(), "zone");
    Objects.requireNonNull(s.limit(), "limit");
    Objects.requireNonNull(s.start(), "start");
    Objects.requireNonNull(s.deadline(), "deadline");
    if (s.warningPercent() < 1 || s.warningPercent() > 99) {
      throw new IllegalArgumentException("warningPercent must be 1..99");
    }
    for (int i = 0; i < s.pauses().size(); i++) {
      if (s.pauses().get(i).isOpen() && i != s.pauses().size() - 1) {
        throw new IllegalArgumentException("only the last pause may be open");
      }
    }
    return new StageClock(
        calendar,
        s.policyVersion(),
        s.calendarVersion() == null ? calendar.version() : s.calendarVersion(),
        s.warningPercent(),
        s.stage(),
        s.zone(),
        s.emergency(),
        s.originalLimit() == null ? s.limit() : s.originalLimit(),
        s.limit(),
        s.start(),
        s.deadline(),
        s.pauses(),
        s.extensions(),
        s.stoppedAt(),
        s.lastEventAt() == null ? s.start() : s.lastEventAt());
  }

  // ------------------------------------------------------------ transitions

  /** Pauses the clock (挂起). Refused for emergencies (R-20: 不得缓办) and after the deadline. */
  public StageClock pause(Instant at, String reason) {
    requireRunning(at);
    if (emergency) {
      throw new IllegalStateException("an emergency clock may not be paused (R-20)");
    }
    if (isPaused()) {
      throw new IllegalStateException("clock is already paused");
    }
    if (at.isAfter(deadline)) {
      throw new IllegalStateException("clock already breached at " + deadline + "; cannot pause");
    }
    List<Pause> p = new ArrayList<>(pauses);
    p.add(new Pause(at, null, reason == null ? "" : reason));
    return with(limit, deadline, p, extensions, null, at);
  }

  /** Resumes a paused clock; the deadline moves later by the paused time of the clock's kind. */
  public StageClock resume(Instant at) {
    requireRunning(at);
    if (!isPaused()) {
      throw new IllegalStateException("clock is not paused");
    }
    return closePause(at, null);
  }

  /**
   * An approved extension (延期) to a new limit, counted from the clock's start (closed pauses still
   * move it). The new limit must be of the same kind (working/natural) and end later. Refused for
   * emergencies and after the deadline.
   */
  public StageClock extend(TimeLimit newLimit, Instant approvedAt, String reason) {
    Objects.requireNonNull(newLimit, "newLimit");
    requireExtensible(approvedAt);
    if (newLimit.unit().isWorkingTime() != limit.unit().isWorkingTime()) {
      throw new IllegalArgumentException(
          "an extension keeps the time kind: " + limit + " -> " + newLimit);
    }
    long paused = 0;
    for (Pause p : pauses) {
      if (!p.isOpen()) {
        paused += between(p.from(), p.until());
      }
    }
    Instant d = add(calendar.deadline(start, newLimit), paused);
    if (!d.isAfter(deadline)) {
      throw new IllegalArgumentException(
          "extension to " + newLimit + " ends at " + d + ", not after " + deadline);
    }
    List<Extension> e = new ArrayList<>(extensions);
    e.add(new Extension(approvedAt, newLimit, d, reason == null ? "" : reason));
    return with(newLimit, d, pauses, e, null, approvedAt);
  }

  /** An approved extension (延期) to an explicit new deadline, later than the current one. */
  public StageClock extendTo(Instant newDeadline, Instant approvedAt, String reason) {
    Objects.requireNonNull(newDeadline, "newDeadline");
    requireExtensible(approvedAt);
    if (!newDeadline.isAfter(deadline)) {
      throw new IllegalArgumentException(
          "new deadline " + newDeadline + " is not after " + deadline);
    }
    List<Extension> e = new ArrayList<>(extensions);
    e.add(new Extension(approvedAt, null, newDeadline, reason == null ? "" : reason));
    return with(limit, newDeadline, pauses, e, null, approvedAt);
  }

  /** Stops the clock (the stage is done); a pause still open is closed at the same instant. */
  public StageClock stop(Instant at) {
    requireRunning(at);
    if (isPaused()) {
      return closePause(at, at);
    }
    return with(limit, deadline, pauses, extensions, at, at);
  }

  private StageClock closePause(Instant at, Instant stop) {
    List<Pause> p = new ArrayList<>(pauses);
    Pause open = p.remove(p.size() - 1);
    p.add(new Pause(open.from(), at, open.reason()));
    Instant d = add(deadline, between(open.from(), at));
    return with(limit, d, p, extensions, stop, at);
  }

  private void requireRunning(Instant at) {
    Objects.requireNonNull(at, "at");
    if (stoppedAt != null) {
      throw new IllegalStateException("clock stopped at " + stoppedAt);
    }
    if (at.isBefore(lastEventAt)) {
      throw new IllegalArgumentException(
          "transition at " + at + " is before the previous one at " + lastEventAt);
    }
  }

  private void requireExtensible(Instant approvedAt) {
    requireRunning(approvedAt);
    if (emergency) {
      throw new IllegalStateException("an emergency clock may not be extended (R-20: 不得缓办)");
    }
    if (approvedAt.isAfter(deadline)) {
      throw new IllegalStateException("deadline " + deadline + " already passed; cannot extend");
    }
  }

  private StageClock with(
      TimeLimit newLimit,
      Instant newDeadline,
      List<Pause> newPauses,
      List<Extension> newExtensions,
      Instant stop,
      Instant eventAt) {
    return new StageClock(
        calendar,
        policyVersion,
        calendarVersion,
        warningPercent,
        stage,
        zone,
        emergency,
        originalLimit,
        newLimit,
        start,
        newDeadline,
        newPauses,
        newExtensions,
        stop,
        eventAt);
  }

  // ------------------------------------------------------------------ queries

  /** State at an instant (for a past instant, judged with what is known now). */
  public ClockState state(Instant now) {
    if (now.isBefore(start)) {
      return ClockState.NOT_STARTED;
    }
    if (stoppedAt != null && !now.isBefore(stoppedAt)) {
      return stoppedAt.isAfter(deadline) ? ClockState.STOPPED_LATE : ClockState.STOPPED_ON_TIME;
    }
    for (Pause p : pauses) {
      if (!now.isBefore(p.from()) && (p.isOpen() || now.isBefore(p.until()))) {
        return ClockState.PAUSED;
      }
    }
    if (now.isAfter(deadline)) {
      return ClockState.BREACHED;
    }
    return now.isBefore(warningAt) ? ClockState.RUNNING : ClockState.WARNING;
  }

  /**
   * Time left at {@code now}, in the limit's own kind (working time for working limits): the budget
   * minus the time used. Negative when overdue; frozen while paused and after stop.
   */
  public Duration remaining(Instant now) {
    return Duration.ofMillis(budget - consumedMillis(now));
  }

  /** Time used at {@code now} (pauses excluded), in the limit's own kind. */
  public Duration elapsed(Instant now) {
    return Duration.ofMillis(consumedMillis(now));
  }

  /**
   * Paused time up to {@code now} (closed pauses and one still open), in the limit's own kind: what
   * a resumption adds (or has added) to the deadline.
   */
  public Duration pausedTime(Instant now) {
    Instant t = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
    long sum = 0;
    for (Pause p : pauses) {
      if (p.from().isBefore(t)) {
        Instant end = p.isOpen() || p.until().isAfter(t) ? t : p.until();
        sum += between(p.from(), end);
      }
    }
    return Duration.ofMillis(sum);
  }

  /** The allowed time in the limit's own kind (after extensions). */
  public Duration budget() {
    return Duration.ofMillis(budget);
  }

  /** Whether the clock counts working time (false for natural limits and all emergencies). */
  public boolean countsWorkingTime() {
    return limit.unit().isWorkingTime();
  }

  public boolean isPaused() {
    return !pauses.isEmpty() && pauses.get(pauses.size() - 1).isOpen();
  }

  public boolean isStopped() {
    return stoppedAt != null;
  }

  /** Current deadline; while paused it is provisional (it moves on resume). */
  public Instant deadline() {
    return deadline;
  }

  /** When {@code warningPercent} % of the budget is used (provisional while paused). */
  public Instant warningAt() {
    return warningAt;
  }

  public Instant start() {
    return start;
  }

  public Stage stage() {
    return stage;
  }

  public Zone zone() {
    return zone;
  }

  public boolean emergency() {
    return emergency;
  }

  /** The limit in force (after extensions). */
  public TimeLimit limit() {
    return limit;
  }

  /** The limit the clock started with. */
  public TimeLimit originalLimit() {
    return originalLimit;
  }

  public String policyVersion() {
    return policyVersion;
  }

  /** The calendar the clock measures with. */
  public WorkCalendar calendar() {
    return calendar;
  }

  public String calendarVersion() {
    return calendarVersion;
  }

  public int warningPercent() {
    return warningPercent;
  }

  public List<Pause> pauses() {
    return pauses;
  }

  public List<Extension> extensions() {
    return extensions;
  }

  public Optional<Instant> stoppedAt() {
    return Optional.ofNullable(stoppedAt);
  }

  // --------------------------------------------------------------- internals

  private long consumedMillis(Instant now) {
    Instant t = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
    if (!t.isAfter(start)) {
      return 0;
    }
    long used = between(start, t);
    for (Pause p : pauses) {
      if (p.from().isBefore(t)) {
        Instant end = p.isOpen() || p.until().isAfter(t) ? t : p.until();
        used -= between(p.from(), end);
      }
    }
    return used;
  }

  private Instant instantWhenConsumed(long amount) {
    Instant cursor = start;
    long rem = amount;
    for (Pause p : pauses) {
      if (p.isOpen()) {
        break;
      }
      long avail = between(cursor, p.from());
      if (rem <= avail) {
        return add(cursor, rem);
      }
      rem -= avail;
      cursor = p.until();
    }
    return add(cursor, rem);
  }

  private long between(Instant a, Instant b) {
    return countsWorkingTime()
        ? calendar.workingTimeBetween(a, b).toMillis()
        : b.toEpochMilli() - a.toEpochMilli();
  }

  private Instant add(Instant t, long millis) {
    if (millis == 0) {
      return t;
    }
    return countsWorkingTime()
        ? calendar.addWorkingTime(t, Duration.ofMillis(millis))
        : t.plusMillis(millis);
  }

  @Override
  public String toString() {
    return "StageClock["
        + stage
        + " "
        + limit
        + (emergency ? " emergency" : "")
        + " start="
        + start
        + " deadline="
        + deadline
        + " policy="
        + policyVersion
        + " calendar="
        + calendarVersion
        + "]";
  }
}
