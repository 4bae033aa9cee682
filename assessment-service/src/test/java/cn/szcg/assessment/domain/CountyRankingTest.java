package cn.szcg.assessment.domain;

import static cn.szcg.assessment.domain.Figures.Counter.*;
import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** report rows, column definitions and the county ranking. */
class CountyRankingTest {
  static final Period MARCH = Period.month(2026, 3);

  static Figures onTime(int due, int onTime) {
    return Fig.of(
        RECEIVED,
        due,
        HANDLED,
        due,
        HANDLED_ON_TIME,
        onTime,
        OVERDUE_HANDLING,
        due - onTime,
        CHECKED,
        due);
  }

  @Test
  @DisplayName(
      "sorted by score; equal scores broken by on-time rate, volume, then unit id; ungraded last")
  void ranking() {
    List<UnitReportRow> rows =
        CountyRanking.rank(
            List.of(
                new CountyRanking.Entry("U-idle", "空闲局", Fig.of(RECEIVED, 3)),
                new CountyRanking.Entry("U-b", "乙局", onTime(10, 10)),
                new CountyRanking.Entry("U-a", "甲局", onTime(10, 10)),
                new CountyRanking.Entry("U-big", "大局", onTime(20, 20)),
                new CountyRanking.Entry("U-late", "迟局", onTime(10, 5))),
            MARCH,
            UnitScoring.defaults());
    assertEquals(
        List.of("U-big", "U-a", "U-b", "U-late", "U-idle"),
        rows.stream().map(UnitReportRow::unitId).toList());
    assertEquals(List.of(1, 2, 3, 4, 0), rows.stream().map(UnitReportRow::rank).toList());
    assertEquals(new BigDecimal("80.00"), rows.get(3).score().value()); // 30+10+20+10+10
  }

  @Test
  @DisplayName("equal printed scores: the higher on-time rate ranks first")
  void onTimeBreaksTies() {
    // X: 30 + 20×5/10 + 20 + 20×(1−5/10) + 10 = 80; Y: 30×6/10 + 20×6/10 + 20 + 20 + 10 = 80
    Figures x = onTime(10, 5);
    Figures y =
        Fig.of(RECEIVED, 10, HANDLED, 6, HANDLED_ON_TIME, 6, EXPIRED_UNHANDLED, 4, CHECKED, 6);
    List<UnitReportRow> rows =
        CountyRanking.rank(
            List.of(new CountyRanking.Entry("A-x", "X", x), new CountyRanking.Entry("B-y", "Y", y)),
            MARCH,
            UnitScoring.defaults());
    assertEquals(rows.get(0).score().value(), rows.get(1).score().value());
    assertEquals(new BigDecimal("80.00"), rows.get(0).score().value());
    assertEquals(List.of("B-y", "A-x"), rows.stream().map(UnitReportRow::unitId).toList());
  }

  @Test
  @DisplayName("columns: unique keys, Chinese headings first, English available, values per row")
  void columns() {
    ReportTable<UnitReportRow> t =
        CountyRanking.table(
            List.of(new CountyRanking.Entry("U1", "城管局", UnitScoringTest.worked())),
            MARCH,
            UnitScoring.defaults());
    List<String> keys = t.columns().stream().map(Column::key).toList();
    assertEquals(keys.size(), new HashSet<>(keys).size());
    List<String> zh = t.headings(Column.Lang.ZH);
    List<String> en = t.headings(Column.Lang.EN);
    assertEquals("排名", zh.get(0));
    assertTrue(zh.contains("处置率(%)") && zh.contains("综合指标值") && zh.contains("过期未处置"));
    assertTrue(en.contains("Composite score"));
    List<Object> row = t.values().get(0);
    assertEquals(1, row.get(keys.indexOf("rank")));
    assertEquals("城管局", row.get(keys.indexOf("unitName")));
    assertEquals("2026-03", row.get(keys.indexOf("period")));
    assertEquals(10L, row.get(keys.indexOf("toHandle")));
    assertEquals(new BigDecimal("80.00"), row.get(keys.indexOf("handlingRate")));
    assertNull(row.get(keys.indexOf("satisfactionRate")), "0/0 shows blank");
    assertEquals(new BigDecimal("78.72"), row.get(keys.indexOf("score")));
    assertEquals("B", row.get(keys.indexOf("grade")));
  }
}
