package cn.szcg.assessment.domain;

import java.util.List;

/**
 * One row of the monthly or yearly responsible-unit report (处置责任单位考核表).
 *
 * @param rank 1-based position in the county ranking; 0 when not graded (不参与排名)
 * @param unitId unit id
 * @param unitName unit name (Chinese; the unit id while no name is known)
 * @param period month or year
 * @param figures the unit's figures in the period (all categories, all townships, or a filtered
 *     cell)
 * @param score composite score and grade
 */
public record UnitReportRow(
    int rank, String unitId, String unitName, Period period, Figures figures, Score score) {

  /** The report columns, Chinese headings first, English available. */
  public static List<Column<UnitReportRow>> columns() {
    return List.of(
        new Column<>("rank", "排名", "Rank", r -> r.rank() == 0 ? null : r.rank()),
        new Column<>("unitId", "单位编码", "Unit id", UnitReportRow::unitId),
        new Column<>("unitName", "单位名称", "Unit", UnitReportRow::unitName),
        new Column<>("period", "考核周期", "Period", r -> r.period().toString()),
        count("received", "收到批办件", "Orders received", Figures::received),
        count("signedOnTime", "按时签收", "Signed for on time", Figures::signedOnTime),
        count("signedLate", "超时签收", "Signed for late", Figures::signedLate),
        count("toHandle", "应处置", "To be handled", Figures::toHandle),
        count("handled", "已处置", "Handled", Figures::handled),
        count("handledOnTime", "按期处置", "Handled on time", Figures::handledOnTime),
        count("overdueHandling", "逾期处置", "Overdue handling", Figures::overdueHandling),
        count("expiredUnhandled", "过期未处置", "Expired, not handled", Figures::expiredUnhandled),
        count("pending", "在办未到期", "Pending within limit", Figures::pending),
        count("checked", "应结案", "To be closed", Figures::checked),
        count("reworked", "返工", "Not to standard", Figures::reworked),
        count("returnsRequested", "申请回退", "Returns asked", Figures::returnsRequested),
        count("returnsApproved", "批准回退", "Returns approved", Figures::returnsApproved),
        count("returnsRefused", "驳回回退", "Returns refused", Figures::returnsRefused),
        count("extendedOrders", "延期", "Extensions", Figures::extendedOrders),
        count("satisfied", "满意", "Satisfied", Figures::satisfied),
        count("basicallySatisfied", "基本满意", "Basically satisfied", Figures::basicallySatisfied),
        count("dissatisfied", "不满意", "Dissatisfied", Figures::dissatisfied),
        rate(UnitIndicator.HANDLING_RATE, "handlingRate"),
        rate(UnitIndicator.ON_TIME_HANDLING_RATE, "onTimeHandlingRate"),
        rate(UnitIndicator.REWORK_RATE, "reworkRate"),
        rate(UnitIndicator.OVERDUE_RATE, "overdueRate"),
        rate(UnitIndicator.EXTENSION_RATE, "extensionRate"),
        rate(UnitIndicator.SATISFACTION_RATE, "satisfactionRate"),
        rate(UnitIndicator.ON_TIME_SIGN_FOR_RATE, "onTimeSignForRate"),
        new Column<>("score", "综合指标值", "Composite score", r -> r.score().value()),
        new Column<>(
            "grade", "等级", "Grade", r -> r.score().graded() ? r.score().grade().name() : null));
  }

  private static Column<UnitReportRow> count(
      String key, String zh, String en, java.util.function.ToLongFunction<Figures> f) {
    return new Column<>(key, zh, en, r -> f.applyAsLong(r.figures()));
  }

  private static Column<UnitReportRow> rate(UnitIndicator i, String key) {
    return new Column<>(key, i.zh() + "(%)", i.en() + " (%)", r -> i.of(r.figures()).percent());
  }
}
