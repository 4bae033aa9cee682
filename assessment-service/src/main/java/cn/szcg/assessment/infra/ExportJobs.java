package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.ReportTable;
import cn.szcg.assessment.domain.UnitReportRow;
import cn.szcg.platform.sql.SqlValues;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Report exports in the background: a request stores a QUEUED job and returns at once;
 * one worker thread renders it (RUNNING → DONE with the file, or FAILED with the reason). Jobs live
 * in a table, so a job queued or running when the service stopped is run again at start.
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

  /** A job as the API shows it. */
  public record Job(
      String jobId,
      String report,
      String period,
      String unitId,
      String format,
      String status,
      String requestedBy,
      Instant requestedAt,
      Instant finishedAt,
      String fileName,
      String error) {}

  /** A finished file. */
  public record FileContent(String fileName, String contentType, byte[] bytes) {}

  @Inject EntityManager em;
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
    List<String> unfinished =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT job_id FROM export_job WHERE status IN ('QUEUED', 'RUNNING')"
                                + " ORDER BY requested_at")
                        .getResultList());
    unfinished.forEach(this::submit);
  }

  void onStop(@Observes ShutdownEvent ev) {
    if (worker != null) {
      worker.shutdownNow();
    }
  }

  /**
   * Stores a queued job (in the caller's transaction); run it with {@link #submit} after commit.
   */
  public String create(
      Reports.Report report, Period period, String unitId, Format format, String requestedBy) {
    String id = UUID.randomUUID().toString();
    em.createNativeQuery(
            "INSERT INTO export_job (job_id, report, period, format, status, requested_by,"
                + " requested_at, unit_id) VALUES (?1, ?2, ?3, ?4, 'QUEUED', ?5, now(), ?6)")
        .setParameter(1, id)
        .setParameter(2, report.name())
        .setParameter(3, period.toString())
        .setParameter(4, format.name())
        .setParameter(5, requestedBy)
        .setParameter(6, unitId)
        .executeUpdate();
    return id;
  }

  public void submit(String jobId) {
    worker.submit(() -> run(jobId));
  }

  private void run(String jobId) {
    try {
      Object[] job =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows =
                        em.createNativeQuery(
                                "UPDATE export_job SET status = 'RUNNING' WHERE job_id = ?1"
                                    + " RETURNING report, period, format, unit_id")
                            .setParameter(1, jobId)
                            .getResultList();
                    return rows.isEmpty() ? null : rows.get(0);
                  });
      if (job == null) {
        return;
      }
      Reports.Report report = Reports.Report.valueOf((String) job[0]);
      Period period = Period.parse((String) job[1]);
      Format format = Format.valueOf((String) job[2]);
      String unitId = (String) job[3];
      FileContent file =
          QuarkusTransaction.requiringNew().call(() -> render(report, period, unitId, format));
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE export_job SET status = 'DONE', finished_at = now(), file_name ="
                              + " ?2, content_type = ?3, content = ?4, error = NULL WHERE job_id ="
                              + " ?1")
                      .setParameter(1, jobId)
                      .setParameter(2, file.fileName())
                      .setParameter(3, file.contentType())
                      .setParameter(4, file.bytes())
                      .executeUpdate());
    } catch (Exception e) {
      LOG.warnf("export %s failed: %s", jobId, e.toString());
      QuarkusTransaction.requiringNew()
          .run(
              () ->
                  em.createNativeQuery(
                          "UPDATE export_job SET status = 'FAILED', finished_at = now(), error ="
                              + " ?2 WHERE job_id = ?1")
                      .setParameter(1, jobId)
                      .setParameter(2, String.valueOf(e.getMessage()))
                      .executeUpdate());
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
              cn.szcg.contracts.envelope.EventCodec.toJson(
                      Map.of(
                          "report", report.name(),
                          "period", period.toString(),
                          "headings", table.headings(cn.szcg.assessment.domain.Column.Lang.ZH),
                          "rows", ReportFiles.rows(table)))
                  .getBytes(StandardCharsets.UTF_8));
    };
  }

  public Job find(String jobId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT job_id, report, period, format, status, requested_by, requested_at,"
                    + " finished_at, file_name, error, unit_id FROM export_job WHERE job_id = ?1")
            .setParameter(1, jobId)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = rows.get(0);
    return new Job(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        (String) r[10],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        SqlValues.instant(r[6]),
        SqlValues.instant(r[7]),
        (String) r[8],
        (String) r[9]);
  }

  public FileContent file(String jobId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT file_name, content_type, content FROM export_job WHERE job_id = ?1 AND"
                    + " status = 'DONE'")
            .setParameter(1, jobId)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    Object[] r = rows.get(0);
    return new FileContent((String) r[0], (String) r[1], (byte[]) r[2]);
  }
}
