package cn.szcg.assessment.infra;

import cn.szcg.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The sealed periodic 通报 (table {@code periodic_report}, append-only: R-23) and its anchor in the
 * audit trail (docs/adr/0003-audit-trail-and-database-roles.md). Sealing writes, in the caller's
 * transaction, an audit row of the sealing (both document hashes and the head it anchors) — chained
 * by the platform's trigger under the trail's advisory lock, taken here first so that the head read
 * is the row the sealing row follows — and the report row holding the head's (id, hash) and the
 * sealing row's (id, hash). A later truncation of the newest audit rows removes the sealing row
 * (and maybe the head): {@link #anchors()} shows it, although the shortened chain is internally
 * intact.
 */
@ApplicationScoped
public class PeriodicReportStore {

  /** The platform's audit-chain lock (R__szcg_platform.sql, szcg_audit_chain). */
  static final long AUDIT_CHAIN_LOCK = 7310001L;

  @Inject EntityManager em;

  /** A report's metadata (without the documents). */
  public record Meta(
      String reportId,
      String periodKind,
      String period,
      LocalDate firstDay,
      LocalDate lastDay,
      String titleZh,
      String titleEn,
      List<String> unitIds,
      String pdfSha256,
      String xlsxSha256,
      Long auditHeadId,
      String auditHeadHash,
      long sealAuditId,
      String sealAuditHash,
      String sealedBy,
      Instant publishedAt) {}

  /** What is sealed. */
  public record Sealing(
      String reportId,
      String periodKind,
      String period,
      LocalDate firstDay,
      LocalDate lastDay,
      String titleZh,
      String titleEn,
      List<String> unitIds,
      byte[] pdf,
      String pdfSha256,
      byte[] xlsx,
      String xlsxSha256,
      String sealedBy,
      String sealedByRoles,
      Instant at) {}

  /** Serialises the production of one period's report across transactions and replicas. */
  public void lockPeriod(String reportId) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('periodic-report:' || ?1))")
        .setParameter(1, reportId)
        .getSingleResult();
  }

  public boolean exists(String reportId) {
    return !em.createNativeQuery("SELECT 1 FROM periodic_report WHERE report_id = ?1")
        .setParameter(1, reportId)
        .getResultList()
        .isEmpty();
  }

  /**
   * Anchors and stores: the audit head (id, hash), the sealing's audit row, the report row. Returns
   * the stored metadata.
   */
  public Meta seal(Sealing s) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, AUDIT_CHAIN_LOCK)
        .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> head =
        em.createNativeQuery("SELECT id, hash FROM szcg_audit ORDER BY id DESC LIMIT 1")
            .getResultList();
    Long headId = head.isEmpty() ? null : ((Number) head.get(0)[0]).longValue();
    String headHash = head.isEmpty() ? null : HexFormat.of().formatHex((byte[]) head.get(0)[1]);
    Object[] sealRow =
        (Object[])
            em.createNativeQuery(
                    "INSERT INTO szcg_audit (at, subject, username, roles, unit, client, method,"
                        + " path, status, target, remote, request_id, hash) VALUES (?1, ?2, ?2,"
                        + " ?3, NULL, 'assessment-service', 'SEAL', ?4, 201, ?5, NULL, NULL,"
                        + " '\\x'::bytea) RETURNING id, hash")
                .setParameter(1, s.at())
                .setParameter(2, s.sealedBy())
                .setParameter(3, s.sealedByRoles())
                .setParameter(4, "/api/v1/periodic-reports/" + s.reportId())
                .setParameter(
                    5,
                    "pdf-sha256="
                        + s.pdfSha256()
                        + ";xlsx-sha256="
                        + s.xlsxSha256()
                        + ";audit-head="
                        + headId
                        + ":"
                        + headHash)
                .getSingleResult();
    long sealId = ((Number) sealRow[0]).longValue();
    String sealHash = HexFormat.of().formatHex((byte[]) sealRow[1]);
    em.createNativeQuery(
            "INSERT INTO periodic_report (report_id, period_kind, period, first_day, last_day,"
                + " title_zh, title_en, unit_ids, pdf, pdf_sha256, xlsx, xlsx_sha256,"
                + " audit_head_id, audit_head_hash, seal_audit_id, seal_audit_hash, sealed_by,"
                + " published_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, string_to_array(?8, chr(31)), ?9, ?10,"
                + " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)")
        .setParameter(1, s.reportId())
        .setParameter(2, s.periodKind())
        .setParameter(3, s.period())
        .setParameter(4, s.firstDay())
        .setParameter(5, s.lastDay())
        .setParameter(6, s.titleZh())
        .setParameter(7, s.titleEn())
        .setParameter(8, String.join("\u001f", s.unitIds()))
        .setParameter(9, s.pdf())
        .setParameter(10, s.pdfSha256())
        .setParameter(11, s.xlsx())
        .setParameter(12, s.xlsxSha256())
        .setParameter(13, headId)
        .setParameter(14, headHash)
        .setParameter(15, sealId)
        .setParameter(16, sealHash)
        .setParameter(17, s.sealedBy())
        .setParameter(18, s.at())
        .executeUpdate();
    return new Meta(
        s.reportId(),
        s.periodKind(),
        s.period(),
        s.firstDay(),
        s.lastDay(),
        s.titleZh(),
        s.titleEn(),
        s.unitIds(),
        s.pdfSha256(),
        s.xlsxSha256(),
        headId,
        headHash,
        sealId,
        sealHash,
        s.sealedBy(),
        s.at());
  }

  private static final String META =
      "SELECT report_id, period_kind, period, first_day, last_day, title_zh, title_en,"
          + " array_to_string(unit_ids, chr(31)), pdf_sha256, xlsx_sha256, audit_head_id,"
          + " audit_head_hash, seal_audit_id, seal_audit_hash, sealed_by, published_at FROM"
          + " periodic_report";

  /** Newest period first (kind filter null = any). */
  public List<Meta> list(String periodKind) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                META
                    + " WHERE CAST(?1 AS text) IS NULL OR period_kind = ?1 ORDER BY last_day DESC,"
                    + " period_kind")
            .setParameter(1, periodKind)
            .getResultList();
    return rows.stream().map(PeriodicReportStore::meta).toList();
  }

  public Meta find(String reportId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(META + " WHERE report_id = ?1")
            .setParameter(1, reportId)
            .getResultList();
    return rows.isEmpty() ? null : meta(rows.get(0));
  }

  /** The stored PDF ({@code pdf}) or xlsx ({@code xlsx}) document, null if no such report. */
  public byte[] document(String reportId, boolean pdf) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT " + (pdf ? "pdf" : "xlsx") + " FROM periodic_report WHERE report_id = ?1")
            .setParameter(1, reportId)
            .getResultList();
    return rows.isEmpty() ? null : (byte[]) rows.get(0);
  }

  /** One report's anchor as stored and what the audit trail holds at those ids now. */
  public record Anchor(
      String reportId,
      Long auditHeadId,
      String auditHeadHash,
      String headHashNow,
      long sealAuditId,
      String sealAuditHash,
      String sealHashNow,
      long auditMaxId) {}

  public List<Anchor> anchors() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT r.report_id, r.audit_head_id, r.audit_head_hash, encode(h.hash, 'hex'),"
                    + " r.seal_audit_id, r.seal_audit_hash, encode(s.hash, 'hex'),"
                    + " (SELECT coalesce(max(id), 0) FROM szcg_audit) FROM periodic_report r"
                    + " LEFT JOIN szcg_audit h ON h.id = r.audit_head_id LEFT JOIN szcg_audit s"
                    + " ON s.id = r.seal_audit_id ORDER BY r.seal_audit_id")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Anchor(
                    (String) r[0],
                    r[1] == null ? null : ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).longValue(),
                    (String) r[5],
                    (String) r[6],
                    ((Number) r[7]).longValue()))
        .toList();
  }

  private static LocalDate localDate(Object o) {
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
  }

  private static Meta meta(Object[] r) {
    String units = (String) r[7];
    return new Meta(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        localDate(r[3]),
        localDate(r[4]),
        (String) r[5],
        (String) r[6],
        units == null || units.isEmpty() ? List.of() : Arrays.asList(units.split("\u001f")),
        (String) r[8],
        (String) r[9],
        r[10] == null ? null : ((Number) r[10]).longValue(),
        (String) r[11],
        ((Number) r[12]).longValue(),
        (String) r[13],
        (String) r[14],
        SqlValues.instant(r[15]));
  }
}
