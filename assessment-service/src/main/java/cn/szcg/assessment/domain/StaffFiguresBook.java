package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The staff figures — collectors (信息采集员), collection units (信息采集单位) and center operators (受理员/值班长)
 * — rebuilt from the stored facts, to check the incrementally kept cells against the full history
 * "figures can be recomputed from the full event history and must equal the incrementally
 * maintained ones").
 *
 * <p>A staff fact is stored as a {@link StoredFact} (one row of {@code staff_fact}) written by
 * {@link StoredFact#of(CollectorFact)} / {@link StoredFact#of(OperatorFact)}; {@link
 * StoredFact#collectorFact()} / {@link StoredFact#operatorFact()} give the same fact back, so its
 * {@code delta()} — the one the service added to the cells when it booked the fact — is rebuilt
 * from the stored columns, no counter is stored with the fact. The facts go into a {@link
 * CollectorBook} (collector and collection-unit cells) and an {@link OperatorBook} (operator
 * cells), month and year of the fact's time, idempotent on the fact id, in any order ({@code plus}
 * is associative and commutative, a revoked miss is a fact of −1).
 */
public final class StaffFiguresBook {

  /** The three books of {@code staff_cell}. */
  public enum Book {
    /** 信息采集员: cells keyed by collector id. */
    COLLECTOR,
    /** 信息采集单位: the sum of its collectors' facts, keyed by collection unit id. */
    COLLECTION_UNIT,
    /** 受理员/值班长: cells keyed by operator (user) id. */
    OPERATOR
  }

  /**
   * A staff fact as stored (a row of {@code staff_fact}): the book (COLLECTOR or OPERATOR — a
   * collection unit's cells are derived from its collectors' facts), the subject, the collection
   * unit the collector was booked under, the fact's type (the simple name of its record), its time
   * and the fields its delta depends on.
   */
  public record StoredFact(
      String factId,
      Book book,
      String subjectId,
      String collectionUnitId,
      String factType,
      Instant at,
      String verdict,
      String task,
      Boolean onTime) {
    public StoredFact {
      Objects.requireNonNull(factId, "factId");
      Objects.requireNonNull(book, "book");
      Objects.requireNonNull(subjectId, "subjectId");
      Objects.requireNonNull(factType, "factType");
      Objects.requireNonNull(at, "at");
      if (book == Book.COLLECTION_UNIT) {
        throw new IllegalArgumentException(
            "a collection unit has no facts of its own: its collectors' facts are booked for it");
      }
    }

    /** The row for a collector fact. */
    public static StoredFact of(CollectorFact f) {
      String verdict = f instanceof CollectorFact.ReportJudged j ? j.verdict().name() : null;
      String task = f instanceof CollectorFact.TaskDone d ? d.task().name() : null;
      Boolean onTime = f instanceof CollectorFact.TaskDone d ? d.onTime() : null;
      return new StoredFact(
          f.factId(),
          Book.COLLECTOR,
          f.collector().collectorId(),
          f.collector().collectionUnitId(),
          f.getClass().getSimpleName(),
          f.at(),
          verdict,
          task,
          onTime);
    }

    /** The row for an operator fact. */
    public static StoredFact of(OperatorFact f) {
      Boolean onTime =
          f instanceof OperatorFact.CaseFiled c
              ? (Boolean) c.onTime()
              : f instanceof OperatorFact.CaseClosed c ? (Boolean) c.onTime() : null;
      return new StoredFact(
          f.factId(),
          Book.OPERATOR,
          f.operatorId(),
          null,
          f.getClass().getSimpleName(),
          f.at(),
          null,
          null,
          onTime);
    }

    /**
     * The collector fact this row stores (the inverse of {@link #of(CollectorFact)}).
     *
     * @throws IllegalArgumentException if the row is not a collector fact or lacks a field its
     *     delta needs
     */
    public CollectorFact collectorFact() {
      if (book != Book.COLLECTOR) {
        throw unreadable("not a collector fact (book " + book + ")");
      }
      if (collectionUnitId == null) {
        throw unreadable("no collection unit");
      }
      CollectorRef ref = new CollectorRef(subjectId, collectionUnitId);
      return switch (factType) {
        case "ReportJudged" ->
            new CollectorFact.ReportJudged(
                factId, ref, at, CollectorFact.Verdict.valueOf(required(verdict, "verdict")));
        case "MissedReportFound" ->
            new CollectorFact.MissedReportFound(factId, ref, at, problemIdOf(factId, subjectId));
        case "MissedReportRevoked" -> new CollectorFact.MissedReportRevoked(factId, ref, at);
        case "TaskDone" ->
            new CollectorFact.TaskDone(
                factId,
                ref,
                at,
                CollectorFact.Task.valueOf(required(task, "task")),
                required(onTime, "on_time"));
        default -> throw unreadable("unknown collector fact type " + factType);
      };
    }

    /**
     * The operator fact this row stores (the inverse of {@link #of(OperatorFact)}).
     *
     * @throws IllegalArgumentException if the row is not an operator fact or lacks a field its
     *     delta needs
     */
    public OperatorFact operatorFact() {
      if (book != Book.OPERATOR) {
        throw unreadable("not an operator fact (book " + book + ")");
      }
      return switch (factType) {
        case "CaseFiled" ->
            new OperatorFact.CaseFiled(factId, subjectId, at, required(onTime, "on_time"));
        case "OrderDispatched" -> new OperatorFact.OrderDispatched(factId, subjectId, at);
        case "DispatchReturned" -> new OperatorFact.DispatchReturned(factId, subjectId, at);
        case "CaseClosed" ->
            new OperatorFact.CaseClosed(factId, subjectId, at, required(onTime, "on_time"));
        default -> throw unreadable("unknown operator fact type " + factType);
      };
    }

    private <T> T required(T value, String column) {
      if (value == null) {
        throw unreadable(factType + " without " + column);
      }
      return value;
    }

    private IllegalArgumentException unreadable(String why) {
      return new IllegalArgumentException("staff fact " + factId + ": " + why);
    }

    /** The problem of a miss's fact id "{problemId}:{collectorId}:MISSED[:{n}]", else null. */
    private static String problemIdOf(String factId, String collectorId) {
      int i = factId.lastIndexOf(":" + collectorId + ":MISSED");
      return i > 0 ? factId.substring(0, i) : null;
    }
  }

