package cn.szcg.intake.infra;

import cn.szcg.intake.domain.CollectionUnit;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A collection unit (信息采集单位) under contract. */
@Entity
@Table(name = "collection_unit")
public class CollectionUnitEntity extends PanacheEntityBase {
  @Id public String id;
  public String name;

  @Column(name = "contract_from")
  public LocalDate contractFrom;

  @Column(name = "contract_to")
  public LocalDate contractTo;

  public boolean terminated;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "updated_by")
  public String updatedBy;

  @Column(name = "update_reason")
  public String updateReason;

  public CollectionUnit toDomain() {
    return new CollectionUnit(id, name, contractFrom, contractTo, terminated);
  }
}
