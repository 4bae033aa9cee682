package cn.szcg.gis.domain;

/**
 * A minor component class (部件小类), e.g. 0101 上水井盖 water supply manhole cover.
 *
 * @param code 4 digits: major (2) + minor (2)
 * @param geometry the typical geometry; imports may still use another kind
 */
public record ComponentClass(String code, String nameZh, String nameEn, GeometryKind geometry) {

  public ComponentClass {
    CodeFormatException.requireDigits(code, 4, "部件类别代码", "component class code");
    if (code.startsWith("00") || code.endsWith("00")) {
      throw new CodeFormatException(
          "部件类别代码" + code + "的大类或小类不能为00", "class code " + code + " has a 00 segment");
    }
  }

  public String majorCode() {
    return code.substring(0, 2);
  }

  public String minorCode() {
    return code.substring(2, 4);
  }
}
