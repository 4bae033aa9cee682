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
}
