package cn.szcg.dispatch.infra;

import cn.szcg.contracts.events.BilingualText;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.NearbyComponent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * What the unit must see of the problem, as case-filed carried it: the
 * description, the names of township and community, the nearest components and the category's
 * filing and closing conditions (table {@code case_problem}, one row per case, written once).
 */
@ApplicationScoped
public class CaseProblems {

  /** The filed problem; every part may be null (cases filed before case-filed carried it). */
  public record FiledProblem(
      String description,
      String townshipName,
      String communityName,
      List<NearbyComponent> nearestComponents,
      BilingualText filingCondition,
      BilingualText closingCondition) {
    static final FiledProblem NONE = new FiledProblem(null, null, null, null, null, null);
  }

  @Inject EntityManager em;
  private final ObjectMapper json;

  @Inject
  public CaseProblems(ObjectMapper mapper) {
    this.json = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }

  private static final String INSERT =
      "INSERT INTO case_problem (case_id, description, township_name, community_name,"
          + " nearest_components, filing_condition_zh, filing_condition_en, closing_condition_zh,"
          + " closing_condition_en, recorded_at) VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?,"
          + " ?) ON CONFLICT (case_id) DO NOTHING";

  /**
   * Keeps what these case-filed events say of their problems, in one JDBC batch (one round trip); a
   * case already recorded changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(List<CaseFiled> filed) {
    if (filed.isEmpty()) {
      return;
    }
    Timestamp now = Timestamp.from(Instant.now());
    em.unwrap(Session.class)
        .doWork(
            conn -> {
              try (PreparedStatement ps = conn.prepareStatement(INSERT)) {
                for (CaseFiled f : filed) {
                  var ctx = f.context();
                  ps.setString(1, f.caseId());
                  ps.setString(2, f.description());
                  ps.setString(3, ctx == null ? null : ctx.townshipName());
                  ps.setString(4, ctx == null ? null : ctx.communityName());
                  ps.setString(
                      5,
                      ctx == null || ctx.nearestComponents() == null
                          ? null
                          : write(ctx.nearestComponents()));
                  ps.setString(6, f.filingCondition() == null ? null : f.filingCondition().zh());
                  ps.setString(7, f.filingCondition() == null ? null : f.filingCondition().en());
                  ps.setString(8, f.closingCondition() == null ? null : f.closingCondition().zh());
                  ps.setString(9, f.closingCondition() == null ? null : f.closingCondition().en());
                  ps.setTimestamp(10, now);
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
  }

  /** The filed problem of a case ({@link FiledProblem#NONE} parts null when not recorded). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public FiledProblem of(String caseId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT description, township_name, community_name, CAST(nearest_components AS"
                    + " text), filing_condition_zh, filing_condition_en, closing_condition_zh,"
                    + " closing_condition_en FROM case_problem WHERE case_id = ?1")
            .setParameter(1, caseId)
            .getResultList();
    if (rows.isEmpty()) {
      return FiledProblem.NONE;
    }
    Object[] r = (Object[]) rows.get(0);
    return new FiledProblem(
        (String) r[0],
        (String) r[1],
        (String) r[2],
        r[3] == null ? null : read((String) r[3]),
        r[4] == null ? null : new BilingualText((String) r[4], (String) r[5]),
        r[6] == null ? null : new BilingualText((String) r[6], (String) r[7]));
  }

  private String write(Object v) {
    try {
      return json.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write nearest components", e);
    }
  }

  private List<NearbyComponent> read(String s) {
    try {
      return json.readValue(s, new TypeReference<List<NearbyComponent>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read stored nearest components", e);
    }
  }
}
