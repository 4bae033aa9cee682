package cn.szcg.sla.infra;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.BatchingEventHandler;
import cn.szcg.platform.outbox.Outbox;
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
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  @Inject Outbox outbox;

  /** The consumer thread's open batch (null on every other thread: the scheduler, REST). */
  private static final ThreadLocal<Batch> OPEN = new ThreadLocal<>();

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

  // --- the consumer's poll batch (issue 23) -----------------------------------------------------

  /**
   * One poll of the clock consumer, applied set-based: the clocks (all of them, running ones
   * locked) and the remembered facts ({@link CaseClockInfo}, locked) of every case of the poll are
   * read in two statements when it opens; the events then change them in memory with the same
   * domain rules; at {@link #flush} the session writes them in JDBC batches (inserts and updates
   * ordered by table) and the outbox events of the whole poll go out in one batch — a handful of
   * round trips per poll instead of ~30 per case. Lives on the consumer thread only ({@link
   * #current}); every other caller (scheduler, calendar maintenance, replay without a batch) keeps
   * reading and writing the database directly.
   */
  public final class Batch implements BatchingEventHandler.Batch {
    private final Map<String, List<ClockRecord>> clocks = new HashMap<>();
    private final Map<String, CaseClockInfo> infos = new HashMap<>();
    private final Set<String> stoppedSinceFlush = new HashSet<>();
    private final List<Outbox.Outgoing> out = new ArrayList<>();

    private Batch() {}

    /** Reads the clocks and facts of these cases (not yet read) in two locked statements. */
    void load(Collection<String> caseIds) {
      List<String> missing = caseIds.stream().filter(c -> !clocks.containsKey(c)).toList();
      if (missing.isEmpty()) {
        return;
      }
      for (String c : missing) {
        clocks.put(c, new ArrayList<>());
      }
      // locked in one order (case, id): the scheduler only ever SKIP LOCKs, so no deadlock
      List<ClockRecord> rows =
          em.createQuery(
                  "from ClockRecord where caseId in ?1 order by caseId, id", ClockRecord.class)
              .setParameter(1, missing)
              .setLockMode(LockModeType.PESSIMISTIC_WRITE)
              .getResultList();
      for (ClockRecord r : rows) {
        clocks.get(r.caseId).add(r);
      }
      for (CaseClockInfo i :
          em.createQuery(
                  "from CaseClockInfo where caseId in ?1 order by caseId", CaseClockInfo.class)
              .setParameter(1, missing)
              .setLockMode(LockModeType.PESSIMISTIC_WRITE)
              .getResultList()) {
        infos.put(i.caseId, i);
      }
    }

    private List<ClockRecord> of(String caseId) {
      if (!clocks.containsKey(caseId)) {
        load(List.of(caseId)); // an event of a case the poll's read-ahead missed
      }
      return clocks.get(caseId);
    }

    /** Writes the poll's clock rows, then its outbox events, in this transaction. */
    @Override
    public void flush() {
      try {
        em.flush();
        outbox.publishAll(out);
      } finally {
        OPEN.remove();
      }
    }
  }

  /**
   * Opens the consumer's batch for these cases on this thread (dropping one a failed poll left) and
   * lets the session write at commit (or at {@link Batch#flush}) only.
   */
  public Batch openBatch(Collection<String> caseIds) {
    OPEN.remove();
    em.setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
    Batch b = new Batch();
    b.load(caseIds);
    OPEN.set(b);
    return b;
  }

  private static Batch current() {
    return OPEN.get();
  }

  /** The running clocks of a case, locked, in start order (from the batch when one is open). */
  public List<ClockRecord> openOfCase(String caseId) {
    Batch b = current();
    if (b == null) {
      return ClockRecord.openOfCaseLocked(caseId);
    }
    return b.of(caseId).stream()
        .filter(ClockRecord::isOpen)
        .sorted(
            java.util.Comparator.comparing((ClockRecord c) -> c.startedAt)
                .thenComparing(c -> c.stage))
        .toList();
  }

  /** Whether the case ever had a clock of this stage. */
  public boolean hasStage(String caseId, Stage stage) {
    Batch b = current();
    if (b == null) {
      return ClockRecord.count("caseId = ?1 and stage = ?2", caseId, stage.name()) > 0;
    }
    return b.of(caseId).stream().anyMatch(c -> c.stage.equals(stage.name()));
  }

  /** The clock with this id of the case, or null. */
  public ClockRecord byId(String caseId, UUID id) {
    Batch b = current();
    if (b == null) {
      return ClockRecord.findById(id);
    }
    return b.of(caseId).stream().filter(c -> c.id.equals(id)).findFirst().orElse(null);
  }

  /** What the clocks remember of a case, locked; created if absent. */
  public CaseClockInfo info(String caseId) {
    Batch b = current();
    if (b == null) {
      return CaseClockInfo.of(caseId);
    }
    b.of(caseId);
    CaseClockInfo i = b.infos.get(caseId);
    if (i == null) {
      i = new CaseClockInfo();
      i.caseId = caseId;
      i.updatedAt = Instant.now();
      i.persist();
      b.infos.put(caseId, i);
    }
    return i;
  }

  /**
   * Stores a new clock. Inserts run before updates when the session flushes, so a clock replacing
   * one of the same case, stage and order stopped since the last flush (one running per key, index
   * stage_clock_case_stage_order) needs that stop written first: the session flushes then.
   */
  public void persist(ClockRecord c) {
    Batch b = current();
    if (b == null) {
      c.persist();
      return;
    }
    if (b.stoppedSinceFlush.contains(key(c))) {
      em.flush();
      b.stoppedSinceFlush.clear();
    }
    c.persist();
    b.of(c.caseId).add(c);
  }

  /**
   * Notes a clock just stopped (see {@link #persist}). Outside a batch nothing to do: the session
   * flushes before the outbox's native insert of ClockStopped.
   */
  public void stopped(ClockRecord c) {
    Batch b = current();
    if (b != null) {
      b.stoppedSinceFlush.add(key(c));
    }
  }

  /** Publishes an event of a clock: with the batch's events at its flush, or now. */
  public void publish(String caseId, Record payload, Instant time) {
    Batch b = current();
    if (b == null) {
      outbox.publish(caseId, payload, time);
    } else {
      b.out.add(new Outbox.Outgoing(caseId, payload, time));
    }
  }

  private static String key(ClockRecord c) {
    return c.caseId + "/" + c.stage + "/" + (c.orderId == null ? "" : c.orderId);
  }
}
