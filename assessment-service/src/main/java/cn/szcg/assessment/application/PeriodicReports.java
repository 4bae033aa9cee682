package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.CommendationPolicy;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.PeriodicReportContent;
import cn.szcg.assessment.domain.ReportClosing;
import cn.szcg.assessment.domain.ReportTable;
import cn.szcg.assessment.domain.UnitReportRow;
import cn.szcg.assessment.infra.AccountabilityStore;
import cn.szcg.assessment.infra.EfficiencyWarningStore;
import cn.szcg.assessment.infra.PeriodicReportDocuments;
import cn.szcg.assessment.infra.PeriodicReportStore;
import cn.szcg.assessment.infra.UnitNames;
import cn.szcg.assessment.infra.WeightStore;
import cn.szcg.contracts.events.PeriodicReportPublished;
import cn.szcg.platform.audit.AuditTrail;
import cn.szcg.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The periodic 通报 (R-23, R-24, R-26; docs/assessment.md, 定期通报): after each Asia/Shanghai month,
 * quarter and year has closed (plus the grace window, {@link ReportClosing}), reads the period's
 * ranking, notices, 效能告诫 and commendation candidates, renders them as PDF and xlsx, seals both
 * (SHA-256, append-only row, anchored in the audit trail) and publishes {@link
 * PeriodicReportPublished} through the outbox — once per period: the report id is deterministic and
 * the sealing of one period is serialised by an advisory lock and re-checks, so a restart, a
 * re-trigger or a second replica finds the sealed report and returns it (two replicas may both
 * render a period; only one seals it).
 */
@ApplicationScoped
public class PeriodicReports {

  private static final Logger LOG = Logger.getLogger(PeriodicReports.class);

  @Inject Reports reports;
  @Inject AccountabilityStore accountability;
  @Inject EfficiencyWarningStore warnings;
  @Inject UnitNames names;
  @Inject WeightStore weights;
  @Inject PeriodicReportDocuments documents;
  @Inject PeriodicReportStore store;
  @Inject Outbox outbox;
  @Inject AuditTrail trail;

  @ConfigProperty(name = "szcg.assessment.periodic-reports.grace", defaultValue = "PT72H")
  Duration grace;

  /** A report and whether this call sealed it (false: it was sealed before). */
  public record Outcome(PeriodicReportStore.Meta report, boolean created) {}

  /** The period has not ended yet at {@code now}. */
  public static class NotClosedException extends RuntimeException {
    public NotClosedException(Period p) {
      super("period " + p + " has not ended");
    }
  }

  public Duration grace() {
    return grace;
  }

