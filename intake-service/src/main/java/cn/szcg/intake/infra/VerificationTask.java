package cn.szcg.intake.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An on-site verification task (核实任务, R-05): PENDING, then CONFIRMED or REFUTED. */
@Entity
@Table(name = "verification_task")
public class VerificationTask extends PanacheEntityBase {
  public static final String PENDING = "PENDING";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String REFUTED = "REFUTED";

  /** Superseded: the report was filed by override, merged or rejected while the task was open. */
  public static final String CANCELLED = "CANCELLED";

  @Id public UUID id;

  @Column(name = "report_id")
  public UUID reportId;

  @Column(name = "collector_id")
  public String collectorId;

  public String status;

  @Column(name = "requested_at")
  public Instant requestedAt;

  @Column(name = "requested_by")
  public String requestedBy;

  @Column(name = "completed_at")
  public Instant completedAt;

  public String note;

  /** A page of tasks and how many there are in all. */
  public record Listed(java.util.List<VerificationTask> items, long total) {}

  /**
   * Verification tasks, newest first: a collector's ({@code me}) own and the open unassigned ones;
   * else, with {@code collectorId}, that collector's and the unassigned ones; then by {@code
   * status} when given.
   */
  public static Listed listed(String me, String collectorId, String status, int page, int size) {
    StringBuilder q = new StringBuilder("1 = 1");
    java.util.Map<String, Object> p = new java.util.HashMap<>();
    if (me != null) {
      q.append(" and (collectorId = :me or (collectorId is null and status = :open))");
      p.put("me", me);
      p.put("open", PENDING);
    } else if (collectorId != null) {
      q.append(" and (collectorId = :c or collectorId is null)");
      p.put("c", collectorId);
    }
    if (status != null) {
      q.append(" and status = :s");
      p.put("s", status);
    }
    var query =
        VerificationTask.<VerificationTask>find(
            q.toString(), io.quarkus.panache.common.Sort.descending("requestedAt"), p);
    long total = query.count();
    return new Listed(query.page(io.quarkus.panache.common.Page.of(page, size)).list(), total);
  }

  /** Open tasks of a report closed otherwise (override filing, rejection, merge) are cancelled. */
  public static void cancelOpen(UUID reportId, String why, Instant at) {
    update(
        "status = ?1, completedAt = ?2, note = ?3 where reportId = ?4 and status = ?5",
        CANCELLED,
        at,
        why,
        reportId,
        PENDING);
  }
}
