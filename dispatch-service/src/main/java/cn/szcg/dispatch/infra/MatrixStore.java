package cn.szcg.dispatch.infra;

import cn.szcg.dispatch.domain.AreaRef;
import cn.szcg.dispatch.domain.ResponsibilityMatrix;
import cn.szcg.dispatch.domain.ResponsibilityRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The responsibility matrix (责任矩阵, R-02/R-17) in table {@code responsibility_rule}. */
@ApplicationScoped
public class MatrixStore {

  @Inject EntityManager em;
  @Inject ReferenceVersions versions;

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ResponsibilityRule> rules() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT rule_id, category_pattern, township_code, community_code, grid_code,"
                    + " unit_id, note FROM responsibility_rule ORDER BY rule_id")
            .getResultList();
    List<ResponsibilityRule> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new ResponsibilityRule(
              (String) r[0],
              (String) r[1],
              new AreaRef((String) r[2], (String) r[3], (String) r[4]),
              (String) r[5],
              (String) r[6]));
    }
    return out;
  }

  /** The matrix as of now (from memory while it is unchanged: {@link ReferenceVersions}). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public ResponsibilityMatrix matrix() {
    return versions.cached(
        "responsibility_rule", ResponsibilityMatrix.class, () -> new ResponsibilityMatrix(rules()));
  }

  public Optional<ResponsibilityRule> find(String ruleId) {
    return rules().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
  }

  /** Inserts or replaces a rule; returns true when it was new. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean save(ResponsibilityRule r, String by) {
    boolean exists = find(r.ruleId()).isPresent();
    upsert(r, by);
    return !exists;
  }

  /** The ids of every rule. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<String> ruleIds() {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        em.createNativeQuery("SELECT rule_id FROM responsibility_rule").getResultList();
    Set<String> out = new HashSet<>();
    rows.forEach(r -> out.add((String) r));
    return out;
  }

  /** Inserts or replaces a rule (the caller knows whether it existed). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void upsert(ResponsibilityRule r, String by) {
    em.createNativeQuery(
            "INSERT INTO responsibility_rule (rule_id, category_pattern, township_code,"
                + " community_code, grid_code, unit_id, note, updated_at, updated_by)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (rule_id) DO UPDATE"
                + " SET category_pattern = EXCLUDED.category_pattern, township_code ="
                + " EXCLUDED.township_code, community_code = EXCLUDED.community_code, grid_code ="
                + " EXCLUDED.grid_code, unit_id = EXCLUDED.unit_id, note = EXCLUDED.note,"
                + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by")
        .setParameter(1, r.ruleId())
        .setParameter(2, r.categoryPattern())
        .setParameter(3, r.scope().townshipCode())
        .setParameter(4, r.scope().communityCode())
        .setParameter(5, r.scope().gridCode())
        .setParameter(6, r.unitId())
        .setParameter(7, r.note())
        .setParameter(8, Timestamp.from(Instant.now()))
        .setParameter(9, by)
        .executeUpdate();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public boolean delete(String ruleId) {
    return em.createNativeQuery("DELETE FROM responsibility_rule WHERE rule_id = ?1")
            .setParameter(1, ruleId)
            .executeUpdate()
        > 0;
  }
}
