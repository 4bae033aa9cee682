package cn.szcg.sla.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored stage clock (计时) of a case. */
@Entity
@Table(name = "stage_clock")
public class ClockRecord extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "case_id")
  public String caseId;

  public String stage;
  public String zone;
  public boolean emergency;

  @Column(name = "limit_amount")
  public int limitAmount;

  @Column(name = "limit_unit")
  public String limitUnit;

  @Column(name = "started_at")
  public Instant startedAt;

  @Column(name = "warning_at")
  public Instant warningAt;

  public Instant deadline;
  public String state;

  @Column(name = "stopped_at")
  public Instant stoppedAt;

  @Column(name = "policy_version")
  public String policyVersion;

  @Column(name = "calendar_version")
  public String calendarVersion;

  @Version public int version;

  public static List<ClockRecord> ofCase(String caseId) {
    return list("caseId = ?1 order by startedAt", caseId);
  }
}
