package cn.szcg.assessment.infra;

import cn.szcg.assessment.domain.CollectorRef;
import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.contracts.events.CollectorRegistered;
import cn.szcg.platform.sql.SqlValues;
import cn.szcg.platform.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which collection unit (信息采集单位) each collector (信息采集员) belongs to, as intake-service publishes its
 * collector register ({@code collector-registered}; and the unit a newly recorded duty shift
 * carries): stored in {@code collector_register}, the unit with the latest change time winning
 * whatever order the events arrive in. A collector fact is booked under the collector's unit at
 * booking time ({@link #ref}), {@link StaffFiguresHandler#UNREGISTERED} while the collector is
 * unknown.
 *
 * <p>Read from an in-memory copy (thread-safe: the consumer threads of several handlers ask it):
 * changes applied here enter it when their transaction commits, never before; the whole table is
 * read again when the copy is older than {@code szcg.assessment.collector-register.refresh}
 * (default PT30S) — that bounds how long another replica's changes take to be seen.
 */
@ApplicationScoped
public class CollectorRegister {

  /** The collection unit of a collector the register does not know (yet). */
  public static final String UNREGISTERED = "UNREGISTERED";

  /** A collector's unit and when it became theirs. */
  record Entry(String unitId, Instant since) {
    Entry later(Entry other) {
      return other.since().isAfter(since) ? other : this;
    }
  }

  private static final Object PENDING = CollectorRegister.class.getName() + ".pending";

  @Inject EntityManager em;
  @Inject AfterCommit afterCommit;

  @ConfigProperty(name = "szcg.assessment.collector-register.refresh", defaultValue = "PT30S")
  Duration refresh;

  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Object loading = new Object();
  private volatile long loadedAt;
  private volatile boolean loaded;

  /** The collector with their collection unit now (UNREGISTERED while unknown). */
  public CollectorRef ref(String collectorId) {
    return new CollectorRef(collectorId, unitOf(collectorId));
  }

  /** The collector's collection unit now, {@link #UNREGISTERED} if unknown. */
  public String unitOf(String collectorId) {
    if (collectorId == null) {
      return UNREGISTERED;
    }
    refreshIfStale();
    Entry e = cache.get(collectorId);
    return e == null ? UNREGISTERED : e.unitId();
  }

  /**
   * The registered names (姓名) of these collectors, as intake last published them
   * (collector-registered); collectors without a known name are absent (show the id).
   */
  public Map<String, String> namesOf(java.util.Collection<String> collectorIds) {
    Map<String, String> out = new HashMap<>();
    if (collectorIds.isEmpty()) {
      return out;
    }
    Jdbc.call(
        em,
        c -> {
          try (java.sql.PreparedStatement ps =
              c.prepareStatement(
                  "SELECT collector_id, name FROM collector_register WHERE name IS NOT NULL AND"
                      + " collector_id = ANY(?::text[])")) {
            Jdbc.bind(c, ps, Jdbc.texts(new java.util.ArrayList<>(collectorIds)));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
              }
            }
          }
          return null;
        });
    return out;
  }

  /** Applies a register change (in the caller's transaction); the latest change wins. */
  public void registered(CollectorRegistered r) {
    @SuppressWarnings("unchecked")
    List<Object[]> now =
        em.createNativeQuery(
                "INSERT INTO collector_register AS r (collector_id, collection_unit_id,"
                    + " unit_changed_at, name, active, cert_number, cert_valid_from, cert_valid_to,"
                    + " changed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?3) ON CONFLICT"
                    + " (collector_id) DO UPDATE SET collection_unit_id = CASE WHEN"
                    + " EXCLUDED.unit_changed_at >= r.unit_changed_at THEN"
                    + " EXCLUDED.collection_unit_id ELSE r.collection_unit_id END, unit_changed_at"
                    + " = GREATEST(r.unit_changed_at, EXCLUDED.unit_changed_at), name = CASE WHEN"
                    + " r.changed_at IS NULL OR EXCLUDED.changed_at >= r.changed_at THEN"
                    + " EXCLUDED.name ELSE r.name END, active = CASE WHEN r.changed_at IS NULL OR"
                    + " EXCLUDED.changed_at >= r.changed_at THEN EXCLUDED.active ELSE r.active END,"
                    + " cert_number = CASE WHEN r.changed_at IS NULL OR EXCLUDED.changed_at >="
                    + " r.changed_at THEN EXCLUDED.cert_number ELSE r.cert_number END,"
                    + " cert_valid_from = CASE WHEN r.changed_at IS NULL OR EXCLUDED.changed_at >="
                    + " r.changed_at THEN EXCLUDED.cert_valid_from ELSE r.cert_valid_from END,"
                    + " cert_valid_to = CASE WHEN r.changed_at IS NULL OR EXCLUDED.changed_at >="
                    + " r.changed_at THEN EXCLUDED.cert_valid_to ELSE r.cert_valid_to END,"
                    + " changed_at = GREATEST(r.changed_at, EXCLUDED.changed_at) RETURNING"
                    + " collection_unit_id, unit_changed_at")
            .setParameter(1, r.collectorId())
            .setParameter(2, r.collectionUnitId())
            .setParameter(3, r.changedAt())
            .setParameter(4, r.name())
            .setParameter(5, r.active())
            .setParameter(6, r.certificateNumber())
            .setParameter(7, r.certificateValidFrom())
            .setParameter(8, r.certificateValidTo())
            .getResultList();
    afterCommit(r.collectorId(), now);
  }

  /**
   * The collection unit a newly recorded duty shift carries (read by intake with the shift, so it
   * is the collector's unit at {@code recordedAt}); corrections and cancellations repeat the unit
   * of the first recording and are ignored here. A later register change wins.
   */
  public void onDuty(CollectorDutyRecorded d) {
    if (d.revision() != 1 || d.collectionUnitId() == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> now =
        em.createNativeQuery(
                "INSERT INTO collector_register AS r (collector_id, collection_unit_id,"
                    + " unit_changed_at) VALUES (?1, ?2, ?3) ON CONFLICT (collector_id) DO UPDATE"
                    + " SET collection_unit_id = CASE WHEN EXCLUDED.unit_changed_at >"
                    + " r.unit_changed_at THEN EXCLUDED.collection_unit_id ELSE"
                    + " r.collection_unit_id END, unit_changed_at = GREATEST(r.unit_changed_at,"
                    + " EXCLUDED.unit_changed_at) RETURNING collection_unit_id, unit_changed_at")
            .setParameter(1, d.collectorId())
            .setParameter(2, d.collectionUnitId())
            .setParameter(3, d.recordedAt())
            .getResultList();
    afterCommit(d.collectorId(), now);
  }

  /** The stored entry enters the in-memory copy once the transaction has committed. */
  private void afterCommit(String collectorId, List<Object[]> row) {
    Entry e = new Entry((String) row.get(0)[0], SqlValues.instant(row.get(0)[1]));
    Map<String, Entry> pending =
        afterCommit.collect(PENDING, HashMap::new, p -> p.forEach(this::merge));
    pending.merge(collectorId, e, Entry::later);
  }

  private void merge(String collectorId, Entry e) {
    cache.merge(collectorId, e, Entry::later);
  }

  private void refreshIfStale() {
    if (loaded && System.nanoTime() - loadedAt < refresh.toNanos()) {
      return;
    }
    synchronized (loading) {
      if (loaded && System.nanoTime() - loadedAt < refresh.toNanos()) {
        return;
      }
      long started = System.nanoTime();
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "SELECT collector_id, collection_unit_id, unit_changed_at FROM collector_register")
              .getResultList();
      for (Object[] r : rows) {
        merge((String) r[0], new Entry((String) r[1], SqlValues.instant(r[2])));
      }
      loadedAt = started;
      loaded = true;
    }
  }
}
