package cn.szcg.intake.infra;

import static cn.szcg.platform.sql.SqlValues.instant;

import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.intake.domain.BoundingBox;
import cn.szcg.intake.domain.DuplicateDetector;
import cn.szcg.intake.domain.DuplicateMatch;
import cn.szcg.intake.domain.DuplicatePolicy;
import cn.szcg.intake.domain.Geo;
import cn.szcg.intake.domain.IntakeState;
import cn.szcg.intake.domain.OpenCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proposes duplicates of a report (R-05 practice): open reports of the same category in a box
 * around its point and inside the time window are pre-selected in SQL; {@link DuplicateDetector}
 * decides with the exact distance. A proposal only — the operator merges or keeps separate.
 */
@ApplicationScoped
public class DuplicateFinder {

  @Inject EntityManager em;

  @ConfigProperty(name = "szcg.intake.duplicate.radius-m", defaultValue = "50")
  double radiusMetres;

  @ConfigProperty(name = "szcg.intake.duplicate.window", defaultValue = "PT24H")
  Duration window;

  /** Candidates for {@code r}, nearest first; none once the operator kept it separate or closed. */
  public List<DuplicateMatch> candidates(Report r) {
    if (r.categoryCode == null
        || r.lon == null
        || r.keptSeparate
        || IntakeState.valueOf(r.status).isTerminal()) {
      return List.of();
    }
    DuplicatePolicy policy = new DuplicatePolicy(radiusMetres, window);
    GeoPoint p = new GeoPoint(r.lon, r.lat);
    BoundingBox box = Geo.boxAround(p, radiusMetres);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, category_code, lon, lat, registered_at, status FROM report"
                    + " WHERE category_code = ?1 AND id <> ?2"
                    + " AND status IN ('REGISTERED','VERIFICATION_PENDING','VERIFIED','FILED')"
                    + " AND lon IS NOT NULL AND registered_at BETWEEN ?3 AND ?4"
                    + " AND lon BETWEEN ?5 AND ?6 AND lat BETWEEN ?7 AND ?8 LIMIT 200")
            .setParameter(1, r.categoryCode)
            .setParameter(2, r.id)
            .setParameter(3, Timestamp.from(r.registeredAt.minus(window)))
            .setParameter(4, Timestamp.from(r.registeredAt.plus(window)))
            .setParameter(5, box.minLon())
            .setParameter(6, box.maxLon())
            .setParameter(7, box.minLat())
            .setParameter(8, box.maxLat())
            .getResultList();
    List<OpenCase> open =
        rows.stream()
            .map(
                o ->
                    new OpenCase(
                        o[0].toString(),
                        (String) o[1],
                        new GeoPoint(((Number) o[2]).doubleValue(), ((Number) o[3]).doubleValue()),
                        instant(o[4]),
                        IntakeState.valueOf((String) o[5])))
            .toList();
    return DuplicateDetector.findDuplicates(r.categoryCode, p, r.registeredAt, open, policy);
  }

  static UUID uuid(String s) {
    return UUID.fromString(s);
  }
}
