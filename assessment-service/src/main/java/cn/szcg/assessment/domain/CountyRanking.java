package cn.szcg.assessment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The county ranking of responsible units (全县排名) for one period. Order: graded units first, by
 * composite score as printed (two decimals) descending; ties broken by 按期处置率 descending, then 处置率
 * descending (both exact), then 应处置 descending (more work first), then unit id ascending. Every
 * graded unit gets a distinct rank 1..n; units not graded (应处置 = 0) follow with rank 0, by unit id.
 */
public final class CountyRanking {

  /** A unit's name and figures for the period, as input to the ranking. */
  public record Entry(String unitId, String unitName, Figures figures) {}

  private CountyRanking() {}

  public static List<UnitReportRow> rank(List<Entry> entries, Period period, UnitScoring scoring) {
    record Scored(Entry e, Score s) {}
    List<Scored> scored = new ArrayList<>();
    for (Entry e : entries) {
      scored.add(new Scored(e, scoring.score(e.figures())));
    }
    Comparator<Scored> order =
        Comparator.comparing((Scored x) -> !x.s().graded())
            .thenComparing(
                (Scored x) -> x.s().graded() ? x.s().value() : null,
                Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(
                (Scored x) -> UnitIndicator.ON_TIME_HANDLING_RATE.of(x.e().figures()).value(),
                Comparator.reverseOrder())
            .thenComparing(
                (Scored x) -> UnitIndicator.HANDLING_RATE.of(x.e().figures()).value(),
                Comparator.reverseOrder())
            .thenComparing((Scored x) -> x.e().figures().toHandle(), Comparator.reverseOrder())
            .thenComparing((Scored x) -> x.e().unitId());
    scored.sort(order);
    List<UnitReportRow> rows = new ArrayList<>();
    int rank = 0;
    for (Scored x : scored) {
      int r = x.s().graded() ? ++rank : 0;
      rows.add(
          new UnitReportRow(r, x.e().unitId(), x.e().unitName(), period, x.e().figures(), x.s()));
    }
    return rows;
  }

  /** The ranking as a report table with its column definitions. */
  public static ReportTable<UnitReportRow> table(
      List<Entry> entries, Period period, UnitScoring scoring) {
    return new ReportTable<>(UnitReportRow.columns(), rank(entries, period, scoring));
  }
}
