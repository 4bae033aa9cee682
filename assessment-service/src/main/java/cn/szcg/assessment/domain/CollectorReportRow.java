package cn.szcg.assessment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One row of the collector or collection-unit report (信息采集考核表).
 *
 * @param rank 1-based, 0 when not graded
 * @param subjectId collector id or collection unit id
 * @param name display name
 * @param period month or year
 * @param figures the figures
 * @param score composite score
 */
public record CollectorReportRow(
    int rank, String subjectId, String name, Period period, CollectorFigures figures, Score score) {

  /** A subject's name and figures for the period, as input to the ranking. */
  public record Entry(String subjectId, String name, CollectorFigures figures) {}

  public static List<Column<CollectorReportRow>> columns() {
    List<Column<CollectorReportRow>> cols = new ArrayList<>();
    cols.add(new Column<>("rank", "排名", "Rank", r -> r.rank() == 0 ? null : r.rank()));
    cols.add(new Column<>("id", "编码", "Id", CollectorReportRow::subjectId));
    cols.add(new Column<>("name", "名称", "Name", CollectorReportRow::name));
    cols.add(new Column<>("period", "考核周期", "Period", r -> r.period().toString()));
    cols.add(count("reports", "上报数", "Reports", CollectorFigures::reports));
    cols.add(count("validReports", "有效上报", "Valid reports", CollectorFigures::validReports));
    cols.add(count("falseReports", "虚报/假报", "False reports", CollectorFigures::falseReports));
    cols.add(count("missedReports", "漏报", "Missed reports", CollectorFigures::missedReports));
    cols.add(
        count(
            "verificationsOnTime",
            "按时核实",
            "Verifications on time",
            CollectorFigures::verificationsOnTime));
    cols.add(
        count(
            "verificationsLate",
            "超时核实",
            "Verifications late",
            CollectorFigures::verificationsLate));
    cols.add(count("checksOnTime", "按时核查", "Checks on time", CollectorFigures::checksOnTime));
    cols.add(count("checksLate", "超时核查", "Checks late", CollectorFigures::checksLate));
    for (CollectorIndicator i : CollectorIndicator.values()) {
      cols.add(
          new Column<>(
              i.name(), i.zh() + "(%)", i.en() + " (%)", r -> i.of(r.figures()).percent()));
    }
    cols.add(new Column<>("score", "综合指标值", "Composite score", r -> r.score().value()));
    cols.add(
        new Column<>(
            "grade", "等级", "Grade", r -> r.score().graded() ? r.score().grade().name() : null));
    return List.copyOf(cols);
  }

  private static Column<CollectorReportRow> count(
      String key, String zh, String en, ToLongFunction<CollectorFigures> f) {
    return new Column<>(key, zh, en, r -> f.applyAsLong(r.figures()));
  }

  /**
   * Ranks collectors (or collection units): graded first by printed score descending, then 漏报率
   * ascending, 虚报率 ascending, 有效上报 descending, id ascending; not graded last with rank 0.
   */
  public static List<CollectorReportRow> rank(
      List<Entry> entries, Period period, CollectorScoring scoring) {
    record Scored(Entry e, Score s) {}
    List<Scored> scored = new ArrayList<>();
    for (Entry e : entries) {
      scored.add(new Scored(e, scoring.score(e.figures())));
    }
    scored.sort(
        Comparator.comparing((Scored x) -> !x.s().graded())
            .thenComparing(
                (Scored x) -> x.s().value(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(
                (Scored x) -> CollectorIndicator.MISSED_REPORT_RATE.of(x.e().figures()).value())
            .thenComparing(
                (Scored x) -> CollectorIndicator.FALSE_REPORT_RATE.of(x.e().figures()).value())
            .thenComparing((Scored x) -> x.e().figures().validReports(), Comparator.reverseOrder())
            .thenComparing((Scored x) -> x.e().subjectId()));
    List<CollectorReportRow> rows = new ArrayList<>();
    int rank = 0;
    for (Scored x : scored) {
      rows.add(
          new CollectorReportRow(
              x.s().graded() ? ++rank : 0,
              x.e().subjectId(),
              x.e().name(),
              period,
              x.e().figures(),
              x.s()));
    }
    return rows;
  }
}
