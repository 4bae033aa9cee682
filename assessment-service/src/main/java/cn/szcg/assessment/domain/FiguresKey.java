package cn.szcg.assessment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The cell a {@link Figures} record belongs to: subject (normally the unit id) × period × category
 * × township. {@link #ALL} in the category or township position means "all categories" / "all
 * townships" (the totals).
 */
public record FiguresKey(String subjectId, Period period, String categoryCode, String townshipCode)
    implements Comparable<FiguresKey> {
  /** Wildcard for "all categories" / "all townships". */
  public static final String ALL = "*";

  private static final Comparator<FiguresKey> ORDER =
      Comparator.comparing(FiguresKey::subjectId)
          .thenComparing(FiguresKey::period)
          .thenComparing(FiguresKey::categoryCode)
          .thenComparing(FiguresKey::townshipCode);

  public FiguresKey {
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(period, "period");
    categoryCode = categoryCode == null ? ALL : categoryCode;
    townshipCode = townshipCode == null ? ALL : townshipCode;
  }

  /** The all-categories, all-townships cell of a subject in a period. */
  public static FiguresKey total(String subjectId, Period period) {
    return new FiguresKey(subjectId, period, ALL, ALL);
  }

  /**
   * The cells an order's facts are booked into: {month, year of receipt} × {all, its category} ×
   * {all, its township} — up to 8 cells (fewer when category or township is unknown).
   */
  public static List<FiguresKey> cellsFor(String subjectId, OrderRef ref) {
    List<String> categories = new ArrayList<>(List.of(ALL));
    if (ref.categoryCode() != null && !ALL.equals(ref.categoryCode())) {
      categories.add(ref.categoryCode());
    }
    List<String> townships = new ArrayList<>(List.of(ALL));
    if (ref.townshipCode() != null && !ALL.equals(ref.townshipCode())) {
      townships.add(ref.townshipCode());
    }
    List<FiguresKey> keys = new ArrayList<>();
    for (Period p : List.of(Period.monthOf(ref.receivedAt()), Period.yearOf(ref.receivedAt()))) {
      for (String c : categories) {
        for (String t : townships) {
          keys.add(new FiguresKey(subjectId, p, c, t));
        }
      }
    }
    return keys;
  }

  @Override
  public int compareTo(FiguresKey o) {
    return ORDER.compare(this, o);
  }
}
