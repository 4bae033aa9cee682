package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.CollectorReportRow;
import cn.szcg.assessment.domain.CollectorScoring;
import cn.szcg.assessment.domain.OperatorFigures;
import cn.szcg.assessment.domain.OperatorIndicator;
import cn.szcg.assessment.domain.OperatorScoring;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.ReportTable;
import cn.szcg.assessment.domain.Score;
import cn.szcg.assessment.domain.StaffFiguresBook;
import cn.szcg.assessment.infra.CollectorRegister;
import cn.szcg.assessment.infra.ReportFiles;
import cn.szcg.assessment.infra.StaffFigureStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading the staff figures: collectors and collection units ranked by score, center
 * operators with their rates and score, of a month or year.
 */
@ApplicationScoped
public class StaffFiguresQueries {

  @Inject StaffFigureStore figures;
  @Inject CollectorRegister register;

  /** An operator's figures, rates (%) and score. */
  public record OperatorView(
      String operatorId,
      OperatorFigures figures,
      Map<String, BigDecimal> ratesPercent,
      BigDecimal score,
      String grade) {}

  /**
   * A collector book (COLLECTOR or COLLECTION_UNIT) ranked by score, as report rows, one page; with
   * {@code ownRowOnly} (a collector reading its own figures) only the row of {@code collectorId},
   * ranked among all — nobody else's figures (none when the id is null).
   */
  public Page<Map<String, Object>> collectorBook(
      StaffFiguresBook.Book book,
      Period p,
      boolean ownRowOnly,
      String collectorId,
      int page,
      int size) {
    List<CollectorReportRow.Entry> entries = new ArrayList<>();
    Map<String, long[]> cells = figures.subjectCells(book.name(), p);
    // collectors by their registered name (collector-registered), else the id
    Map<String, String> names =
        book == StaffFiguresBook.Book.COLLECTOR ? register.namesOf(cells.keySet()) : Map.of();
    cells.forEach(
        (id, v) ->
            entries.add(
                new CollectorReportRow.Entry(
                    id, names.getOrDefault(id, id), StaffFigureStore.collectorFigures(v))));
    List<CollectorReportRow> ranked =
        CollectorReportRow.rank(entries, p, CollectorScoring.defaults());
    if (ownRowOnly) {
      ranked =
          ranked.stream()
              .filter(r -> collectorId != null && collectorId.equals(r.subjectId()))
              .toList();
    }
    ReportTable<CollectorReportRow> table = new ReportTable<>(CollectorReportRow.columns(), ranked);
    return Page.slice(ReportFiles.rows(table), page, size);
  }

  /** The operators of a period by score (ungraded last), then id; one page. */
  public Page<OperatorView> operators(Period p, int page, int size) {
    OperatorScoring scoring = OperatorScoring.defaults();
    List<OperatorView> out = new ArrayList<>();
    figures
        .subjectCells(StaffFiguresBook.Book.OPERATOR.name(), p)
        .forEach(
            (id, v) -> {
              OperatorFigures f = StaffFigureStore.operatorFigures(v);
              Map<String, BigDecimal> rates = new LinkedHashMap<>();
              for (OperatorIndicator i : OperatorIndicator.values()) {
                rates.put(i.name(), i.of(f).percent());
              }
              Score s = scoring.score(f);
              out.add(
                  new OperatorView(id, f, rates, s.value(), s.graded() ? s.grade().name() : null));
            });
    out.sort(
        Comparator.comparing(
                OperatorView::score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(OperatorView::operatorId));
    return Page.slice(out, page, size);
  }
}
