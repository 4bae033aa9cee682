package cn.szcg.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The periodic 通报 of a closed period: the county ranking with scores and grades, each
 * unit's figures, the period's Art 33 notices and warnings and the commendation candidates,
 * rendered as a PDF and an xlsx document that are stored immutable and hash-anchored in the audit
 * trail.
 *
 * @param reportId deterministic per period (e.g. {@code MONTH-2026-11}), safe for idempotent
 *     consumers
 * @param periodKind MONTH, QUARTER or YEAR
 * @param period the period's label in Asia/Shanghai: {@code 2026-11}, {@code 2026-Q4}, {@code 2026}
 * @param firstDay first day of the period (inclusive, Asia/Shanghai)
 * @param lastDay last day of the period (inclusive, Asia/Shanghai)
 * @param pdfSha256 hex SHA-256 of the stored PDF document
 * @param xlsxSha256 hex SHA-256 of the stored xlsx document
 * @param unitIds the units ranked in it (each unit's leader receives it)
 * @param auditHeadHash the audit chain's latest hash when the report was sealed (anchors the chain
 *     outside itself)
 */
public record PeriodicReportPublished(
    String reportId,
    String periodKind,
    String period,
    LocalDate firstDay,
    LocalDate lastDay,
    String titleZh,
    String titleEn,
    String pdfSha256,
    String xlsxSha256,
    List<String> unitIds,
    String auditHeadHash,
    Instant publishedAt) {}
