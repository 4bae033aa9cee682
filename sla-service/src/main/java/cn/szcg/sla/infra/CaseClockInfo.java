package cn.szcg.sla.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What the clocks remember about a case between events: zone (城区/城乡结合部), emergency (突发, R-20),
 * acceptance time, the category's handling limit recorded at filing, and an intake stop that
 * arrived before the registration (events of two topics may interleave).
 */
@Entity
@Table(name = "case_clock_info")
public class CaseClockInfo extends PanacheEntityBase {
  @Id
  @Column(name = "case_id")
  public String caseId;

  public String zone;
  public boolean emergency;

  @Column(name = "accepted_at")
  public Instant acceptedAt;

  @Column(name = "category_code")
  public String categoryCode;

  /** The case's number (受理号) from intake's registration or filing (for the 督办 list). */
  @Column(name = "report_no")
  public String reportNo;

  /** The filed category's name (for the 督办 list). */
  @Column(name = "category_name")
  public String categoryName;

  @Column(name = "handling_limit_amount")
  public Integer handlingLimitAmount;

  @Column(name = "handling_limit_unit")
  public String handlingLimitUnit;

  @Column(name = "intake_closed_at")
  public Instant intakeClosedAt;

  @Column(name = "intake_closed_reason")
  public String intakeClosedReason;

  @Column(name = "updated_at")
  public Instant updatedAt;

  /** The row of a case, locked; created if absent. */
  public static CaseClockInfo of(String caseId) {
    CaseClockInfo i = findById(caseId, LockModeType.PESSIMISTIC_WRITE);
    if (i == null) {
      i = new CaseClockInfo();
      i.caseId = caseId;
      i.updatedAt = Instant.now();
      i.persist();
    }
    return i;
  }
}
