package cn.szcg.intake.infra;

import cn.szcg.intake.domain.Certificate;
import cn.szcg.intake.domain.Collector;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A collector (信息采集员), certificate and last known position. */
@Entity
@Table(name = "collector")
public class CollectorEntity extends PanacheEntityBase {
  @Id public String id;
  public String name;

  @Column(name = "unit_id")
  public String unitId;

  @Column(name = "cert_number")
  public String certNumber;

  @Column(name = "cert_valid_from")
  public LocalDate certValidFrom;

  @Column(name = "cert_valid_to")
  public LocalDate certValidTo;

  public boolean deactivated;

  @Column(name = "deactivation_reason")
  public String deactivationReason;

  public Double lon;
  public Double lat;

  @Column(name = "position_at")
  public Instant positionAt;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "updated_by")
  public String updatedBy;

  public Collector toDomain() {
    Certificate cert =
        certNumber == null || certValidFrom == null
            ? null
            : new Certificate(certNumber, certValidFrom, certValidTo);
    return new Collector(id, name, unitId, cert, deactivated);
  }

  /** The active collectors whose position is known. */
  public static java.util.List<CollectorEntity> activeWithPosition() {
    return list("deactivated = false and lon is not null and lat is not null");
  }

  /** Collectors by id, all or those of one collection unit (null: all). */
  public static io.quarkus.hibernate.orm.panache.PanacheQuery<CollectorEntity> ofUnit(
      String unitId) {
    return unitId == null
        ? findAll(io.quarkus.panache.common.Sort.by("id"))
        : find("unitId", io.quarkus.panache.common.Sort.by("id"), unitId);
  }
}
