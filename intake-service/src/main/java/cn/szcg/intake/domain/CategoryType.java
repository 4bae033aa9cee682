package cn.szcg.intake.domain;

/**
 * Type of a filing-standard category: a component (部件, a physical facility with an owner or
 * maintainer) or an event (事件, a problem caused by people or nature). The type letter prefixes
 * every code of the catalogue: {@code C-0101} is a component class, {@code E-0101} an event class.
 */
public enum CategoryType {
  /** 部件 */
  COMPONENT("C", "部件", "component"),
  /** 事件 */
  EVENT("E", "事件", "event");

  private final String prefix;
  private final String nameZh;
  private final String nameEn;

  CategoryType(String prefix, String nameZh, String nameEn) {
    this.prefix = prefix;
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  /** The code prefix letter: "C" or "E". */
  public String prefix() {
    return prefix;
  }

  public BilingualText displayName() {
    return new BilingualText(nameZh, nameEn);
  }

  /** The type whose prefix letter is {@code prefix}, or null. */
  public static CategoryType ofPrefix(String prefix) {
    for (CategoryType t : values()) {
      if (t.prefix.equals(prefix)) {
        return t;
      }
    }
    return null;
  }
}
