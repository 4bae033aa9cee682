package cn.szcg.assessment.infra;

import cn.szcg.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The intake figures as read back ({@code intake_figure}: registrations and filings per month and
 * channel; {@code assessed_case}: what assessment counted of a case): written per poll of {@link
 * IntakeFiguresHandler}, read by the intake figures' queries.
 */
@ApplicationScoped
public class IntakeFigureStore {

  @Inject EntityManager em;

  /** Registrations and filings of one channel in one month. */
  public record IntakeFigure(String month, String channel, long registered, long filed) {}

  /** A case as assessment has counted it. */
  public record AssessedCase(
      String caseId,
      String reportNo,
      String channel,
      Instant registeredAt,
      Instant filedAt,
      String categoryCode) {}

  /** The figures of a month (yyyy-MM), by channel. */
  public List<IntakeFigure> ofMonth(String month) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT month, channel, registered, filed FROM intake_figure WHERE month = ?1"
                    + " ORDER BY channel")
            .setParameter(1, month)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new IntakeFigure(
                    (String) r[0],
                    (String) r[1],
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue()))
        .toList();
  }

  /** The case as counted, if assessment has seen it. */
  public Optional<AssessedCase> assessedCase(String caseId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT case_id, report_no, channel, registered_at, filed_at, category_code"
                    + " FROM assessed_case WHERE case_id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    return Optional.of(
        new AssessedCase(
            (String) r[0],
            (String) r[1],
            (String) r[2],
            SqlValues.instant(r[3]),
            SqlValues.instant(r[4]),
            (String) r[5]));
  }

  /** Adds counts to one column ({@code registered} or {@code filed}) of month × channel rows. */
  void addCounts(String column, List<String> months, List<String> channels, List<Long> values) {
    if (months.isEmpty()) {
      return;
    }
    Jdbc.update(
        em,
        "INSERT INTO intake_figure (month, channel, "
            + column
            + ") SELECT * FROM unnest(?::text[], ?::text[], ?::int8[]) ON CONFLICT (month,"
            + " channel) DO UPDATE SET "
            + column
            + " = intake_figure."
            + column
            + " + EXCLUDED."
            + column,
        Jdbc.texts(months),
        Jdbc.texts(channels),
        Jdbc.longs(values));
  }

  /**
   * A case as the intake-figures batch leaves it: the row to insert, or what to update if it
   * exists.
   */
  static final class CaseRow {
    String reportNo;
    String channel;
    Instant registeredAt;
    Instant filedAt;
    String categoryCode;

    /** A CaseFiled came in this batch: an existing row takes its filed time and category. */
    boolean filed;
  }

  /**
   * Inserts the cases (by case id); an existing one takes the filed time and category of those
   * filed in the batch.
   */
  void writeCases(Map<String, CaseRow> c) {
    if (c.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(c.keySet());
    List<String> reportNo = new ArrayList<>();
    List<String> channel = new ArrayList<>();
    List<Instant> registered = new ArrayList<>();
    List<Instant> filed = new ArrayList<>();
    List<String> category = new ArrayList<>();
    List<String> filedIds = new ArrayList<>();
    c.forEach(
        (id, r) -> {
          reportNo.add(r.reportNo);
          channel.add(r.channel);
          registered.add(r.registeredAt);
          filed.add(r.filedAt);
          category.add(r.categoryCode);
          if (r.filed) {
            filedIds.add(id);
          }
        });
    Jdbc.update(
        em,
        "INSERT INTO assessed_case AS a (case_id, report_no, channel, registered_at, filed_at,"
            + " category_code) SELECT x.id, x.no, x.ch, x.reg, x.fil, x.cat FROM unnest(?::text[],"
            + " ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[]) AS"
            + " x(id, no, ch, reg, fil, cat) ORDER BY x.id ON CONFLICT (case_id) DO UPDATE"
            + " SET filed_at = EXCLUDED.filed_at, category_code = EXCLUDED.category_code WHERE"
            + " a.case_id = ANY(?::text[])",
        Jdbc.texts(ids),
        Jdbc.texts(reportNo),
        Jdbc.texts(channel),
        Jdbc.times(registered),
        Jdbc.times(filed),
        Jdbc.texts(category),
        Jdbc.texts(filedIds));
  }
}
