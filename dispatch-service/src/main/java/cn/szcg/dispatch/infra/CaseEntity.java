package cn.szcg.dispatch.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A filed case (案件) in dispatch-service. */
@Entity
@Table(name = "dispatch_case")
public class DispatchCase extends PanacheEntityBase {
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

  @Version public int version;
}
