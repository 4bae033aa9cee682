package cn.szcg.gis.domain;

import java.util.Locale;

/** State of a component (部件状态). */
public enum ComponentState {
  /** 完好 */
  INTACT("完好", "intact"),
  /** 破损 */
  DAMAGED("破损", "damaged"),
  /** 丢失 */
  MISSING("丢失", "missing"),
  /** 占用 */
  OCCUPIED("占用", "occupied");

  private final String nameZh;
  private final String nameEn;

  ComponentState(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /**
   * Reads a state from its constant name (any case) or its Chinese name; throws {@link
   * CodeFormatException} otherwise.
   */
  public static ComponentState parse(String text) {
    if (text != null) {
      String t = text.trim();
      for (ComponentState s : values()) {
        if (s.name().equals(t.toUpperCase(Locale.ROOT)) || s.nameZh.equals(t)) {
          return s;
        }
      }
    }
    throw new CodeFormatException(
        "部件状态" + CodeFormatException.show(text) + "无效，应为INTACT完好/DAMAGED破损/MISSING丢失/OCCUPIED占用",
        "component state "
            + CodeFormatException.show(text)
            + " is not one of INTACT, DAMAGED, MISSING, OCCUPIED");
  }
}
