package cn.szcg.dispatch.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A filed case (案件) in dispatch-service: the filed data from intake's case-filed event, the domain
 * case ({@link cn.szcg.dispatch.domain.DispatchCase}) as a jsonb snapshot, and key columns for
 * queries kept in step with the snapshot.
 */
@Entity
@Table(name = "dispatch_case")
public class CaseEntity extends PanacheEntityBase {
  @Id
  @Column(name = "case_id")
  public String caseId;

  @Column(name = "report_no")
  public String reportNo;

  public String channel;

  @Column(name = "category_code")
  public String categoryCode;

  @Column(name = "category_name")
  public String categoryName;

  @Column(name = "catalogue_version")
  public int catalogueVersion;

  @Column(name = "limit_amount")
  public int limitAmount;

  @Column(name = "limit_unit")
  public String limitUnit;

  public String zone;
  public boolean emergency;
  public Double lon;
  public Double lat;

  @Column(name = "township_code")
  public String townshipCode;

  @Column(name = "community_code")
  public String communityCode;

  @Column(name = "grid_code")
  public String gridCode;

  @Column(name = "component_id")
  public String componentId;

  public String state;

  @Column(name = "registered_at")
  public Instant registeredAt;

  @Column(name = "filed_at")
  public Instant filedAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  /** The domain case as JSON ({@link Snapshots}). */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public String snapshot;

  @Column(name = "public_report")
  public boolean publicReport;

  @Column(name = "responsible_unit_id")
  public String responsibleUnitId;

  @Column(name = "overdue_handling")
  public boolean overdueHandling;

  /** The domain case's version: the sequence of its last step. */
  public long sequence;

  @Version public int version;
}
