package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorFact;
import cn.szcg.assessment.domain.CollectorFigures;
import cn.szcg.assessment.domain.CollectorRef;
import cn.szcg.assessment.domain.OperatorFact;
import cn.szcg.assessment.domain.OperatorFigures;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.domain.StaffFiguresBook.StoredFact;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Collector, collection-unit and operator figures from intake, cases and clocks
 * events; booked exactly once (inbox + unique fact id) into precomputed month and year cells.
 *
 * <ul>
 *   <li>Collector report judged: CaseFiled with a collector → 有效上报 (VALID); ReportRejected with a
 *       collector → 虚报 (FALSE) when unfounded, otherwise 不予立案 (NOT_FILED); counted at the rejection
 *       / filing report's registration time.
 *   <li>Verification (核实): VerificationCompleted; on time = within {@code
 *       szcg.assessment.verification-limit} (natural minutes, default 60) of VerificationRequested
 *       — no clock of its own is published yet (approximation, see docs/assessment.md).
 *   <li>Check (核查): PASS_CHECK / FAIL_CHECK by the collector (actor) paired with the
 *       FEEDBACK_TO_CHECK ClockStopped of the same order (on time), whichever arrives second.
 *   <li>Operator: filed (CaseFiled.filedBy) paired with the REGISTRATION_TO_DISPATCH ClockStopped
 *       of the case (on time, R-12); dispatched (DISPATCH actor); returned (APPROVE_RETURN of an
 *       order, charged to its dispatcher in the dispatch's period); closed (CLOSE actor), on time =
 *       within {@code szcg.assessment.close-limit} natural minutes (default 60) of the passed
 *       check.
 * </ul>
 *
 * A collector fact is booked under the collector's collection unit at booking time ({@link
 * CollectorRegister}, from intake's collector register); under {@link #UNREGISTERED} while unknown.
 */
@ApplicationScoped
public class StaffFiguresHandler implements EventHandler {

  public static final String UNREGISTERED = "UNREGISTERED";
  static final String COLLECTOR = StaffFiguresBook.Book.COLLECTOR.name();
  static final String COLLECTION_UNIT = StaffFiguresBook.Book.COLLECTION_UNIT.name();
  static final String OPERATOR = StaffFiguresBook.Book.OPERATOR.name();

  @Inject EntityManager em;
  @Inject CollectorRegister register;

  @ConfigProperty(name = "szcg.assessment.verification-limit", defaultValue = "PT60M")
  Duration verificationLimit;

  @ConfigProperty(name = "szcg.assessment.close-limit", defaultValue = "PT60M")
  Duration closeLimit;

  /** One side or both of a pairing (who and when / on time), and whether its fact was booked. */
  record Pair(String subject, Instant at, String factId, Boolean onTime, boolean booked) {}

  /** Who did something when. */
  record Note(String subject, Instant at) {}

  /**
   * A fact to store (its row as {@link StaffFiguresBook} reads it back to recompute) and the
   * counters it adds to its cells; a collector's fact also to the collector's collection unit.
   */
  record StaffFact(StoredFact row, long[] delta) {
    String factId() {
      return row.factId();
    }

    boolean collector() {
      return row.book() == StaffFiguresBook.Book.COLLECTOR;
    }
  }

  /** The state of the batch being applied (one consumer thread per handler). */
  private Batch batch;

  @Override
  public void beginBatch(List<Delivery> deliveries) {
    batch = new Batch();
    batch.readAhead(deliveries);
  }

  @Override
  public void endBatch() {
    Batch b = batch;
    batch = null;
    if (b != null) {
      b.flush();
    }
  }

