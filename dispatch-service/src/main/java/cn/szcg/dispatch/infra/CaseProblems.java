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
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

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

  /** Keeps what case-filed says of the problem; a case already recorded changes nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(CaseFiled f) {
    var ctx = f.context();
    em.createNativeQuery(
            "INSERT INTO case_problem (case_id, description, township_name, community_name,"
                + " nearest_components, filing_condition_zh, filing_condition_en,"
                + " closing_condition_zh, closing_condition_en, recorded_at) VALUES (?1, ?2, ?3,"
                + " ?4, CAST(?5 AS jsonb), ?6, ?7, ?8, ?9, ?10) ON CONFLICT (case_id) DO NOTHING")
        .setParameter(1, f.caseId())
        .setParameter(2, f.description())
        .setParameter(3, ctx == null ? null : ctx.townshipName())
        .setParameter(4, ctx == null ? null : ctx.communityName())
        .setParameter(
            5,
            ctx == null || ctx.nearestComponents() == null ? null : write(ctx.nearestComponents()))
        .setParameter(6, f.filingCondition() == null ? null : f.filingCondition().zh())
        .setParameter(7, f.filingCondition() == null ? null : f.filingCondition().en())
        .setParameter(8, f.closingCondition() == null ? null : f.closingCondition().zh())
        .setParameter(9, f.closingCondition() == null ? null : f.closingCondition().en())
        .setParameter(10, Timestamp.from(Instant.now()))
        .executeUpdate();
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
