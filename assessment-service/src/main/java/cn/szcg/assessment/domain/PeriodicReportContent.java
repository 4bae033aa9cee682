package cn.szcg.assessment.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a periodic 通报 says, before it is rendered as PDF and xlsx: the county
 * ranking of the period with every unit's figures, rates, score and grade; the Art 33 notices and
 * warnings of the period's months; the 效能告诫 issued from those notices; the commendation
 * candidates (R-25, {@link CommendationPolicy} over the period's figures).
 *
 * @param period the month, quarter or year
 * @param ranking the ranking table (columns of {@link UnitReportRow})
 * @param notices the period's accountability notices, oldest first
 * @param warnings the 效能告诫 issued from the period's notices, oldest first
 * @param candidates commendation candidates, ranked
 * @param generatedAt when the content was read
 */
public record PeriodicReportContent(
    Period period,
    String titleZh,
    String titleEn,
    ReportTable<UnitReportRow> ranking,
    List<NoticeLine> notices,
    List<WarningLine> warnings,
    List<CommendationPolicy.Candidate> candidates,
    Instant generatedAt) {

  public PeriodicReportContent {
    notices = List.copyOf(notices);
    warnings = List.copyOf(warnings);
    candidates = List.copyOf(candidates);
  }

  /** One Art 33 notice or warning (问责通报). */
  public record NoticeLine(
      String actionId,
      String type,
      String level,
      String unitId,
      String unitName,
      String kind,
      int ordinal,
      String caseId,
      String personName,
      String titleZh,
      Instant issuedAt) {}

  /** One 效能告诫 and whether its person acknowledged it. */
  public record WarningLine(
      String warningId,
      String unitId,
      String unitName,
      String caseId,
      String personName,
      String reasonZh,
      Instant issuedAt,
      Instant acknowledgedAt) {}

  /** The unit ids of the ranking, in ranking order (each unit's leader receives the 通报). */
  public List<String> unitIds() {
    return ranking.rows().stream().map(UnitReportRow::unitId).toList();
  }
}
