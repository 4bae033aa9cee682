package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.Column;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.ReportTable;
import cn.szcg.assessment.domain.UnitReportRow;
import cn.szcg.assessment.infra.ExportJobStore;
import cn.szcg.assessment.infra.ExportJobStore.FileContent;
import cn.szcg.assessment.infra.ExportJobStore.Job;
import cn.szcg.assessment.infra.ReportFiles;
import cn.szcg.contracts.envelope.EventCodec;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Report exports in the background: a request stores a QUEUED job and returns at once;
 * one worker thread renders it (RUNNING → DONE with the file, or FAILED with the reason). Jobs live
 * in a table ({@link ExportJobStore}), so a job queued or running when the service stopped is run
 * again at start. Each step is a transaction of its own.
 */
@ApplicationScoped
public class ExportJobs {

  private static final Logger LOG = Logger.getLogger(ExportJobs.class);

  /** File formats. */
  public enum Format {
    JSON,
    CSV,
    XLSX
  }

  @Inject ExportJobStore store;
  @Inject Reports reports;

  private ExecutorService worker;

  void onStart(@Observes StartupEvent ev) {
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "report-exports");
              t.setDaemon(true);
              return t;
            });
    List<String> unfinished = QuarkusTransaction.requiringNew().call(store::unfinished);
    unfinished.forEach(this::submit);
  }

  void onStop(@Observes ShutdownEvent ev) {
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  /** Queues a job (committed at once), hands it to the worker and returns it as queued. */
  public Job request(
      Reports.Report report, Period period, String unitId, Format format, String requestedBy) {
    String id =
        QuarkusTransaction.requiringNew()
            .call(() -> create(report, period, unitId, format, requestedBy));
    submit(id);
    return find(id);
  }

  /**
   * Stores a queued job (in the caller's transaction); run it with {@link #submit} after commit.
   */
  String create(
      Reports.Report report, Period period, String unitId, Format format, String requestedBy) {
    String id = UUID.randomUUID().toString();
    store.insert(id, report.name(), period.toString(), format.name(), requestedBy, unitId);
    return id;
  }

  void submit(String jobId) {
    worker.submit(() -> run(jobId));
  }

  private void run(String jobId) {
    try {
      ExportJobStore.Claimed job =
          QuarkusTransaction.requiringNew().call(() -> store.claim(jobId).orElse(null));
      if (job == null) {
        return;
      }
      Reports.Report report = Reports.Report.valueOf(job.report());
      Period period = Period.parse(job.period());
      Format format = Format.valueOf(job.format());
      String unitId = job.unitId();
      FileContent file =
          QuarkusTransaction.requiringNew().call(() -> render(report, period, unitId, format));
      QuarkusTransaction.requiringNew().run(() -> store.done(jobId, file));
    } catch (Exception e) {
      LOG.warnf("export %s failed: %s", jobId, e.toString());
      QuarkusTransaction.requiringNew()
          .run(() -> store.failed(jobId, String.valueOf(e.getMessage())));
    }
  }

  FileContent render(Reports.Report report, Period period, String unitId, Format format) {
    ReportTable<UnitReportRow> table =
        report == Reports.Report.COUNTY_RANKING
            ? reports.ranking(period, null, null)
            : reports.unit(unitId, period);
    String base =
        report == Reports.Report.COUNTY_RANKING
            ? "county-ranking-" + period
            : "unit-" + unitId + "-" + period;
    return switch (format) {
      case CSV -> new FileContent(base + ".csv", ReportFiles.CSV_TYPE, ReportFiles.csv(table));
      case XLSX ->
          new FileContent(
              base + ".xlsx",
              ReportFiles.XLSX_TYPE,
              ReportFiles.xlsx(table, report == Reports.Report.COUNTY_RANKING ? "全县排名" : "单位考核表"));
      case JSON ->
          new FileContent(
              base + ".json",
              "application/json",
              EventCodec.toJson(
                      Map.of(
                          "report", report.name(),
                          "period", period.toString(),
                          "headings", table.headings(Column.Lang.ZH),
                          "rows", ReportFiles.rows(table)))
                  .getBytes(StandardCharsets.UTF_8));
    };
  }

  /** The job (its own transaction), or null. */
  public Job find(String jobId) {
    return QuarkusTransaction.requiringNew().call(() -> store.find(jobId));
  }

  /** The file of a DONE job (its own transaction), or null. */
  public FileContent file(String jobId) {
    return QuarkusTransaction.requiringNew().call(() -> store.file(jobId));
  }
}
