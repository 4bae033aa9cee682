package cn.szcg.assessment.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An in-memory book of figures by cell, fed with facts: idempotent on {@link FactEvent#factId()} (a
 * fact seen twice is booked once). Used to recompute from the full history and by tests; the
 * service may instead add {@link FactEvent#delta()} to stored rows of each {@link
 * FiguresKey#cellsFor cell} — both give identical results because {@link Figures#plus} is
 * associative and commutative.
 *
 * <p>The subject is the unit by default; a second book keyed by, e.g., the handling person gives
 * staff figures for commendation.
 */
public final class FiguresBook {
  private final Function<OrderRef, String> subjectOf;
  private final Map<FiguresKey, Figures> cells = new HashMap<>();
  private final Set<String> seen = new HashSet<>();

  /** A book keyed by the responsible unit. */
  public FiguresBook() {
    this(OrderRef::unitId);
  }

  /** A book keyed by any subject of the order (e.g. the handling person); null = not booked. */
  public FiguresBook(Function<OrderRef, String> subjectOf) {
    this.subjectOf = subjectOf;
  }

  /** Rebuilds a book from the full history of facts (order does not matter). */
  public static FiguresBook recompute(Iterable<? extends FactEvent> facts) {
    FiguresBook book = new FiguresBook();
    facts.forEach(book::apply);
    return book;
  }

  /** Books a fact into all its cells; false if this fact id was booked already. */
  public boolean apply(FactEvent fact) {
    if (!seen.add(fact.factId())) {
      return false;
    }
    String subject = subjectOf.apply(fact.ref());
    if (subject == null) {
      return true;
    }
    Figures delta = fact.delta();
    for (FiguresKey key : FiguresKey.cellsFor(subject, fact.ref())) {
      cells.merge(key, delta, Figures::plus);
    }
    return true;
  }

  /** The figures of a cell ({@link Figures#ZERO} if nothing was booked). */
  public Figures get(FiguresKey key) {
    return cells.getOrDefault(key, Figures.ZERO);
  }

  /** All cells, sorted by key. */
  public Map<FiguresKey, Figures> cells() {
    return Collections.unmodifiableMap(new TreeMap<>(cells));
  }
}
