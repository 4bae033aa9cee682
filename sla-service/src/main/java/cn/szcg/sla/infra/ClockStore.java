package cn.szcg.sla.infra;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.sql.SqlValues;
import cn.szcg.sla.domain.Stage;
import cn.szcg.sla.domain.StageClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stage clocks in the database ({@code stage_clock}, {@link ClockRecord}): a row as the domain's
 * {@link StageClock} and back (the snapshot JSON with pauses, extensions and limits), its next
 * unpublished moment ({@code next_due}), and the scheduler's queries (due clocks, locked with
 * {@code FOR UPDATE SKIP LOCKED}; the earliest moment). The use cases that change clocks are {@code
 * cn.szcg.sla.application.ClockService}'s.
 */
@ApplicationScoped
public class ClockStore {

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @Inject Calendars calendars;
  @Inject EntityManager em;

  /** The return window closes at its deadline; it is never warned or breached. */
  public static boolean isWindow(ClockRecord c) {
    return Stage.RETURN_WINDOW.name().equals(c.stage);
  }

  /** The next unpublished moment of a running, unpaused clock; null when nothing is left. */
  public static Instant nextDue(ClockRecord c) {
    if (!c.isOpen() || "PAUSED".equals(c.state)) {
      return null;
    }
    if (isWindow(c)) {
      return c.deadline;
    }
    if (c.warnedAt == null) {
      return c.warningAt;
    }
    if (c.breachedAt == null) {
      return c.deadline.plusMillis(1);
    }
    return null;
  }

  /** The domain clock of a record, with the calendar it started under. */
  public StageClock domain(ClockRecord c) {
    try {
      StageClock.Snapshot s;
      if (c.snapshot == null) {
        // a row written without a snapshot (V1, bulk loads): rebuilt from its columns
        TimeLimit l = new TimeLimit(c.limitAmount, LimitUnit.valueOf(c.limitUnit));
        s =
            new StageClock.Snapshot(
                c.policyVersion,
                c.calendarVersion,
                calendars.policy().warningPercent(),
                Stage.valueOf(c.stage),
                Zone.valueOf(c.zone),
                c.emergency,
                l,
                l,
                c.startedAt,
                c.deadline,
                List.of(),
                List.of(),
                c.stoppedAt,
                c.stoppedAt != null ? c.stoppedAt : c.startedAt);
      } else {
        s = JSON.readValue(c.snapshot, StageClock.Snapshot.class);
      }
      return StageClock.restore(calendars.byVersion(c.calendarVersion), s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable clock snapshot of " + c.id, e);
    }
  }

  public void store(ClockRecord c, StageClock clock) {
    c.stage = clock.stage().name();
    c.zone = clock.zone().name();
    c.emergency = clock.emergency();
    c.limitAmount = clock.limit().amount();
    c.limitUnit = clock.limit().unit().name();
    c.startedAt = clock.start();
    c.warningAt = clock.warningAt();
    c.deadline = clock.deadline();
    c.stoppedAt = clock.stoppedAt().orElse(null);
    c.state = clock.isStopped() ? "STOPPED" : clock.isPaused() ? "PAUSED" : "RUNNING";
    c.policyVersion = clock.policyVersion();
    c.calendarVersion = clock.calendarVersion();
    try {
      c.snapshot = JSON.writeValueAsString(clock.snapshot());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    c.updatedAt = Instant.now();
    c.nextDue = nextDue(c);
  }

  /**
   * For the scheduler's transaction: flush the clock rows at commit only. Every outbox insert is a
   * native statement, which under the default AUTO flush mode flushes (and dirty-checks) the whole
   * session first — one UPDATE per clock, one flush per event; at commit the updates go out in JDBC
   * batches instead. Safe there: nothing in a scheduler pass reads what it wrote.
   */
  public void flushAtCommit() {
    em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
  }

  /** The ids of running clocks due by {@code now}, locked, skipping those another tx holds. */
  @SuppressWarnings("unchecked")
  public List<UUID> lockDue(Instant now, int limit) {
    return em.createNativeQuery(
            "SELECT id FROM stage_clock WHERE next_due <= ?1 ORDER BY next_due LIMIT ?2"
                + " FOR UPDATE SKIP LOCKED",
            UUID.class)
        .setParameter(1, now)
        .setParameter(2, limit)
        .getResultList();
  }

  /** The earliest unpublished moment of all running clocks, or null. */
  public Instant earliestDue() {
    Object o =
        em.createNativeQuery("SELECT min(next_due) FROM stage_clock WHERE next_due IS NOT NULL")
            .getSingleResult();
    return SqlValues.instant(o);
  }

  /** Writes the pending changes of the session now (a clock must exist before its events). */
  public void flush() {
    em.flush();
  }
}
