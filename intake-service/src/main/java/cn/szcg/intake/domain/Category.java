package cn.szcg.intake.domain;

import cn.szcg.contracts.events.TimeLimit;
import java.util.List;

/**
 * One category (小类) of the filing standard 《立案、结案规范》: its code, names, filing condition
 * (立案条件), closing condition (结案条件), handling time limit (处置时限), optional interim stage limits,
 * whether it is an emergency (突发事件, R-20) by default and whether the public may report it directly
 * (public-report-eligible, 公众可报).
 *
 * <p>Code scheme: {@code <type letter>-<major class 2 digits><minor class 2 digits>}, e.g. {@code
 * C-0101} (component 01 公用设施 / 01 上水井盖) or {@code E-0101} (event 01 市容环境 / 01 暴露垃圾).
 *
 * <p>Instances are not validated on their own; a {@link Catalogue} validates all its categories on
 * construction (see {@link CatalogueValidator}).
 */
public record Category(
    String code,
    CategoryType type,
    String nameZh,
    String nameEn,
    BilingualText filingCondition,
    BilingualText closingCondition,
    TimeLimit handlingLimit,
    List<StageLimit> stageLimits,
    boolean emergency,
    boolean publicReportable) {

  public Category {
    stageLimits = stageLimits == null ? List.of() : List.copyOf(stageLimits);
  }

  public BilingualText name() {
    return new BilingualText(nameZh, nameEn);
  }

  /** The major class code, e.g. "E-01" for "E-0102"; null when the code is malformed. */
  public String majorClassCode() {
    return code != null && code.length() == 6 ? code.substring(0, 4) : null;
  }

  /** The four-digit major+minor code without the type prefix, e.g. "0102". */
  public String digits() {
    return code != null && code.length() == 6 ? code.substring(2) : null;
  }

  /** Returns a copy with another handling limit (for catalogue edits). */
  public Category withHandlingLimit(TimeLimit limit) {
    return new Category(
        code,
        type,
        nameZh,
        nameEn,
        filingCondition,
        closingCondition,
        limit,
        stageLimits,
        emergency,
        publicReportable);
  }

  /** Returns a copy with another emergency default. */
  public Category withEmergency(boolean newEmergency) {
    return new Category(
        code,
        type,
        nameZh,
        nameEn,
        filingCondition,
        closingCondition,
        handlingLimit,
        stageLimits,
        newEmergency,
        publicReportable);
  }
}
