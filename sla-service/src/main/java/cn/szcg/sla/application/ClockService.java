package cn.szcg.sla.application;

import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockDeadlineChanged;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.ClockWarned;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.tx.AfterCommit;
import cn.szcg.sla.domain.Stage;
import cn.szcg.sla.domain.StageClock;
import cn.szcg.sla.domain.WorkCalendar;
import cn.szcg.sla.infra.Calendars;
import cn.szcg.sla.infra.ClockRecord;
import cn.szcg.sla.infra.ClockStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stores stage clocks and publishes their life on {@code szcg.clocks} through the outbox, in the
 * transaction that changes them: started, deadline changed, warned (预警), breached (超时), stopped.
 *
 * <p>Warnings and breaches are pushed by {@link ClockScheduler} at their moment. A change that
 * happens after a moment that was not yet published (events processed late, a stop after the
 * deadline) publishes it first, so every clock gets the same events whatever the timing: warned iff
 * it was running at its warning moment, breached iff it was running just after its deadline. An
 * event is {@code late} when it is published more than {@code szcg.sla.late-after} (default 1 s)
 * after its moment — after a restart, or for clocks started from old events.
 *
 * <p>The use cases of a clock (start, stop, pause, resume, extend, recompute, recalendar, fire),
 * each in the caller's transaction (the event handler's, the scheduler's, calendar maintenance's);
 * the row mapping and the scheduler's queries are {@link ClockStore}'s, the arithmetic {@link
 * StageClock}'s.
 *
 * <p>Why one class over 400 lines: every change of a clock must publish the moments it passed
 * before the change (catch-up) and wake the scheduler, in the same order, whichever use case made
 * it; with the use cases in one class that sequence has one owner ({@code changed}, {@code
 * catchUp}) instead of being repeated per caller.
 */
@ApplicationScoped
public class ClockService {

  @Inject Calendars calendars;
  @Inject ClockStore rows;
  @Inject AfterCommit afterCommit;
  @Inject ClockScheduler scheduler;

  @ConfigProperty(name = "szcg.sla.late-after", defaultValue = "PT1S")
  Duration lateAfter;

  /** An event older than this when applied means the consumer is working off a backlog. */
  @ConfigProperty(name = "szcg.sla.backlog-age", defaultValue = "PT5S")
  Duration backlogAge;

  /** How long after the last backlog event the scheduler keeps holding moments back. */
  @ConfigProperty(name = "szcg.sla.backlog-hold", defaultValue = "PT2S")
  Duration backlogHold;

  private volatile long backlogEventTime;
  private volatile long backlogSeenAt;

  /**
   * Notes the time of an event being applied. While the consumer works off a backlog (events older
   * than {@code backlog-age}), the scheduler's "now" is held at the event time, so that a moment
   * does not fire for a clock whose stop is still waiting in the backlog; {@code backlog-hold}
   * after the last old event it goes back to the wall clock.
   */
  public void noteEventTime(Instant eventTime) {
    long now = System.currentTimeMillis();
    if (eventTime != null && now - eventTime.toEpochMilli() > backlogAge.toMillis()) {
      backlogEventTime = eventTime.toEpochMilli();
      backlogSeenAt = now;
    } else {
      backlogSeenAt = 0;
    }
  }

  /** The scheduler's now: the wall clock, or the backlog's event time while working one off. */
  Instant effectiveNow() {
    long now = System.currentTimeMillis();
    long seen = backlogSeenAt;
    if (seen != 0 && now - seen < backlogHold.toMillis()) {
      return Instant.ofEpochMilli(Math.min(now, backlogEventTime));
    }
    return Instant.now();
  }

  /** Milliseconds until the backlog hold ends (0 when not holding). */
  long holdRemainingMillis() {
    long seen = backlogSeenAt;
    return seen == 0 ? 0 : Math.max(0, seen + backlogHold.toMillis() - System.currentTimeMillis());
  }

  /** Stop reason of a return window that closed unused. */
  public static final String WINDOW_CLOSED = "WINDOW_CLOSED 回退时限届满";

