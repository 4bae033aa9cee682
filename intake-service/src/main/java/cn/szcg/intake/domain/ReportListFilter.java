package cn.szcg.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The area and category filters of the operators' list (受理列表, R-04, R-05): 乡镇 township (9-digit
 * area code of this county, {@code 350124xxx}), 社区 community (12 digits, {@code 350124xxxxxx}) and
 * 问题类别 category (a filing-standard code such as {@code E-0101} or {@code C-0117}). A code of the
 * wrong shape, or of another county, is refused naming the field; a well-formed code that nothing
 * carries simply finds nothing (categories of older filing-standard versions stay searchable). The
 * community must lie in the township when both are given (its code starts with the township's).
 */
public record ReportListFilter(String townshipCode, String communityCode, String categoryCode) {

  /** The county's administrative division code (闽清县). */
  public static final String COUNTY = "350124";

  private static final Pattern TOWNSHIP = Pattern.compile("\\d{9}");
  private static final Pattern COMMUNITY = Pattern.compile("\\d{12}");

  /**
   * Validates the raw query parameters (blank = no filter).
   *
   * @throws DomainValidationException naming every bad parameter
   */
  public static ReportListFilter of(String township, String community, String category) {
    String t = blankToNull(township);
    String c = blankToNull(community);
    String k = blankToNull(category);
    List<FieldViolation> v = new ArrayList<>();
    if (t != null) {
      if (!TOWNSHIP.matcher(t).matches()) {
        v.add(
            FieldViolation.of(
                "townshipCode", "bad_format", "乡镇代码应为9位数字", "a township code has 9 digits"));
      } else if (!t.startsWith(COUNTY)) {
        v.add(
            FieldViolation.of(
                "townshipCode", "other_county", "不是本县的乡镇", "not a township of this county"));
      }
    }
    if (c != null) {
      if (!COMMUNITY.matcher(c).matches()) {
        v.add(
            FieldViolation.of(
                "communityCode", "bad_format", "社区代码应为12位数字", "a community code has 12 digits"));
      } else if (!c.startsWith(COUNTY)) {
        v.add(
            FieldViolation.of(
                "communityCode", "other_county", "不是本县的社区", "not a community of this county"));
      } else if (t != null && TOWNSHIP.matcher(t).matches() && !c.startsWith(t)) {
        v.add(
            FieldViolation.of(
                "communityCode",
                "not_in_township",
                "该社区不属于所选乡镇",
                "the community is not in the chosen township"));
      }
    }
    if (k != null && !CatalogueValidator.CATEGORY_CODE.matcher(k).matches()) {
      v.add(
          FieldViolation.of(
              "categoryCode",
              "bad_format",
              "问题类别代码格式应如 E-0101",
              "a category code looks like E-0101"));
    }
    if (!v.isEmpty()) {
      throw new DomainValidationException("筛选条件有误", "invalid list filter", v);
    }
    return new ReportListFilter(t, c, k);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
