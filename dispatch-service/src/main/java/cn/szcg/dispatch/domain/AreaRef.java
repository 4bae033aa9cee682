package cn.szcg.dispatch.domain;

/**
 * Where a case is, or which area a matrix rule covers: township (乡镇) code, community (社区/村) code,
 * unit grid (万米单元网格) code. Any part may be null: in a case it is unknown, in a rule it means "any".
 */
public record AreaRef(String townshipCode, String communityCode, String gridCode) {

  public static final AreaRef COUNTY = new AreaRef(null, null, null);

  public AreaRef {
    townshipCode = blankToNull(townshipCode);
    communityCode = blankToNull(communityCode);
    gridCode = blankToNull(gridCode);
  }

  public static AreaRef township(String townshipCode) {
    return new AreaRef(townshipCode, null, null);
  }

  public static AreaRef community(String townshipCode, String communityCode) {
    return new AreaRef(townshipCode, communityCode, null);
  }

  public static AreaRef grid(String townshipCode, String communityCode, String gridCode) {
    return new AreaRef(townshipCode, communityCode, gridCode);
  }

  /** Specificity of this area as a rule scope: 3 grid, 2 community, 1 township, 0 whole county. */
  public int specificity() {
    if (gridCode != null) {
      return 3;
    }
    if (communityCode != null) {
      return 2;
    }
    return townshipCode != null ? 1 : 0;
  }

  /** True when this rule scope covers {@code caseArea}: every part set here equals the case's. */
  public boolean covers(AreaRef caseArea) {
    return matches(townshipCode, caseArea.townshipCode)
        && matches(communityCode, caseArea.communityCode)
        && matches(gridCode, caseArea.gridCode);
  }

  /** Chinese description of the scope, e.g. "网格 G1". */
  public String describeZh() {
    return switch (specificity()) {
      case 3 -> "网格 " + gridCode;
      case 2 -> "社区 " + communityCode;
      case 1 -> "乡镇 " + townshipCode;
      default -> "全县";
    };
  }

  /** English description of the scope, e.g. "grid G1". */
  public String describeEn() {
    return switch (specificity()) {
      case 3 -> "grid " + gridCode;
      case 2 -> "community " + communityCode;
      case 1 -> "township " + townshipCode;
      default -> "whole county";
    };
  }

  private static boolean matches(String ruleValue, String caseValue) {
    return ruleValue == null || ruleValue.equals(caseValue);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
