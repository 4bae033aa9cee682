package cn.szcg.intake.infra;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered arrival (登记) and, once decided, its filing decision. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {
  @Id public UUID id;

  @Column(name = "report_no")
  public String reportNo;

  public String channel;
  public String kind;
  public String status;

  @Column(name = "category_code")
  public String categoryCode;

  public Double lon;
  public Double lat;
  public String address;
  public String description;

  @Column(name = "collector_id")
  public String collectorId;

  @Column(name = "camera_id")
  public String cameraId;

  @Column(name = "source_ref")
  public String sourceRef;

  @Column(name = "reporter_name")
  public String reporterName;

  @Column(name = "reporter_phone")
  public String reporterPhone;

  @Column(name = "idempotency_key")
  public String idempotencyKey;

  @Column(name = "client_id")
  public String clientId;

  /** SHA-256 of the canonical registration request, kept with the Idempotency-Key (issue 19). */
  @Column(name = "request_hash")
  public String requestHash;

  /** The 12345 ticket a HOTLINE report registered (its sourceRef): once per client (issue 19). */
  @Column(name = "hotline_ticket")
  public String hotlineTicket;

  @Column(name = "township_code")
  public String townshipCode;

  @Column(name = "township_name")
  public String townshipName;

  @Column(name = "community_code")
  public String communityCode;

  @Column(name = "community_name")
  public String communityName;

  @Column(name = "grid_code")
  public String gridCode;

  public String zone;

  /**
   * The nearest components (部件) from gis-service's locate, JSON of {@code
   * List<cn.szcg.contracts.events.NearbyComponent>} ({@link NearbyComponents}); null when not
   * asked.
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "nearest_components", columnDefinition = "jsonb")
  public String nearestComponents;

  @Column(name = "context_resolved")
  public boolean contextResolved;

  @Column(name = "device_time")
  public Instant deviceTime;

  @Column(name = "registered_at")
  public Instant registeredAt;

  @Column(name = "category_name")
  public String categoryName;

  @Column(name = "catalogue_version")
  public Integer catalogueVersion;

  @Column(name = "limit_amount")
  public Integer limitAmount;

  @Column(name = "limit_unit")
  public String limitUnit;

  public boolean emergency;

  @Column(name = "decided_at")
  public Instant decidedAt;

  @Column(name = "decided_by")
  public String decidedBy;

  @Column(name = "decision_reason")
  public String decisionReason;

  @Column(name = "merged_into")
  public UUID mergedInto;

  /** Video analytics confidence (0..1) of the detected category. */
  public Double confidence;

  @Column(name = "rejection_reason")
  public String rejectionReason;

  /** A false or unfounded collector report (虚报/假报, R-08). */
  public boolean unfounded;

  /** The operator's answer to a consultation (咨询). */
  public String answer;

  /** The operator decided this is not a duplicate of the proposed candidates. */
  @Column(name = "kept_separate")
  public boolean keptSeparate;

  @Column(name = "context_attempts")
  public int contextAttempts;

  @Column(name = "updated_at")
  public Instant updatedAt;

  @Column(name = "updated_by")
  public String updatedBy;

  /** The case's state in dispatch after filing (from case-transitioned), e.g. CLOSED. */
  @Column(name = "case_state")
  public String caseState;

  @Column(name = "case_state_at")
  public Instant caseStateAt;

  /** The sequence of the last case-transitioned applied (older ones are ignored). */
  @Column(name = "case_seq")
  public long caseSeq;

  @Version public int version;
}
