package cn.szcg.gis.domain;

/** Level of an administrative area (行政区域) and the length of its statistical code (统计用区划代码). */
public enum AreaLevel {
  /** 县 (county), 6 digits, e.g. 350124 闽清县. */
  COUNTY("县", 6),
  /** 乡镇 (township / town), 9 digits = county + 3, e.g. 350124100. */
  TOWNSHIP("乡镇", 9),
  /** 社区/村 (urban community or village), 12 digits = township + 3, e.g. 350124100001. */
  COMMUNITY("社区/村", 12);

  private final String nameZh;
  private final int codeLength;

  AreaLevel(String nameZh, int codeLength) {
    this.nameZh = nameZh;
    this.codeLength = codeLength;
  }

  public String nameZh() {
    return nameZh;
  }

  public int codeLength() {
    return codeLength;
  }
}
