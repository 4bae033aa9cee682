package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.CountyRanking;
import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.ReportTable;
import cn.szcg.assessment.domain.UnitReportRow;
import cn.szcg.assessment.domain.UnitScoring;
import cn.szcg.assessment.infra.FigureStore;
import cn.szcg.assessment.infra.UnitNames;
import cn.szcg.assessment.infra.WeightStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report tables: the county ranking of a month or a year, and a unit's
 * report (its row of the period; for a year also each month). Read from the precomputed cells only:
 * the cost depends on the number of units, never on the number of cases. The name column is the
 * unit's latest known name ({@link UnitNames}, from dispatch-service's {@code data.unitName}), the
 * unit id while no name is known (see docs/assessment.md).
 */
@ApplicationScoped
public class Reports {

  /** The reports the service exports. */
  public enum Report {
    /** 全县排名: all units of a period, ranked. */
    COUNTY_RANKING,
    /** 单位考核表: one unit, the period (and for a year each month). */
    UNIT
  }

  @Inject FigureStore figures;
  @Inject WeightStore weights;
  @Inject UnitNames names;

  public ReportTable<UnitReportRow> ranking(Period period, String category, String township) {
    return CountyRanking.table(entries(period, category, township), period, weights.scoring());
  }

  public ReportTable<UnitReportRow> unit(String unitId, Period period) {
    UnitScoring scoring = weights.scoring();
    List<Period> periods = new ArrayList<>();
    if (period.type() == Period.Type.YEAR) {
      for (int m = 1; m <= 12; m++) {
        periods.add(Period.month(period.year(), m));
      }
    }
    periods.add(period);
    List<UnitReportRow> rows = new ArrayList<>();
    for (Period p : periods) {
      List<UnitReportRow> ranked = CountyRanking.rank(entries(p, null, null), p, scoring);
      UnitReportRow row =
          ranked.stream()
              .filter(r -> r.unitId().equals(unitId))
              .findFirst()
              .orElse(
                  new UnitReportRow(
                      0,
                      unitId,
                      names.nameOf(unitId),
                      p,
                      Figures.ZERO,
                      scoring.score(Figures.ZERO)));
      if (p.type() == Period.Type.YEAR || row.figures().received() > 0) {
        rows.add(row);
      }
    }
    return new ReportTable<>(UnitReportRow.columns(), rows);
  }

  private List<CountyRanking.Entry> entries(Period period, String category, String township) {
    List<CountyRanking.Entry> entries = new ArrayList<>();
    Map<String, Figures> cells;
    if (period.type() == Period.Type.QUARTER) {
      // a quarter (通报 only, R-23) is the sum of its months: figures are mergeable (section 1)
      cells = new java.util.TreeMap<>();
      for (Period m : period.months()) {
        figures
            .cellsOfPeriod(m, category, township)
            .forEach((u, f) -> cells.merge(u, f, Figures::plus));
      }
    } else {
      cells = figures.cellsOfPeriod(period, category, township);
    }
    Map<String, String> known = names.namesOf(cells.keySet());
    for (Map.Entry<String, Figures> e : cells.entrySet()) {
      entries.add(
          new CountyRanking.Entry(
              e.getKey(), known.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
    }
    return entries;
  }
}
