package cn.szcg.sla.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
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

  @Column(name = "order_id")
  public String orderId;

  @Column(name = "unit_id")
  public String unitId;

  /** A sub-order's clock (二级派遣): the township body's order it was re-dispatched from. */
  @Column(name = "parent_order_id")
  public String parentOrderId;

  /** A sub-order's clock: the township body (the parent order's unit). */
  @Column(name = "parent_unit_id")
  public String parentUnitId;

  /** {@link cn.szcg.sla.domain.StageClock.Snapshot} as JSON (pauses, extensions, limits). */
  public String snapshot;

  @Column(name = "stop_reason")
  public String stopReason;

  @Column(name = "on_time")
  public Boolean onTime;

  /** When ClockWarned was published; null while not yet. */
  @Column(name = "warned_at")
  public Instant warnedAt;

  @Column(name = "warned_late")
  public Boolean warnedLate;

  /** When ClockBreached was published; null while not yet. */
  @Column(name = "breached_at")
  public Instant breachedAt;

  @Column(name = "breached_late")
  public Boolean breachedLate;

  /** The next unpublished moment (warning, or just after the deadline) of a running clock. */
  @Column(name = "next_due")
  public Instant nextDue;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Version public int version;

  public static List<ClockRecord> ofCase(String caseId) {
    return list("caseId = ?1 order by startedAt, stage", caseId);
  }

  /** The running clocks of a case, locked against the scheduler (SELECT ... FOR UPDATE). */
  public static List<ClockRecord> openOfCaseLocked(String caseId) {
    return find("caseId = ?1 and stoppedAt is null order by startedAt, stage", caseId)
        .withLock(LockModeType.PESSIMISTIC_WRITE)
        .list();
  }

  public boolean isOpen() {
    return stoppedAt == null;
  }

  /** The clocks with these ids. */
  public static java.util.List<ClockRecord> byIds(java.util.List<java.util.UUID> ids) {
    return list("id in ?1", ids);
  }
}