  /**
   * The cells of the three books (missing cell = zero), keyed by {@link FiguresKey#total} (subject,
   * period) — recomputed ones, or the stored ones read back.
   */
  public record Cells(
      Map<FiguresKey, CollectorFigures> collectors,
      Map<FiguresKey, CollectorFigures> collectionUnits,
      Map<FiguresKey, OperatorFigures> operators) {
    public Cells {
      collectors = Collections.unmodifiableMap(new TreeMap<>(collectors));
      collectionUnits = Collections.unmodifiableMap(new TreeMap<>(collectionUnits));
      operators = Collections.unmodifiableMap(new TreeMap<>(operators));
    }

    public static final Cells EMPTY = new Cells(Map.of(), Map.of(), Map.of());

    /** Only the cells of {@code period} (all when null). */
    public Cells of(Period period) {
      return period == null
          ? this
          : new Cells(
              only(collectors, period), only(collectionUnits, period), only(operators, period));
    }

    /** Number of cells of a book. */
    public int size(Book book) {
      return switch (book) {
        case COLLECTOR -> collectors.size();
        case COLLECTION_UNIT -> collectionUnits.size();
        case OPERATOR -> operators.size();
      };
    }

    private static <V> Map<FiguresKey, V> only(Map<FiguresKey, V> cells, Period period) {
      Map<FiguresKey, V> out = new TreeMap<>();
      cells.forEach(
          (k, v) -> {
            if (k.period().equals(period)) {
              out.put(k, v);
            }
          });
      return out;
    }
  }

  /** A cell whose figures differ: recomputed from the facts vs stored (zero when missing). */
  public record Difference(
      Book book, String subjectId, Period period, Record recomputed, Record stored) {
    @Override
    public String toString() {
      return book
          + " "
          + subjectId
          + " "
          + period
          + ": recomputed "
          + recomputed
          + " stored "
          + stored;
    }
  }

  private final CollectorBook collectors = new CollectorBook();
  private final OperatorBook operators = new OperatorBook();

  /** Rebuilds the books from stored facts (order does not matter; a fact id counts once). */
  public static StaffFiguresBook recompute(Iterable<StoredFact> facts) {
    StaffFiguresBook book = new StaffFiguresBook();
    facts.forEach(book::apply);
    return book;
  }

  /**
   * Books a stored fact into its month and year cells (a collector's fact also into its collection
   * unit's); false if its id was booked already.
   *
   * @throws IllegalArgumentException if the fact cannot be rebuilt from the row (nothing booked)
   */
  public boolean apply(StoredFact fact) {
    return fact.book() == Book.OPERATOR
        ? operators.apply(fact.operatorFact())
        : collectors.apply(fact.collectorFact());
  }

  /** All cells of the three books. */
  public Cells cells() {
    return new Cells(collectors.byCollector(), collectors.byCollectionUnit(), operators.cells());
  }

  /**
   * The cells that differ between {@code recomputed} and {@code stored}, in book, subject and
   * period order; a cell missing on one side counts as zero (a cell whose miss was booked back
   * reads zero on both).
   */
  public static List<Difference> differences(Cells recomputed, Cells stored) {
    List<Difference> out = new ArrayList<>();
    compare(
        Book.COLLECTOR, recomputed.collectors(), stored.collectors(), CollectorFigures.ZERO, out);
    compare(
        Book.COLLECTION_UNIT,
        recomputed.collectionUnits(),
        stored.collectionUnits(),
        CollectorFigures.ZERO,
        out);
    compare(Book.OPERATOR, recomputed.operators(), stored.operators(), OperatorFigures.ZERO, out);
    return out;
  }

  /** The number of cells of a book compared: the distinct cells of both sides. */
  public static int compared(Cells recomputed, Cells stored, Book book) {
    return switch (book) {
      case COLLECTOR -> union(recomputed.collectors(), stored.collectors()).size();
      case COLLECTION_UNIT -> union(recomputed.collectionUnits(), stored.collectionUnits()).size();
      case OPERATOR -> union(recomputed.operators(), stored.operators()).size();
    };
  }

  private static <V extends Record> void compare(
      Book book, Map<FiguresKey, V> a, Map<FiguresKey, V> b, V zero, List<Difference> out) {
    for (FiguresKey k : union(a, b)) {
      V x = a.getOrDefault(k, zero);
      V y = b.getOrDefault(k, zero);
      if (!x.equals(y)) {
        out.add(new Difference(book, k.subjectId(), k.period(), x, y));
      }
    }
  }

  private static Set<FiguresKey> union(Map<FiguresKey, ?> a, Map<FiguresKey, ?> b) {
    Set<FiguresKey> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }
}
