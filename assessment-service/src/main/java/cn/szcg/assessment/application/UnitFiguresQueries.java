package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.Ratio;
import cn.szcg.assessment.domain.Score;
import cn.szcg.assessment.domain.UnitIndicator;
import cn.szcg.assessment.domain.UnitScoring;
import cn.szcg.assessment.infra.AccountabilityStore;
import cn.szcg.assessment.infra.FigureStore;
import cn.szcg.assessment.infra.ReportFiles;
import cn.szcg.assessment.infra.UnitNames;
import cn.szcg.assessment.infra.WeightStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reading the unit figures: a unit's figures with rates, score and grade; the
 * county ranking; the accountability notices. Who may read what is the resource's to decide (a unit
 * leader's scope is passed in as the unit filter).
 */
@ApplicationScoped
public class UnitFiguresQueries {

  @Inject FigureStore figures;
  @Inject WeightStore weights;
  @Inject Reports reports;
  @Inject UnitNames unitNames;
  @Inject AccountabilityStore accountability;

  /** One rate with its definition (written once, in {@link UnitIndicator}). */
  public record RateView(
      String key,
      String nameZh,
      String nameEn,
      String definition,
      boolean inverted,
      long numerator,
      long denominator,
      BigDecimal percent) {}

  /** The score, its grade and each indicator's contribution (points, 4 decimals). */
  public record ScoreView(
      boolean graded,
      BigDecimal score,
      String grade,
      String gradeZh,
      Map<String, BigDecimal> contributions,
      Map<String, BigDecimal> weights) {}

  /**
   * A unit's figures in one cell: counters, derived counts, rates and score; {@code unitName} the
   * unit's latest known name (the id while none is known).
   */
  public record UnitFiguresView(
      String unitId,
      String unitName,
      String period,
      String category,
      String township,
      Figures figures,
      Map<String, Long> derived,
      List<RateView> rates,
      ScoreView score) {}

  /** An accountability notice as issued. */
  public record NoticeView(
      String actionId,
      String type,
      String level,
      String unitId,
      String unitName,
      String kind,
      String month,
      int ordinal,
      String incidentId,
      String caseId,
      String personId,
      String personName,
      boolean personMissing,
      String titleZh,
      String titleEn,
      Instant issuedAt) {}

  static final Map<UnitIndicator, String> DEFINITIONS =
      Map.of(
          UnitIndicator.HANDLING_RATE, "已处置 / 应处置 (handled / to be handled)",
          UnitIndicator.ON_TIME_HANDLING_RATE, "按期处置 / 应处置 (handled on time / to be handled)",
          UnitIndicator.REWORK_RATE, "返工 / 应结案 (reworked / to be closed)",
          UnitIndicator.OVERDUE_RATE, "逾期处置 / 应处置 (overdue / to be handled)",
          UnitIndicator.EXTENSION_RATE, "延期件 / 应办 (extended orders / assigned)",
          UnitIndicator.SATISFACTION_RATE,
              "(满意 + 基本满意) / 评价数 ((satisfied + basically) / responses)",
          UnitIndicator.ON_TIME_SIGN_FOR_RATE, "按时签收 / 签收 (signed on time / signed)");

  /** A unit's figures of a period, all categories / townships when null. */
  public UnitFiguresView unitFigures(String unitId, Period p, String category, String township) {
    Figures f = figures.cell(unitId, p, category, township);
    return view(unitId, unitNames.nameOf(unitId), p, category, township, f, weights.scoring());
  }

  static UnitFiguresView view(
      String unitId,
      String unitName,
      Period p,
      String category,
      String township,
      Figures f,
      UnitScoring scoring) {
    Map<String, Long> derived = new LinkedHashMap<>();
    derived.put("toHandle", f.toHandle());
    derived.put("assigned", f.assigned());
    derived.put("pending", f.pending());
    derived.put("signedFor", f.signedFor());
    derived.put("responses", f.responses());
    List<RateView> rates = new ArrayList<>();
    for (UnitIndicator i : UnitIndicator.values()) {
      Ratio r = i.of(f);
      rates.add(
          new RateView(
              i.name(),
              i.zh(),
              i.en(),
              DEFINITIONS.get(i),
              i.inverted(),
              r.numerator(),
              r.denominator(),
              r.percent()));
    }
    Score s = scoring.score(f);
    Map<String, BigDecimal> contributions = new LinkedHashMap<>();
    s.contributions().forEach((k, v) -> contributions.put(k, v.toDecimal(4)));
    Map<String, BigDecimal> w = new LinkedHashMap<>();
    scoring.weights().asMap().forEach((k, v) -> w.put(k.name(), v));
    return new UnitFiguresView(
        unitId,
        unitName,
        p.toString(),
        category == null ? FiguresKey.ALL : category,
        township == null ? FiguresKey.ALL : township,
        f,
        derived,
        rates,
        new ScoreView(
            s.graded(),
            s.value(),
            s.graded() ? s.grade().name() : null,
            s.graded() ? s.grade().zh() : null,
            contributions,
            w));
  }

  /** The county ranking of a period as report rows, one page. */
  public Page<Map<String, Object>> ranking(
      Period p, String category, String township, int page, int size) {
    return Page.slice(ReportFiles.rows(reports.ranking(p, category, township)), page, size);
  }

  /**
   * A page of the notices, newest first; {@code unitId}, {@code month}, {@code type} filter when
   * given.
   */
  public Page<NoticeView> notices(String unitId, String month, String type, int page, int size) {
    long total = accountability.countNotices(unitId, month, type);
    List<AccountabilityStore.NoticeRow> rows =
        accountability.notices(unitId, month, type, size, (long) page * size);
    Map<String, String> names =
        unitNames.namesOf(
            rows.stream().map(AccountabilityStore.NoticeRow::unitId).collect(Collectors.toSet()));
    List<NoticeView> items =
        rows.stream()
            .map(
                r ->
                    new NoticeView(
                        r.actionId(),
                        r.type(),
                        r.level(),
                        r.unitId(),
                        names.getOrDefault(r.unitId(), r.unitId()),
                        r.kind(),
                        r.month(),
                        r.ordinal(),
                        r.incidentId(),
                        r.caseId(),
                        r.personId(),
                        r.personName(),
                        r.personMissing(),
                        r.titleZh(),
                        r.titleEn(),
                        r.issuedAt()))
            .toList();
    return new Page<>(items, page, size, total);
  }
}
