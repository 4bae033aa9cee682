package cn.szcg.gis.domain;

/**
 * Component identifier (部件标识码, R-01): 16 digits = 6-digit administrative code (行政区划代码) + 2-digit
 * major class (大类) + 2-digit minor class (小类) + 6-digit serial (流水号), e.g. {@code 3501240101000001}
 * = water-supply manhole cover (上水井盖) no. 1 in Minqing (闽清县 350124).
 *
 * <p>This checks the structure only; whether the class exists is the catalogue's business ({@link
 * ComponentClassCatalogue#find(String)}).
 */
public record ComponentId(String adminCode, String majorCode, String minorCode, int serial)
    implements Comparable<ComponentId> {

  public static final int LENGTH = 16;
  public static final int MAX_SERIAL = 999_999;

  public ComponentId {
    CodeFormatException.requireDigits(adminCode, 6, "部件标识码的行政区划代码", "administrative code");
    if (adminCode.equals("000000")) {
      throw new CodeFormatException(
          "部件标识码的行政区划代码不能为000000", "administrative code must not be 000000");
    }
    CodeFormatException.requireDigits(majorCode, 2, "部件大类代码", "major class code");
    if (majorCode.equals("00")) {
      throw new CodeFormatException("部件大类代码不能为00", "major class code must not be 00");
    }
    CodeFormatException.requireDigits(minorCode, 2, "部件小类代码", "minor class code");
    if (minorCode.equals("00")) {
      throw new CodeFormatException("部件小类代码不能为00", "minor class code must not be 00");
    }
    if (serial < 1 || serial > MAX_SERIAL) {
      throw new CodeFormatException(
          "部件流水号应在000001至999999之间，实际为" + serial,
          "serial must be between 000001 and 999999, was " + serial);
    }
  }

  /**
   * Builds an id from the administrative code, the 4-digit class code (大类+小类, e.g. "0101") and a
   * serial.
   */
  public static ComponentId of(String adminCode, String classCode, int serial) {
    CodeFormatException.requireDigits(classCode, 4, "部件类别代码", "component class code");
    return new ComponentId(adminCode, classCode.substring(0, 2), classCode.substring(2, 4), serial);
  }

  /**
   * Parses a 16-digit id. Throws {@link CodeFormatException} with a message naming the problem
   * (empty, non-digit at position n, wrong length, zero segment).
   */
  public static ComponentId parse(String text) {
    CodeFormatException.requireDigits(text, LENGTH, "部件标识码", "component id");
    return new ComponentId(
        text.substring(0, 6),
        text.substring(6, 8),
        text.substring(8, 10),
        Integer.parseInt(text.substring(10, 16)));
  }

  /** True when {@code text} parses as a component id. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (CodeFormatException e) {
      return false;
    }
  }

  /** The 4-digit class code (部件类别代码) = major + minor, e.g. "0101". */
  public String classCode() {
    return majorCode + minorCode;
  }

  /** The 16-digit text form. */
  public String format() {
    return adminCode + majorCode + minorCode + String.format("%06d", serial);
  }

  @Override
  public String toString() {
    return format();
  }

  @Override
  public int compareTo(ComponentId o) {
    return format().compareTo(o.format());
  }
}