  /** A deterministic clock id: the same event history gives the same ids (replay). */
  public static UUID clockId(String caseId, Stage stage, String startEventId) {
    return UUID.nameUUIDFromBytes(
        (caseId + "/" + stage + "/" + startEventId).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Starts a clock; an open clock of the same stage of the case is stopped first (superseded).
   *
   * @param categoryLimit required for HANDLING
   */
  public ClockRecord start(
      UUID id,
      String caseId,
      Stage stage,
      Zone zone,
      boolean emergency,
      TimeLimit categoryLimit,
      Instant at,
      String orderId,
      String unitId) {
    return start(
        id,
        caseId,
        stage,
        zone,
        emergency,
        categoryLimit,
        at,
        at,
        null,
        orderId,
        unitId,
        null,
        null);
  }

  /**
   * Starts a clock at event time {@code at} that counts from {@code from} (the acceptance of an
   * emergency, R-20; otherwise {@code at}) and, when {@code fixedDeadline} is given, ends there (a
   * sub-order's handling clock ends at its township body's deadline). Moments that fell due between
   * {@code from} and {@code at} are published at once. An open clock of the same stage (for a
   * sub-order stage: of the same sub-order) is stopped first (superseded).
   */
  public ClockRecord start(
      UUID id,
      String caseId,
      Stage stage,
      Zone zone,
      boolean emergency,
      TimeLimit categoryLimit,
      Instant at,
      Instant from,
      Instant fixedDeadline,
      String orderId,
      String unitId,
      String parentOrderId,
      String parentUnitId) {
    ClockRecord existing = rows.byId(caseId, id);
    if (existing != null) {
      return existing; // the same start applied again
    }
    for (ClockRecord open : rows.openOfCase(caseId)) {
      if (open.stage.equals(stage.name())
          && (!stage.isSubOrder() || java.util.Objects.equals(open.orderId, orderId))) {
        stop(open, at, "SUPERSEDED 被新计时取代"); // written before the new one (ClockStore.persist)
      }
    }
    StageClock clock =
        fixedDeadline != null
            ? StageClock.startUntil(
                calendars.current(),
                calendars.policy(),
                stage,
                zone,
                emergency,
                categoryLimit,
                from,
                fixedDeadline)
            : StageClock.start(
                calendars.current(),
                calendars.policy(),
                stage,
                zone,
                emergency,
                categoryLimit,
                from);
    ClockRecord c = new ClockRecord();
    c.id = id;
    c.caseId = caseId;
    c.orderId = orderId;
    c.unitId = unitId;
    c.parentOrderId = parentOrderId;
    c.parentUnitId = parentUnitId;
    rows.store(c, clock);
    rows.persist(c);
    rows.publish(
        caseId,
        new ClockStarted(
            caseId,
            c.id.toString(),
            c.stage,
            orderId,
            unitId,
            zone,
            emergency,
            clock.limit(),
            clock.start(),
            clock.warningAt(),
            clock.deadline(),
            clock.policyVersion(),
            clock.calendarVersion()),
        Instant.now());
    catchUp(c, at);
    wakeSchedulerAfterCommit();
    return c;
  }

  /** Stops a running clock at {@code at} (clamped to its last transition) for a reason. */
  public void stop(ClockRecord c, Instant at, String reason) {
    if (!c.isOpen()) {
      return;
    }
    StageClock clock = domain(c);
    Instant t = clamp(clock, at);
    if (ClockStore.isWindow(c) && t.isAfter(clock.deadline())) {
      // the return window is a right, not a duty: it closes at its deadline, never breaches
      t = clamp(clock, clock.deadline());
      reason = WINDOW_CLOSED;
    }
    catchUp(c, t);
    StageClock stopped = clock.stop(t);
    rows.store(c, stopped);
    c.stopReason = reason;
    c.onTime = !t.isAfter(stopped.deadline());
    rows.stopped(c);
    rows.publish(
        c.caseId,
        new ClockStopped(
            c.caseId,
            c.id.toString(),
            c.stage,
            c.orderId,
            c.unitId,
            stopped.deadline(),
            t,
            c.onTime),
        Instant.now());
    wakeSchedulerAfterCommit();
  }

  /**
   * Starts the clock again from its own start under a new zone or emergency flag (the limit
   * changes: the fringe doubles R-12; an emergency counts natural time from acceptance, R-20). The
   * clock id stays; ClockDeadlineChanged tells the new deadline.
   */
  public void recompute(
      ClockRecord c,
      Zone zone,
      boolean emergency,
      TimeLimit categoryLimit,
      Instant at,
      String why) {
    recompute(c, zone, emergency, categoryLimit, null, null, at, why);
  }

  /**
   * As {@link #recompute(ClockRecord, Zone, boolean, TimeLimit, Instant, String)}, and the clock
   * may also start again from {@code from} (an emergency's handling counts from acceptance, R-20;
   * null keeps its start) and end at {@code fixedDeadline} (a sub-order's handling clock follows
   * its township body's deadline; null computes it from the limit). Pauses and extensions of the
   * old clock are dropped (an emergency may have neither, R-20).
   */
  public void recompute(
      ClockRecord c,
      Zone zone,
      boolean emergency,
      TimeLimit categoryLimit,
      Instant from,
      Instant fixedDeadline,
      Instant at,
      String why) {
    if (!c.isOpen()) {
      return;
    }
    StageClock old = domain(c);
    Instant start = from == null ? old.start() : from;
    TimeLimit newLimit =
        fixedDeadline != null
            ? (emergency ? Stage.toNatural(categoryLimit) : categoryLimit)
            : calendars.policy().limitFor(old.stage(), zone, emergency, categoryLimit);
    Instant newDeadline = fixedDeadline;
    if (newLimit.equals(old.limit())
        && emergency == old.emergency()
        && start.equals(old.start())
        && (newDeadline == null || newDeadline.equals(old.deadline()))) {
      c.zone = zone.name();
      rows.store(c, old);
      return;
    }
    Instant t = clamp(old, at);
    catchUp(c, t);
    WorkCalendar cal = calendars.byVersion(c.calendarVersion);
    StageClock fresh =
        fixedDeadline != null
            ? StageClock.startUntil(
                cal,
                calendars.policy(),
                old.stage(),
                zone,
                emergency,
                categoryLimit,
                start,
                fixedDeadline)
            : StageClock.start(
                cal, calendars.policy(), old.stage(), zone, emergency, categoryLimit, start);
    changed(c, old, fresh, why, t);
    catchUp(c, t);
  }

  /**
   * A holiday notice was stored (new calendar revision): every running working-time clock whose
   * deadline is on or after {@code firstChanged} (the first day whose override changed) and that
   * has not breached yet is measured again on {@code current} from its own start ({@link
   * StageClock#recalendar}); a sub-order's handling clock follows its township body's new deadline.
   * Clocks whose deadline moves publish ClockDeadlineChanged; all of them take the new calendar
   * version. A published breach stands (the clock is left as it is).
   *
   * @return the number of clocks whose deadline moved
   */
  public int recalendarRunning(
      WorkCalendar current, java.time.LocalDate firstChanged, Instant now) {
    Instant from = firstChanged.atStartOfDay(current.zone()).toInstant();
    List<ClockRecord> open =
        ClockRecord.find(
                "stoppedAt is null and breachedAt is null and limitUnit like 'WORKING%'"
                    + " and deadline >= ?1 order by caseId, startedAt",
                from)
            .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .list();
    int moved = 0;
    java.util.Map<String, Instant> handlingDeadline = new java.util.HashMap<>();
    List<ClockRecord> subs = new java.util.ArrayList<>();
    for (ClockRecord c : open) {
      if (Stage.SUB_HANDLING.name().equals(c.stage)) {
        subs.add(c);
        continue;
      }
      if (recalendarOne(c, current, null, now)) {
        moved++;
      }
      if (Stage.HANDLING.name().equals(c.stage)) {
        handlingDeadline.put(c.caseId + "/" + c.orderId, c.deadline);
      }
    }
    for (ClockRecord c : subs) {
      Instant parent = handlingDeadline.get(c.caseId + "/" + c.parentOrderId);
      if (recalendarOne(c, current, parent == null ? c.deadline : parent, now)) {
        moved++;
      }
    }
    return moved;
  }

  /**
   * After a calendar change (a holiday notice stored, an ICS import; the current calendar already
   * reloaded): the first day whose override differs between {@code previous} and the current
   * calendar — or, when the certain horizon grew, the first day that was uncertain before — and the
   * running clocks from there on recomputed ({@link #recalendarRunning}). Call in a transaction.
   *
   * @return the number of clocks whose deadline moved
   */
  public int onCalendarChanged(WorkCalendar previous) {
    WorkCalendar current = calendars.current();
    if (previous == null || previous.version().equals(current.version())) {
      return 0;
    }
    java.time.LocalDate first = null;
    java.util.Set<java.time.LocalDate> days =
        new java.util.HashSet<>(previous.overrides().keySet());
    days.addAll(current.overrides().keySet());
    for (java.time.LocalDate d : days) {
      if (!java.util.Objects.equals(previous.overrides().get(d), current.overrides().get(d))
          && (first == null || d.isBefore(first))) {
        first = d;
      }
    }
    if (previous.certainThroughYear().isPresent()
        && (current.certainThroughYear().isEmpty()
            || current.certainThroughYear().getAsInt()
                > previous.certainThroughYear().getAsInt())) {
      java.time.LocalDate wasUncertain =
          java.time.LocalDate.of(previous.certainThroughYear().getAsInt() + 1, 1, 1);
      if (first == null || wasUncertain.isBefore(first)) {
        first = wasUncertain;
      }
    }
    if (first == null) {
      return 0;
    }
    return recalendarRunning(current, first, Instant.now());
  }

  private boolean recalendarOne(ClockRecord c, WorkCalendar cal, Instant fixed, Instant now) {
    if (cal.version().equals(c.calendarVersion)) {
      return false;
    }
    StageClock old = domain(c);
    StageClock fresh = old.recalendar(cal, fixed);
    if (fresh.deadline().equals(old.deadline())) {
      rows.store(c, fresh);
      return false;
    }
    Instant t = clamp(old, now);
    changed(
        c,
        old,
        fresh,
        "CALENDAR 节假日安排更新，按日历 "
            + cal.version()
            + " 重算 / holiday notice stored: recomputed on calendar "
            + cal.version(),
        t);
    catchUp(c, now);
    return true;
  }

  /**
   * Pauses a running clock (挂起/缓办) at {@code at}: first publishes any moment that fell due before,
   * then takes it out of the scheduler's index. Nothing is published for the pause itself; the
   * deadline moves (ClockDeadlineChanged) when it is resumed. The return window is not
   * paused (it measures the unit's reading of the order, not the work). Refused by the domain for
   * emergencies (R-20: 不得缓办) and after the deadline (the breach stands): the exception tells why.
   *
   * @return whether the clock was paused (false for a stopped, already paused or window clock)
   */
  public boolean pause(ClockRecord c, Instant at, String reason) {
    if (!c.isOpen() || ClockStore.isWindow(c) || "PAUSED".equals(c.state)) {
      return false;
    }
    StageClock old = domain(c);
    Instant t = clamp(old, at);
    catchUp(c, t);
    StageClock paused = old.pause(t, reason);
    rows.store(c, paused);
    wakeSchedulerAfterCommit();
    return true;
  }

  /**
   * Resumes a paused clock (恢复) at {@code at}: the deadline and the warning moment move later by
   * the paused time of the clock's kind (working time for working limits) and ClockDeadlineChanged
   * is published.
   *
   * @return whether the clock was resumed (false when it was not paused)
   */
  public boolean resume(ClockRecord c, Instant at, String reason) {
    if (!c.isOpen() || !"PAUSED".equals(c.state)) {
      return false;
    }
    StageClock old = domain(c);
    Instant t = clamp(old, at);
    StageClock resumed = old.resume(t);
    changed(c, old, resumed, reason, t);
    catchUp(c, t);
    return true;
  }

  /** An approved extension (延期) to an explicit deadline; refused by the domain after breach. */
  public void extendTo(ClockRecord c, Instant newDeadline, Instant at, String reason) {
    if (!c.isOpen()) {
      return;
    }
    StageClock old = domain(c);
    Instant t = clamp(old, at);
    StageClock moved = old.extendTo(newDeadline, t, reason);
    catchUp(c, t);
    changed(c, old, moved, reason, t);
  }

  private void changed(ClockRecord c, StageClock old, StageClock fresh, String why, Instant at) {
    rows.store(c, fresh);
    rows.publish(
        c.caseId,
        new ClockDeadlineChanged(
            c.caseId,
            c.id.toString(),
            c.stage,
            c.orderId,
            c.unitId,
            old.deadline(),
            fresh.deadline(),
            why,
            at),
        Instant.now());
    wakeSchedulerAfterCommit();
  }

  /**
   * Publishes the warning and breach of a running clock whose moments are at or before {@code upTo}
   * and not yet published (a breach needs an instant strictly after the deadline).
   */
  void catchUp(ClockRecord c, Instant upTo) {
    Instant now = Instant.now();
    if (ClockStore.isWindow(c) || "PAUSED".equals(c.state)) {
      // a paused clock's moments are provisional; those before the pause were published by it
      c.nextDue = ClockStore.nextDue(c);
      return;
    }
    if (c.warnedAt == null && !upTo.isBefore(c.warningAt)) {
      publishWarned(c, now);
    }
    if (c.breachedAt == null && upTo.isAfter(c.deadline)) {
      publishBreached(c, now);
    }
    c.nextDue = ClockStore.nextDue(c);
  }

  /**
   * The scheduler's step for one locked clock: publishes what fell due by {@code now}. Returns the
   * number of events published.
   */
  int fire(ClockRecord c, Instant now) {
    int n = 0;
    if (!c.isOpen()) {
      c.nextDue = null;
      return 0;
    }
    if (ClockStore.isWindow(c)) {
      if (!now.isBefore(c.deadline)) {
        stop(c, c.deadline, WINDOW_CLOSED);
        return 1;
      }
      c.nextDue = ClockStore.nextDue(c);
      return 0;
    }
    Instant stamp = Instant.now();
    if (c.warnedAt == null && !now.isBefore(c.warningAt)) {
      publishWarned(c, stamp);
      n++;
    }
    if (c.breachedAt == null && now.isAfter(c.deadline)) {
      publishBreached(c, stamp);
      n++;
    }
    c.nextDue = ClockStore.nextDue(c);
    c.updatedAt = stamp;
    return n;
  }

  private void publishWarned(ClockRecord c, Instant now) {
    c.warnedAt = now;
    c.warnedLate = Duration.between(c.warningAt, now).compareTo(lateAfter) > 0;
    rows.publish(
        c.caseId,
        new ClockWarned(
            c.caseId,
            c.id.toString(),
            c.stage,
            c.orderId,
            c.unitId,
            c.warningAt,
            c.deadline,
            now,
            c.warnedLate),
        now);
  }

  private void publishBreached(ClockRecord c, Instant now) {
    c.breachedAt = now;
    c.breachedLate = Duration.between(c.deadline, now).compareTo(lateAfter) > 0;
    rows.publish(
        c.caseId,
        new ClockBreached(
            c.caseId,
            c.id.toString(),
            c.stage,
            c.orderId,
            c.unitId,
            c.deadline,
            now,
            c.breachedLate),
        now);
  }

  private static Instant clamp(StageClock clock, Instant at) {
    Instant last = clock.snapshot().lastEventAt();
    return at.isBefore(last) ? last : at;
  }

  private void wakeSchedulerAfterCommit() {
    afterCommit.once(ClockScheduler.class, scheduler::wake);
  }

  /** The domain clock of a record, with the calendar it started under ({@link ClockStore}). */
  public StageClock domain(ClockRecord c) {
    return rows.domain(c);
  }
}
