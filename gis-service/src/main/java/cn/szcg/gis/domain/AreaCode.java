package cn.szcg.gis.domain;

/**
 * Statistical code of an administrative area (统计用区划代码): 6 digits county, 9 digits township (county
 * + 3), 12 digits community or village (township + 3). The level follows from the length.
 *
 * <p>Township segments follow the national convention: 1xx towns (镇), 2xx townships (乡), 0xx
 * sub-districts (街道); community segments 0xx–1xx urban communities (居委会), 2xx villages (村委会). These
 * conventions are documented, not enforced: only digits and length are checked.
 */
public record AreaCode(String value) implements Comparable<AreaCode> {

  public AreaCode {
    check(value);
  }

  /** Parses and validates a 6-, 9- or 12-digit area code. */
  public static AreaCode parse(String value) {
    return new AreaCode(value);
  }

  /**
   * Validates {@code value} as an area code; throws {@link CodeFormatException} naming the problem.
   */
  public static void check(String value) {
    if (value == null || value.isBlank()) {
      throw new CodeFormatException("区划代码为空", "area code is missing");
    }
    CodeFormatException.requireAllDigits(value, "区划代码", "area code");
    int len = value.length();
    if (len != 6 && len != 9 && len != 12) {
      throw new CodeFormatException(
          "区划代码" + CodeFormatException.show(value) + "应为6位（县）、9位（乡镇）或12位（社区/村）数字，实际" + len + "位",
          "area code "
              + CodeFormatException.show(value)
              + " must have 6 (county), 9 (township) or 12 (community) digits, has "
              + len);
    }
    if (value.startsWith("000000")) {
      throw new CodeFormatException(
          "区划代码" + CodeFormatException.show(value) + "的县级代码不能为000000",
          "area code " + CodeFormatException.show(value) + " has county part 000000");
    }
    if (len >= 9 && value.substring(6, 9).equals("000")) {
      throw new CodeFormatException(
          "区划代码" + CodeFormatException.show(value) + "的乡镇段不能为000",
          "area code " + CodeFormatException.show(value) + " has township segment 000");
    }
    if (len == 12 && value.substring(9, 12).equals("000")) {
      throw new CodeFormatException(
          "区划代码" + CodeFormatException.show(value) + "的社区/村段不能为000",
          "area code " + CodeFormatException.show(value) + " has community segment 000");
    }
  }

  public AreaLevel level() {
    return switch (value.length()) {
      case 6 -> AreaLevel.COUNTY;
      case 9 -> AreaLevel.TOWNSHIP;
      default -> AreaLevel.COMMUNITY;
    };
  }

  /** The 6-digit county code (县级行政区划代码). */
  public String countyCode() {
    return value.substring(0, 6);
  }

  /** The 9-digit township code, or {@code null} for a county. */
  public String townshipCode() {
    return value.length() >= 9 ? value.substring(0, 9) : null;
  }

  /** The parent area code (community → township → county), or {@code null} for a county. */
  public AreaCode parent() {
    return switch (level()) {
      case COUNTY -> null;
      case TOWNSHIP -> new AreaCode(value.substring(0, 6));
      case COMMUNITY -> new AreaCode(value.substring(0, 9));
    };
  }

  /** True when {@code other} is this area or lies inside it by code. */
  public boolean contains(AreaCode other) {
    return other.value.startsWith(value);
  }

  @Override
  public int compareTo(AreaCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
