package cn.szcg.dispatch.domain;

import java.util.Objects;

/**
 * One rule of the responsibility matrix (责任矩阵, R-02/R-17): category × area → unit.
 *
 * @param ruleId stable id, recorded with every proposal it produced
 * @param categoryPattern an exact category code ("010101"), a prefix ending in '*' ("01*", e.g. a
 *     major class 大类), or "*" for every category
 * @param scope the area covered; null parts mean "any" ({@link AreaRef#COUNTY} for the whole
 *     county)
 * @param unitId the responsible unit
 * @param note why (e.g. "属地管辖：白樟镇")
 */
public record ResponsibilityRule(
    String ruleId, String categoryPattern, AreaRef scope, String unitId, String note) {

  /** Category specificity of an exact code. */
  static final int EXACT = Integer.MAX_VALUE;

  public ResponsibilityRule {
    if (ruleId == null || ruleId.isBlank()) {
      throw new IllegalArgumentException("ruleId must not be blank");
    }
    if (categoryPattern == null || categoryPattern.isBlank()) {
      throw new IllegalArgumentException("categoryPattern must not be blank (use \"*\")");
    }
    int star = categoryPattern.indexOf('*');
    if (star >= 0 && star != categoryPattern.length() - 1) {
      throw new IllegalArgumentException("'*' may only end a category pattern: " + categoryPattern);
    }
    if (unitId == null || unitId.isBlank()) {
      throw new IllegalArgumentException("unitId must not be blank");
    }
    scope = Objects.requireNonNullElse(scope, AreaRef.COUNTY);
  }

  /** Does the rule apply to this category and area? */
  public boolean matches(String categoryCode, AreaRef area) {
    return categoryMatches(categoryCode) && scope.covers(area == null ? AreaRef.COUNTY : area);
  }

  boolean categoryMatches(String categoryCode) {
    if (categoryPattern.equals("*")) {
      return true;
    }
    if (categoryCode == null) {
      return false;
    }
    if (categoryPattern.endsWith("*")) {
      return categoryCode.startsWith(categoryPattern.substring(0, categoryPattern.length() - 1));
    }
    return categoryPattern.equals(categoryCode);
  }

  /** Exact code: highest; prefix: its length; "*": 0. */
  public int categorySpecificity() {
    if (!categoryPattern.endsWith("*")) {
      return EXACT;
    }
    return categoryPattern.length() - 1;
  }

  String categoryDescribeZh() {
    if (categoryPattern.equals("*")) {
      return "任意类别";
    }
    return categoryPattern.endsWith("*") ? "类别前缀 " + categoryPattern : "类别 " + categoryPattern;
  }

  String categoryDescribeEn() {
    if (categoryPattern.equals("*")) {
      return "any category";
    }
    return categoryPattern.endsWith("*")
        ? "category prefix " + categoryPattern
        : "category " + categoryPattern;
  }
}
