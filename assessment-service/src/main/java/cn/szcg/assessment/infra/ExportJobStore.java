package cn.szcg.assessment.infra;

import cn.szcg.platform.sql.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The report export jobs ({@code export_job}): queued, claimed by the worker, done with the file or
 * failed with the reason. Each method runs in the caller's transaction.
 */
@ApplicationScoped
public class ExportJobStore {

  @Inject EntityManager em;

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

  /** What the worker needs of a job it claimed. */
  public record Claimed(String report, String period, String format, String unitId) {}

  /** The jobs queued or running (when the service stopped), oldest first. */
  public List<String> unfinished() {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT job_id FROM export_job WHERE status IN ('QUEUED', 'RUNNING')"
                    + " ORDER BY requested_at")
            .getResultList();
    return ids;
  }

  /** Stores a queued job. */
  public void insert(
      String jobId, String report, String period, String format, String by, String unitId) {
    em.createNativeQuery(
            "INSERT INTO export_job (job_id, report, period, format, status, requested_by,"
                + " requested_at, unit_id) VALUES (?1, ?2, ?3, ?4, 'QUEUED', ?5, now(), ?6)")
        .setParameter(1, jobId)
        .setParameter(2, report)
        .setParameter(3, period)
        .setParameter(4, format)
        .setParameter(5, by)
        .setParameter(6, unitId)
        .executeUpdate();
  }

  /** Marks the job RUNNING; empty when there is no such job. */
  public Optional<Claimed> claim(String jobId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "UPDATE export_job SET status = 'RUNNING' WHERE job_id = ?1"
                    + " RETURNING report, period, format, unit_id")
            .setParameter(1, jobId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = rows.get(0);
    return Optional.of(new Claimed((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
  }

  /** Marks the job DONE with its file. */
  public void done(String jobId, FileContent file) {
    em.createNativeQuery(
            "UPDATE export_job SET status = 'DONE', finished_at = now(), file_name ="
                + " ?2, content_type = ?3, content = ?4, error = NULL WHERE job_id ="
                + " ?1")
        .setParameter(1, jobId)
        .setParameter(2, file.fileName())
        .setParameter(3, file.contentType())
        .setParameter(4, file.bytes())
        .executeUpdate();
  }

  /** Marks the job FAILED with the reason. */
  public void failed(String jobId, String error) {
    em.createNativeQuery(
            "UPDATE export_job SET status = 'FAILED', finished_at = now(), error ="
                + " ?2 WHERE job_id = ?1")
        .setParameter(1, jobId)
        .setParameter(2, error)
        .executeUpdate();
  }

  /** The job, or null. */
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

  /** The file of a DONE job, or null. */
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
