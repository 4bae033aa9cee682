package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unit register in table {@code unit_record}: one row per unit with its dated record
 * (versions and contact terms) as jsonb. Changes take a transaction-scoped advisory lock so two
 * changes never overwrite each other; the register is small (about a hundred units) and read whole.
 */
@ApplicationScoped
public class UnitStore {

  @Inject EntityManager em;
  @Inject Snapshots snapshots;
  @Inject ReferenceVersions versions;

  /**
   * The whole register as of now (from memory while it is unchanged: {@link ReferenceVersions}).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public UnitRegister load() {
    return versions.cached("unit_record", UnitRegister.class, this::read);
  }

  private UnitRegister read() {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT CAST(record AS text) FROM unit_record ORDER BY unit_id")
            .getResultList();
    List<UnitRecord> records = new ArrayList<>();
    for (Object r : rows) {
      records.add(snapshots.readUnit((String) r));
    }
    return new UnitRegister(records);
  }

  /** The unit's registered name now (单位名称), or empty for an unknown unit. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<String> nameOf(String unitId) {
    return load().find(unitId).map(UnitRecord::current).map(UnitStore::nameColumn);
  }

  /** Serialises register changes until the end of the current transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('szcg.dispatch.unit_register'))")
        .getSingleResult();
  }

  /** Inserts or replaces one unit's record. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void save(UnitRecord r) {
    var u = r.current();
    em.createNativeQuery(
            "INSERT INTO unit_record (unit_id, name, kind, parent_unit_id, township_code, active,"
                + " record, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)"
                + " ON CONFLICT (unit_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,"
                + " parent_unit_id = EXCLUDED.parent_unit_id, township_code ="
                + " EXCLUDED.township_code, active = EXCLUDED.active, record = EXCLUDED.record,"
                + " updated_at = EXCLUDED.updated_at, version = unit_record.version + 1")
        .setParameter(1, u.unitId())
        .setParameter(2, nameColumn(u))
        .setParameter(3, u.kind().name())
        .setParameter(4, u.parentUnitId())
        .setParameter(5, u.townshipCode())
        .setParameter(6, u.active())
        .setParameter(7, snapshots.write(r))
        .setParameter(8, Timestamp.from(Instant.now()))
        .executeUpdate();
  }

  /** What column {@code name} holds: the unit's name, or its id when it has none. */
  private static String nameColumn(cn.szcg.dispatch.domain.Unit u) {
    return u.name() == null ? u.unitId() : u.name();
  }
}
