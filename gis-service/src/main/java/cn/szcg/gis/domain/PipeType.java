package cn.szcg.gis.domain;

import java.util.Locale;

/** Type of an underground pipe or cable (地下管网, R-06). */
public enum PipeType {
  WATER_SUPPLY("给水", "water supply"),
  /** 排水 (combined), use RAINWATER / SEWAGE where separated. */
  DRAINAGE("排水", "drainage"),
  RAINWATER("雨水", "rainwater"),
  SEWAGE("污水", "sewage"),
  GAS("燃气", "gas"),
  HEAT("热力", "heat"),
  POWER("电力", "power"),
  TELECOM("通信", "telecommunications"),
  STREET_LIGHTING("路灯", "street lighting"),
  TRAFFIC_SIGNAL("交通信号", "traffic signal"),
  INDUSTRIAL("工业", "industrial"),
  OTHER("其他", "other");

  private final String nameZh;
  private final String nameEn;

  PipeType(String nameZh, String nameEn) {
    this.nameZh = nameZh;
    this.nameEn = nameEn;
  }

  public String nameZh() {
    return nameZh;
  }

  public String nameEn() {
    return nameEn;
  }

  /** Reads a type from its constant name (any case) or Chinese name. */
  public static PipeType parse(String text) {
    if (text != null) {
      String t = text.trim();
      for (PipeType p : values()) {
        if (p.name().equals(t.toUpperCase(Locale.ROOT)) || p.nameZh.equals(t)) {
          return p;
        }
      }
    }
    throw new CodeFormatException(
        "管线类型" + CodeFormatException.show(text) + "无效",
        "pipe type " + CodeFormatException.show(text) + " is not a known type");
  }
}
