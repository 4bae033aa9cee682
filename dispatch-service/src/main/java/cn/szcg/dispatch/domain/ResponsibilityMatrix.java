package cn.szcg.dispatch.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The responsibility matrix (责任矩阵, R-02/R-17): proposes the unit for a case.
 *
 * <ol>
 *   <li>Component maintainer rule (部件维护单位): a component case whose maintainer gis-service knows
 *       goes to that maintainer — it names this very object, nothing is more specific.
 *   <li>Otherwise the most specific matching rule wins: first by category (exact code, then longer
 *       prefix, then "*"), then by area (grid, community, township, whole county).
 *   <li>Rules of equal specificity naming different units, or no matching rule: no unit found → the
 *       center coordinates by the territorial principle (属地管辖, R-17).
 * </ol>
 *
 * Excluded units (returned, inactive) are skipped, so the next most specific rule answers.
 */
public final class ResponsibilityMatrix {

  /** Rule id reported when the component maintainer rule matched. */
  public static final String COMPONENT_MAINTAINER_RULE = "COMPONENT_MAINTAINER";

  private static final Comparator<ResponsibilityRule> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt(ResponsibilityRule::categorySpecificity)
          .thenComparingInt(r -> r.scope().specificity())
          .reversed();

  private final List<ResponsibilityRule> rules;

  public ResponsibilityMatrix(List<ResponsibilityRule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, Long> ids =
        this.rules.stream()
            .collect(Collectors.groupingBy(ResponsibilityRule::ruleId, Collectors.counting()));
    ids.forEach(
        (id, n) -> {
          if (n > 1) {
            throw new IllegalArgumentException("duplicate rule id " + id);
          }
        });
  }

  public List<ResponsibilityRule> rules() {
    return rules;
  }

  /** Propose a unit, or none. */
  public DispatchProposal resolve(DispatchQuery q) {
    if (q.componentId() != null
        && q.maintainerUnitId() != null
        && !q.maintainerUnitId().isBlank()
        && !q.excludedUnitIds().contains(q.maintainerUnitId())) {
      return new DispatchProposal.UnitFound(
          q.maintainerUnitId(),
          COMPONENT_MAINTAINER_RULE,
          "部件 " + q.componentId() + " 的管理维护单位为 " + q.maintainerUnitId() + "（来自GIS部件库）",
          "component "
              + q.componentId()
              + " is maintained by "
              + q.maintainerUnitId()
              + " (gis-service component register)");
    }
    List<ResponsibilityRule> matching =
        rules.stream()
            .filter(r -> r.matches(q.categoryCode(), q.area()))
            .filter(r -> !q.excludedUnitIds().contains(r.unitId()))
            .sorted(MOST_SPECIFIC_FIRST)
            .toList();
    String caseZh = "类别 " + q.categoryCode() + "、" + describeCaseAreaZh(q.area());
    String caseEn = "category " + q.categoryCode() + ", " + describeCaseAreaEn(q.area());
    if (matching.isEmpty()) {
      return new DispatchProposal.NoUnitFound(
          caseZh + "：责任矩阵中无匹配规则，需协调（属地管辖）",
          caseEn + ": no matrix rule matches; coordinate (territorial principle)",
          List.of());
    }
    ResponsibilityRule best = matching.get(0);
    List<ResponsibilityRule> tied =
        matching.stream().filter(r -> MOST_SPECIFIC_FIRST.compare(r, best) == 0).toList();
    List<String> tiedUnits = tied.stream().map(ResponsibilityRule::unitId).distinct().toList();
    if (tiedUnits.size() > 1) {
      return new DispatchProposal.NoUnitFound(
          caseZh
              + "：同等具体的规则 "
              + tied.stream().map(ResponsibilityRule::ruleId).toList()
              + " 指向不同单位 "
              + tiedUnits
              + "，责任不明确，需协调",
          caseEn
              + ": equally specific rules "
              + tied.stream().map(ResponsibilityRule::ruleId).toList()
              + " name different units "
              + tiedUnits
              + "; responsibility unclear, coordinate",
          tiedUnits);
    }
    return new DispatchProposal.UnitFound(
        best.unitId(),
        best.ruleId(),
        caseZh
            + "：匹配规则 "
            + best.ruleId()
            + "（"
            + best.categoryDescribeZh()
            + " × "
            + best.scope().describeZh()
            + "）→ 单位 "
            + best.unitId(),
        caseEn
            + ": rule "
            + best.ruleId()
            + " ("
            + best.categoryDescribeEn()
            + " × "
            + best.scope().describeEn()
            + ") → unit "
            + best.unitId());
  }

  /** Rules by id. */
  public Map<String, ResponsibilityRule> byId() {
    return rules.stream()
        .collect(Collectors.toMap(ResponsibilityRule::ruleId, Function.identity()));
  }

  private static String describeCaseAreaZh(AreaRef a) {
    return "乡镇 " + a.townshipCode() + " 社区 " + a.communityCode() + " 网格 " + a.gridCode();
  }

  private static String describeCaseAreaEn(AreaRef a) {
    return "township "
        + a.townshipCode()
        + " community "
        + a.communityCode()
        + " grid "
        + a.gridCode();
  }
}
