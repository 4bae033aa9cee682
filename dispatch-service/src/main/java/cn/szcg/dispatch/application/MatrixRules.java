package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.ResponsibilityRule;
import cn.szcg.dispatch.domain.UnitRegister;
import cn.szcg.dispatch.infra.CurrentActor;
import cn.szcg.dispatch.infra.MatrixStore;
import cn.szcg.dispatch.infra.UnitStore;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Changes to the responsibility matrix (责任矩阵, R-02), one transaction each: a rule names a
 * registered first-level unit (400 on {@code unitId} otherwise); deleting an unknown rule is a 404.
 */
@ApplicationScoped
public class MatrixRules {

  @Inject MatrixStore matrix;
  @Inject UnitStore units;
  @Inject CurrentActor currentActor;

  /** Creates or replaces rule {@code r}; true when it was new. */
  @Transactional
  public boolean put(ResponsibilityRule r) {
    UnitRegister reg = units.load();
    var unit =
        reg.find(r.unitId())
            .orElseThrow(
                () ->
                    ProblemException.invalidField(
                        "unitId", "unknown-unit", "未登记的单位 / unknown unit " + r.unitId()));
    if (unit.current().kind().dispatchLevel() != 1) {
      throw ProblemException.invalidField(
          "unitId", "sub-department", "规则须指向一级单位 / a rule names a level-1 unit");
    }
    return matrix.save(r, currentActor.userId());
  }

  /** Deletes a rule; 404 when there is none. */
  @Transactional
  public void delete(String ruleId) {
    if (!matrix.delete(ruleId)) {
      throw ProblemException.notFound("rule", ruleId);
    }
  }
}