  /**
   * Seals the 通报 of a closed period, or returns the one sealed before. {@code by} and {@code roles}
   * name who produced it (the closing job or the efficiency office's re-trigger).
   */
  public Outcome close(Period period, Instant now, String by, String roles) {
    if (!ReportClosing.closed(period, now)) {
      throw new NotClosedException(period);
    }
    String id = ReportClosing.reportId(period);
    PeriodicReportStore.Meta sealedBefore =
        QuarkusTransaction.requiringNew().call(() -> store.find(id));
    if (sealedBefore != null) {
      return new Outcome(sealedBefore, false);
    }
    // read in a short transaction, render outside any (a large month takes seconds: no
    // transaction timeout, no connection held), then seal in a second one that re-checks under the
    // period's lock — a replica that rendered the same period meanwhile finds it sealed
    PeriodicReportContent content =
        QuarkusTransaction.requiringNew().call(() -> content(period, now));
    byte[] pdf = documents.pdf(content);
    byte[] xlsx = documents.xlsx(content);
    String pdfSha = sha256(pdf);
    String xlsxSha = sha256(xlsx);
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              store.lockPeriod(id);
              PeriodicReportStore.Meta existing = store.find(id);
              if (existing != null) {
                return new Outcome(existing, false);
              }
              PeriodicReportStore.Meta meta =
                  store.seal(
                      new PeriodicReportStore.Sealing(
                          id,
                          period.type().name(),
                          period.toString(),
                          period.firstDay(),
                          period.lastDay(),
                          content.titleZh(),
                          content.titleEn(),
                          content.unitIds(),
                          pdf,
                          pdfSha,
                          xlsx,
                          xlsxSha,
                          by,
                          roles,
                          now));
              outbox.publish(
                  id,
                  new PeriodicReportPublished(
                      id,
                      meta.periodKind(),
                      meta.period(),
                      meta.firstDay(),
                      meta.lastDay(),
                      meta.titleZh(),
                      meta.titleEn(),
                      meta.pdfSha256(),
                      meta.xlsxSha256(),
                      meta.unitIds(),
                      meta.auditHeadHash(),
                      now),
                  now);
              LOG.infof(
                  "periodic report %s sealed: %d units, pdf %d bytes, xlsx %d bytes",
                  id, meta.unitIds().size(), pdf.length, xlsx.length);
              return new Outcome(meta, true);
            });
  }

  /**
   * Seals every report due at {@code now} that is not sealed yet (the closing job; tests pass a
   * simulated {@code now}). Returns the reports sealed by this call.
   */
  public List<Outcome> closeDue(Instant now) {
    List<Outcome> out = new ArrayList<>();
    for (Period p : ReportClosing.dueAt(now, grace)) {
      boolean sealed =
          QuarkusTransaction.requiringNew().call(() -> store.exists(ReportClosing.reportId(p)));
      if (!sealed) {
        Outcome o = close(p, now, "system:report-closing", "system");
        if (o.created()) {
          out.add(o);
        }
      }
    }
    return out;
  }

  /** What the 通报 of the period says, read now. */
  public PeriodicReportContent content(Period period, Instant now) {
    ReportTable<UnitReportRow> ranking = reports.ranking(period, null, null);
    List<String> months = period.months().stream().map(Period::toString).toList();
    List<AccountabilityStore.NoticeRow> notices = accountability.noticesOfMonths(months);
    List<EfficiencyWarningStore.Warning> issued = warnings.ofNoticeMonths(months);
    Set<String> units = new HashSet<>();
    notices.forEach(n -> units.add(n.unitId()));
    issued.forEach(w -> units.add(w.unitId()));
    Map<String, String> known = names.namesOf(units);
    List<PeriodicReportContent.NoticeLine> noticeLines =
        notices.stream()
            .map(
                n ->
                    new PeriodicReportContent.NoticeLine(
                        n.actionId(),
                        n.type(),
                        n.level(),
                        n.unitId(),
                        known.getOrDefault(n.unitId(), n.unitId()),
                        n.kind(),
                        n.ordinal(),
                        n.caseId(),
                        n.personName(),
                        n.titleZh(),
                        n.issuedAt()))
            .toList();
    List<PeriodicReportContent.WarningLine> warningLines =
        issued.stream()
            .map(
                w ->
                    new PeriodicReportContent.WarningLine(
                        w.warningId(),
                        w.unitId(),
                        known.getOrDefault(w.unitId(), w.unitId()),
                        w.caseId(),
                        w.personName() == null ? w.personId() : w.personName(),
                        w.reasonZh(),
                        w.issuedAt(),
                        w.acknowledgedAt()))
            .toList();
    List<CommendationPolicy.Input> inputs =
        ranking.rows().stream()
            .map(r -> new CommendationPolicy.Input(r.unitId(), r.unitName(), r.figures()))
            .toList();
    List<CommendationPolicy.Candidate> candidates =
        CommendationPolicy.DEFAULT
            .evaluate(inputs, accountability.escalatedUnitsInMonths(months), weights.scoring())
            .candidates();
    return new PeriodicReportContent(
        period,
        ReportClosing.titleZh(period),
        ReportClosing.titleEn(period),
        ranking,
        noticeLines,
        warningLines,
        candidates,
        now);
  }

  public List<PeriodicReportStore.Meta> list(String periodKind) {
    return QuarkusTransaction.requiringNew().call(() -> store.list(periodKind));
  }

  public PeriodicReportStore.Meta find(String reportId) {
    return QuarkusTransaction.requiringNew().call(() -> store.find(reportId));
  }

  public byte[] document(String reportId, boolean pdf) {
    return QuarkusTransaction.requiringNew().call(() -> store.document(reportId, pdf));
  }

  /** One report's anchor check. */
  public record AnchorCheck(
      String reportId,
      boolean intact,
      Long auditHeadId,
      String auditHeadHash,
      long sealAuditId,
      String problem) {}

  /**
   * The audit chain re-computed (platform) and, for every sealed report, its anchor: the head it
   * anchored and the sealing row are still in the chain at their ids with their hashes. Deleting
   * the newest audit rows leaves the shortened chain internally intact, but removes a sealing row
   * (or the head) that a report names.
   */
  public record Verification(
      boolean intact,
      boolean chainIntact,
      Long chainFirstBrokenId,
      long chainEntries,
      String chainLastHash,
      List<AnchorCheck> reports) {}

  public Verification verify() {
    AuditTrail.Verification chain = trail.verify();
    List<PeriodicReportStore.Anchor> anchors =
        QuarkusTransaction.requiringNew().call(() -> store.anchors());
    List<AnchorCheck> checks = new ArrayList<>();
    boolean all = chain.intact();
    for (PeriodicReportStore.Anchor a : anchors) {
      String problem = null;
      if (a.sealHashNow() == null) {
        problem =
            "封存审计记录 "
                + a.sealAuditId()
                + " 缺失，审计日志被截断（当前最大编号 "
                + a.auditMaxId()
                + "）/ the sealing's audit row is missing: the audit trail was truncated";
      } else if (!a.sealHashNow().equals(a.sealAuditHash())) {
        problem = "封存审计记录被更改 / the sealing's audit row was changed";
      } else if (a.auditHeadId() != null && a.headHashNow() == null) {
        problem = "锚定的审计记录缺失 / the anchored audit head is missing";
      } else if (a.auditHeadId() != null && !a.headHashNow().equals(a.auditHeadHash())) {
        problem = "锚定的审计记录被更改 / the anchored audit head was changed";
      }
      all &= problem == null;
      checks.add(
          new AnchorCheck(
              a.reportId(),
              problem == null,
              a.auditHeadId(),
              a.auditHeadHash(),
              a.sealAuditId(),
              problem));
    }
    return new Verification(
        all, chain.intact(), chain.firstBrokenId(), chain.entries(), chain.lastHash(), checks);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
