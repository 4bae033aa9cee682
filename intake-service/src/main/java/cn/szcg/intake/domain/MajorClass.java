package cn.szcg.intake.domain;

/**
 * A major class (大类) of the filing standard, e.g. {@code C-01} 公用设施 (public utilities) or {@code
 * E-05} 突发事件 (emergencies). Code = type prefix + "-" + two digits.
 */
public record MajorClass(String code, CategoryType type, String nameZh, String nameEn) {

  public BilingualText name() {
    return new BilingualText(nameZh, nameEn);
  }
}
