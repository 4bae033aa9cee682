package cn.szcg.dispatch.application;

import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchProposal;
import cn.szcg.dispatch.domain.DispatchQuery;
import cn.szcg.dispatch.domain.UnitKind;
import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import cn.szcg.dispatch.infra.ComponentMaintainers;
import cn.szcg.dispatch.infra.MatrixStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The responsibility matrix's proposal for a case: the component's maintainer from
 * gis-service first, then the most specific rule; units whose return was approved, inactive units
 * and sub-departments (level 2) are never proposed. When gis-service did not answer, the matrix
 * answers without the maintainer and the explanation says so.
 */
@ApplicationScoped
public class Proposals {

  @Inject MatrixStore matrix;

  /** A proposal with what went into it. */
  public record Proposal(
      DispatchProposal proposal,
      ComponentMaintainers.Lookup maintainer,
      Set<String> excludedUnitIds) {}

  public Proposal propose(DispatchCase c, UnitRegister units, ComponentMaintainers.Lookup m) {
    Set<String> excluded = new LinkedHashSet<>(c.returnedUnitIds());
    Set<String> notProposed = new LinkedHashSet<>();
    for (UnitRecord r : units.all()) {
      if (!r.current().active()) {
        excluded.add(r.unitId());
      } else if (r.current().kind() == UnitKind.SUB_DEPARTMENT) {
        notProposed.add(r.unitId());
      }
    }
    notProposed.addAll(excluded);
    DispatchQuery q =
        new DispatchQuery(c.categoryCode(), c.area(), c.componentId(), m.unitId(), notProposed);
    DispatchProposal p = matrix.matrix().resolve(q);
    String zh = null;
    String en = null;
    switch (m.status()) {
      case GIS_UNAVAILABLE -> {
        zh = "（GIS服务暂不可用，未考虑部件 " + c.componentId() + " 的维护单位）";
        en =
            " (gis-service unavailable: the maintainer of component "
                + c.componentId()
                + " was not considered)";
      }
      case UNKNOWN_COMPONENT -> {
        zh = "（GIS部件库中无部件 " + c.componentId() + "）";
        en = " (component " + c.componentId() + " is not in gis-service's register)";
      }
      case NOT_REGISTERED -> {
        zh =
            "（部件维护单位 " + (m.maintainerName() == null ? "未登记" : m.maintainerName()) + " 不是已登记的处置单位）";
        en = " (the component's maintainer " + m.maintainerName() + " is not a registered unit)";
      }
      default -> {}
    }
    if (zh != null) {
      if (p instanceof DispatchProposal.UnitFound f) {
        p =
            new DispatchProposal.UnitFound(
                f.unitId(), f.ruleId(), f.explanationZh() + zh, f.explanationEn() + en);
      } else if (p instanceof DispatchProposal.NoUnitFound n) {
        p =
            new DispatchProposal.NoUnitFound(
                n.explanationZh() + zh, n.explanationEn() + en, n.tiedUnitIds());
      }
    }
    return new Proposal(p, m, excluded);
  }
}