  @Override
  public String name() {
    return "staff-figures";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE, Topics.CASES, Topics.CLOCKS);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.CASE_FILED,
        EventType.REPORT_REJECTED,
        EventType.VERIFICATION_REQUESTED,
        EventType.VERIFICATION_COMPLETED,
        EventType.CASE_TRANSITIONED,
        EventType.CLOCK_STOPPED);
  }

  /**
   * Always inside a batch: the platform calls {@link #beginBatch} first, also for a single event.
   */
  @Override
  public void handle(CloudEvent event, Record payload) {
    apply(event, payload);
  }

  private void apply(CloudEvent event, Record payload) {
    String id = event.id();
    if (payload instanceof CaseFiled f) {
      if (f.collectorId() != null) {
        collector(
            new CollectorFact.ReportJudged(
                f.caseId() + ":VERDICT",
                ref(f.collectorId()),
                f.registeredAt(),
                CollectorFact.Verdict.VALID));
      }
      if (f.filedBy() != null) {
        pair("FILE:" + f.caseId(), f.filedBy(), f.filedAt(), id + ":filed", null);
      }
    } else if (payload instanceof ReportRejected r) {
      if (r.collectorId() != null) {
        collector(
            new CollectorFact.ReportJudged(
                r.caseId() + ":VERDICT",
                ref(r.collectorId()),
                r.rejectedAt(),
                r.unfounded() ? CollectorFact.Verdict.FALSE : CollectorFact.Verdict.NOT_FILED));
      }
    } else if (payload instanceof VerificationRequested v) {
      note("VERIFY:" + v.taskId(), v.collectorId(), v.requestedAt());
    } else if (payload instanceof VerificationCompleted v) {
      Instant requested = noteAt("VERIFY:" + v.taskId());
      boolean onTime =
          requested == null || !v.completedAt().isAfter(requested.plus(verificationLimit));
      collector(
          new CollectorFact.TaskDone(
              v.taskId() + ":VERIFIED",
              ref(v.collectorId()),
              v.completedAt(),
              CollectorFact.Task.VERIFICATION,
              onTime));
    } else if (payload instanceof CaseTransitioned t) {
      transitioned(id, t);
    } else if (payload instanceof ClockStopped s) {
      if ("FEEDBACK_TO_CHECK".equals(s.stage()) && s.orderId() != null) {
        pair("CHECK:" + s.orderId(), null, null, null, s.onTime());
      } else if ("REGISTRATION_TO_DISPATCH".equals(s.stage())) {
        pair("FILE:" + s.caseId(), null, null, null, s.onTime());
      }
    }
  }

  private void transitioned(String id, CaseTransitioned t) {
    switch (t.transition()) {
      case "DISPATCH" -> {
        if (t.actorUserId() != null && t.orderId() != null) {
          note("DISPATCHER:" + t.orderId(), t.actorUserId(), t.at());
          operator(new OperatorFact.OrderDispatched(id + ":dispatched", t.actorUserId(), t.at()));
        }
      }
      case "APPROVE_RETURN" -> {
        String[] who = noteOf("DISPATCHER:" + t.orderId());
        if (who != null && who[0] != null) {
          operator(
              new OperatorFact.DispatchReturned(id + ":returned", who[0], Instant.parse(who[1])));
        }
      }
      case "PASS_CHECK", "FAIL_CHECK" -> {
        String checked =
            "FAIL_CHECK".equals(t.transition())
                    && t.data() != null
                    && t.data().get("failedOrderId") != null
                ? t.data().get("failedOrderId")
                : t.orderId();
        if (checked != null && t.actorUserId() != null) {
          pair("CHECK:" + checked, t.actorUserId(), t.at(), id + ":checked", null);
        }
        if ("PASS_CHECK".equals(t.transition())) {
          note("PASSED:" + t.caseId(), t.actorUserId(), t.at());
        }
      }
      case "CLOSE" -> {
        if (t.actorUserId() != null) {
          Instant passed = noteAt("PASSED:" + t.caseId());
          boolean onTime = passed == null || !t.at().isAfter(passed.plus(closeLimit));
          operator(new OperatorFact.CaseClosed(id + ":closed", t.actorUserId(), t.at(), onTime));
        }
      }
      default -> {
        // nothing for staff figures
      }
    }
  }

  /** The two halves of a fact: who and when (from one topic), on time (from the clocks). */
  private void pair(String key, String subject, Instant at, String factId, Boolean onTime) {
    Pair old = batch.pair(key);
    // as the upsert with COALESCE did: what is stored stays, what is missing is filled in
    Pair r =
        old == null
            ? new Pair(subject, at, factId, onTime, false)
            : new Pair(
                old.subject() != null ? old.subject() : subject,
                old.at() != null ? old.at() : at,
                old.factId() != null ? old.factId() : factId,
                old.onTime() != null ? old.onTime() : onTime,
                old.booked());
    batch.setPair(key, r);
    if (r.subject() == null || r.onTime() == null || r.booked()) {
      return;
    }
    batch.setPair(key, new Pair(r.subject(), r.at(), r.factId(), r.onTime(), true));
    if (key.startsWith("CHECK:")) {
      collector(
          new CollectorFact.TaskDone(
              r.factId(), ref(r.subject()), r.at(), CollectorFact.Task.CHECK, r.onTime()));
    } else {
      operator(new OperatorFact.CaseFiled(r.factId(), r.subject(), r.at(), r.onTime()));
    }
  }

  /** Notes who did what when, once (the first note of a key stays). */
  private void note(String key, String subject, Instant at) {
    if (batch.note(key) == null) {
      batch.addNote(key, new Note(subject, at));
    }
  }

  private String[] noteOf(String key) {
    Note n = batch.note(key);
    return n == null ? null : new String[] {n.subject(), n.at().toString()};
  }

  private Instant noteAt(String key) {
    Note n = batch.note(key);
    return n == null ? null : n.at();
  }

  /** The collector with their collection unit at booking time (UNREGISTERED while unknown). */
  private CollectorRef ref(String collectorId) {
    return register.ref(collectorId);
  }

  private void collector(CollectorFact f) {
    batch.facts.add(new StaffFact(StoredFact.of(f), counters(f.delta())));
  }

  private void operator(OperatorFact f) {
    batch.facts.add(new StaffFact(StoredFact.of(f), counters(f.delta())));
  }

  static long[] counters(CollectorFigures f) {
    return new long[] {
      f.reports(),
      f.validReports(),
      f.falseReports(),
      f.missedReports(),
      f.verificationsOnTime(),
      f.verificationsLate(),
      f.checksOnTime(),
      f.checksLate()
    };
  }

  /** The collector figures of a cell's counters (the inverse of {@link #counters}). */
  static CollectorFigures collectorFigures(long[] v) {
    return new CollectorFigures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  }

  /** The operator figures of a cell's counters (n6, n7 unused). */
  static OperatorFigures operatorFigures(long[] v) {
    return new OperatorFigures(v[0], v[1], v[2], v[3], v[4], v[5]);
  }

  static long[] counters(OperatorFigures f) {
    return new long[] {
      f.filed(),
      f.filedOnTime(),
      f.dispatched(),
      f.dispatchesReturned(),
      f.closed(),
      f.closedOnTime(),
      0,
      0
    };
  }

  /** Every subject's counters of a book in a period. */
  public static Map<String, long[]> cells(EntityManager em, String book, Period period) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT subject_id, n0, n1, n2, n3, n4, n5, n6, n7 FROM staff_cell WHERE book = ?1"
                    + " AND period = ?2 ORDER BY subject_id")
            .setParameter(1, book)
            .setParameter(2, period.toString())
            .getResultList();
    Map<String, long[]> out = new LinkedHashMap<>();
    for (Object[] r : rows) {
      long[] v = new long[8];
      for (int i = 0; i < 8; i++) {
        v[i] = ((Number) r[i + 1]).longValue();
      }
      out.put((String) r[0], v);
    }
    return out;
  }

  /**
   * What one poll reads and writes: pairings and notes read ahead in two statements (= ANY), kept
   * in memory while the events are applied, written back at the end with the facts (one insert
   * returning the ids new to the store) and the cell deltas of the new facts summed per cell (one
   * upsert).
   */
  final class Batch {
    final Map<String, Optional<Pair>> pairs = new HashMap<>();
    final Map<String, Pair> dirtyPairs = new LinkedHashMap<>();
    final Map<String, Optional<Note>> notes = new HashMap<>();
    final Map<String, Note> newNotes = new LinkedHashMap<>();
    final List<StaffFact> facts = new ArrayList<>();

    void readAhead(List<Delivery> deliveries) {
      Set<String> pairKeys = new LinkedHashSet<>();
      Set<String> noteKeys = new LinkedHashSet<>();
      for (Delivery d : deliveries) {
        Record p = d.payload();
        if (p instanceof CaseFiled f) {
          pairKeys.add("FILE:" + f.caseId());
        } else if (p instanceof VerificationRequested v) {
          noteKeys.add("VERIFY:" + v.taskId());
        } else if (p instanceof VerificationCompleted v) {
          noteKeys.add("VERIFY:" + v.taskId());
        } else if (p instanceof CaseTransitioned t) {
          if (t.orderId() != null) {
            noteKeys.add("DISPATCHER:" + t.orderId());
            pairKeys.add("CHECK:" + t.orderId());
          }
          if (t.data() != null && t.data().get("failedOrderId") != null) {
            pairKeys.add("CHECK:" + t.data().get("failedOrderId"));
          }
          noteKeys.add("PASSED:" + t.caseId());
        } else if (p instanceof ClockStopped c) {
          if (c.orderId() != null) {
            pairKeys.add("CHECK:" + c.orderId());
          }
          pairKeys.add("FILE:" + c.caseId());
        }
      }
      readPairs(pairKeys);
      readNotes(noteKeys);
    }

    Pair pair(String key) {
      if (!pairs.containsKey(key)) {
        readPairs(Set.of(key));
      }
      return pairs.get(key).orElse(null);
    }

    void setPair(String key, Pair p) {
      pairs.put(key, Optional.of(p));
      dirtyPairs.put(key, p);
    }

    Note note(String key) {
      if (!notes.containsKey(key)) {
        readNotes(Set.of(key));
      }
      return notes.get(key).orElse(null);
    }

    void addNote(String key, Note n) {
      notes.put(key, Optional.of(n));
      newNotes.put(key, n);
    }

    private void readPairs(Set<String> keys) {
      Set<String> missing = new LinkedHashSet<>(keys);
      missing.removeAll(pairs.keySet());
      if (missing.isEmpty()) {
        return;
      }
      missing.forEach(k -> pairs.put(k, Optional.empty()));
      Jdbc.call(
          em,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT pair_key, subject_id, at, fact_id, on_time, booked FROM staff_pairing"
                        + " WHERE pair_key = ANY(?::text[]) ORDER BY pair_key FOR UPDATE")) {
              Jdbc.bind(c, ps, Jdbc.texts(missing));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  pairs.put(
                      rs.getString(1),
                      Optional.of(
                          new Pair(
                              rs.getString(2),
                              Jdbc.instant(rs, 3),
                              rs.getString(4),
                              Jdbc.bool(rs, 5),
                              rs.getBoolean(6))));
                }
              }
            }
            return null;
          });
    }

    private void readNotes(Set<String> keys) {
      Set<String> missing = new LinkedHashSet<>(keys);
      missing.removeAll(notes.keySet());
      if (missing.isEmpty()) {
        return;
      }
      missing.forEach(k -> notes.put(k, Optional.empty()));
      Jdbc.call(
          em,
          c -> {
            try (PreparedStatement ps =
                c.prepareStatement(
                    "SELECT note_key, subject_id, at FROM staff_note WHERE note_key ="
                        + " ANY(?::text[])")) {
              Jdbc.bind(c, ps, Jdbc.texts(missing));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  notes.put(
                      rs.getString(1), Optional.of(new Note(rs.getString(2), Jdbc.instant(rs, 3))));
                }
              }
            }
            return null;
          });
    }

    void flush() {
      if (!dirtyPairs.isEmpty()) {
        Map<String, Pair> sorted = new TreeMap<>(dirtyPairs);
        List<String> k = new ArrayList<>();
        List<String> subject = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        List<String> fact = new ArrayList<>();
        List<Boolean> onTime = new ArrayList<>();
        List<Boolean> booked = new ArrayList<>();
        sorted.forEach(
            (key, p) -> {
              k.add(key);
              subject.add(p.subject());
              at.add(p.at());
              fact.add(p.factId());
              onTime.add(p.onTime());
              booked.add(p.booked());
            });
        Jdbc.update(
            em,
            "INSERT INTO staff_pairing (pair_key, subject_id, at, fact_id, on_time, booked) SELECT"
                + " * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::bool[],"
                + " ?::bool[]) ON CONFLICT (pair_key) DO UPDATE SET subject_id ="
                + " EXCLUDED.subject_id, at = EXCLUDED.at, fact_id = EXCLUDED.fact_id, on_time ="
                + " EXCLUDED.on_time, booked = EXCLUDED.booked",
            Jdbc.texts(k),
            Jdbc.texts(subject),
            Jdbc.times(at),
            Jdbc.texts(fact),
            Jdbc.bools(onTime),
            Jdbc.bools(booked));
      }
      if (!newNotes.isEmpty()) {
        List<String> k = new ArrayList<>(newNotes.keySet());
        List<String> subject = new ArrayList<>();
        List<Instant> at = new ArrayList<>();
        newNotes
            .values()
            .forEach(
                n -> {
                  subject.add(n.subject());
                  at.add(n.at());
                });
        Jdbc.update(
            em,
            "INSERT INTO staff_note (note_key, subject_id, at) SELECT * FROM unnest(?::text[],"
                + " ?::text[], ?::timestamptz[]) ON CONFLICT (note_key) DO NOTHING",
            Jdbc.texts(k),
            Jdbc.texts(subject),
            Jdbc.times(at));
      }
      bookFacts();
    }

    /** Stores the facts; each one new to the store (first occurrence) adds to its cells. */
    private void bookFacts() {
      Map<String, StaffFact> first = new LinkedHashMap<>();
      for (StaffFact f : facts) {
        first.putIfAbsent(f.factId(), f);
      }
      if (first.isEmpty()) {
        return;
      }
      List<String> ids = new ArrayList<>();
      List<String> books = new ArrayList<>();
      List<String> subjects = new ArrayList<>();
      List<String> units = new ArrayList<>();
      List<String> types = new ArrayList<>();
      List<Instant> at = new ArrayList<>();
      List<String> verdicts = new ArrayList<>();
      List<String> tasks = new ArrayList<>();
      List<Boolean> onTime = new ArrayList<>();
      for (StaffFact sf : first.values()) {
        StoredFact f = sf.row();
        ids.add(f.factId());
        books.add(f.book().name());
        subjects.add(f.subjectId());
        units.add(f.collectionUnitId());
        types.add(f.factType());
        at.add(f.at());
        verdicts.add(f.verdict());
        tasks.add(f.task());
        onTime.add(f.onTime());
      }
      Set<String> stored =
          Jdbc.call(
              em,
              c -> {
                Set<String> out = new HashSet<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO staff_fact (fact_id, book, subject_id, collection_unit_id,"
                            + " fact_type, at, verdict, task, on_time) SELECT * FROM"
                            + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
                            + " ?::timestamptz[], ?::text[], ?::text[], ?::bool[]) ON CONFLICT"
                            + " (fact_id) DO NOTHING RETURNING fact_id")) {
                  Jdbc.bind(
                      c,
                      ps,
                      Jdbc.texts(ids),
                      Jdbc.texts(books),
                      Jdbc.texts(subjects),
                      Jdbc.texts(units),
                      Jdbc.texts(types),
                      Jdbc.times(at),
                      Jdbc.texts(verdicts),
                      Jdbc.texts(tasks),
                      Jdbc.bools(onTime));
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      out.add(rs.getString(1));
                    }
                  }
                }
                return out;
              });
      // cell key: book, subject, period → the summed counters
      Map<List<String>, long[]> cells = new TreeMap<>(StaffFiguresHandler::compareKeys);
      for (StaffFact f : first.values()) {
        if (!stored.contains(f.factId())) {
          continue;
        }
        StoredFact r = f.row();
        for (Period p : List.of(Period.monthOf(r.at()), Period.yearOf(r.at()))) {
          add(cells, List.of(r.book().name(), r.subjectId(), p.toString()), f.delta());
          if (f.collector()) {
            add(cells, List.of(COLLECTION_UNIT, r.collectionUnitId(), p.toString()), f.delta());
          }
        }
      }
      addToCells(em, cells);
    }

    private void add(Map<List<String>, long[]> cells, List<String> key, long[] d) {
      long[] sum = cells.computeIfAbsent(key, k -> new long[8]);
      for (int i = 0; i < 8; i++) {
        sum[i] += d[i];
      }
    }
  }

  /**
   * Adds counters to {@code staff_cell} (upsert-add, one statement) in key order ({@link
   * #compareKeys}): the one writer of the cells — this handler's batches, the missed-report book
   * and the admin repair — so every writer locks shared rows in the same order.
   */
  static void addToCells(EntityManager em, Map<List<String>, long[]> cells) {
    if (cells.isEmpty()) {
      return;
    }
    Map<List<String>, long[]> sorted = new TreeMap<>(StaffFiguresHandler::compareKeys);
    sorted.putAll(cells);
    List<String> b = new ArrayList<>();
    List<String> s = new ArrayList<>();
    List<String> p = new ArrayList<>();
    List<List<Long>> n = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      n.add(new ArrayList<>());
    }
    sorted.forEach(
        (k, v) -> {
          b.add(k.get(0));
          s.add(k.get(1));
          p.add(k.get(2));
          for (int i = 0; i < 8; i++) {
            n.get(i).add(v[i]);
          }
        });
    Object[] params = new Object[11];
    params[0] = Jdbc.texts(b);
    params[1] = Jdbc.texts(s);
    params[2] = Jdbc.texts(p);
    for (int i = 0; i < 8; i++) {
      params[3 + i] = Jdbc.longs(n.get(i));
    }
    Jdbc.update(
        em,
        "INSERT INTO staff_cell (book, subject_id, period, n0, n1, n2, n3, n4, n5, n6, n7)"
            + " SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[],"
            + " ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[]) ON CONFLICT"
            + " (book, subject_id, period) DO UPDATE SET n0 = staff_cell.n0 + EXCLUDED.n0, n1 ="
            + " staff_cell.n1 + EXCLUDED.n1, n2 = staff_cell.n2 + EXCLUDED.n2, n3 ="
            + " staff_cell.n3 + EXCLUDED.n3, n4 = staff_cell.n4 + EXCLUDED.n4, n5 ="
            + " staff_cell.n5 + EXCLUDED.n5, n6 = staff_cell.n6 + EXCLUDED.n6, n7 ="
            + " staff_cell.n7 + EXCLUDED.n7",
        params);
  }

  /** The order of staff_cell keys (book, subject, period) in which both writers lock rows. */
  static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
