package cn.szcg.gis.domain;

/**
 * A code (component id 部件标识码, grid code 单元网格编码, area code 区划代码) that does not follow its scheme.
 * The message is Chinese first, then English: {@code "中文 / English"}.
 */
public final class CodeFormatException extends IllegalArgumentException {

  private final String reasonZh;
  private final String reasonEn;

  public CodeFormatException(String reasonZh, String reasonEn) {
    super(reasonZh + " / " + reasonEn);
    this.reasonZh = reasonZh;
    this.reasonEn = reasonEn;
  }

  /** The reason in Chinese (中文原因). */
  public String reasonZh() {
    return reasonZh;
  }

  /** The reason in English. */
  public String reasonEn() {
    return reasonEn;
  }

  static String show(String value) {
    return value == null ? "null" : "\"" + value + "\"";
  }

  /** Throws unless {@code value} is exactly {@code length} ASCII digits. */
  static void requireDigits(String value, int length, String whatZh, String whatEn) {
    requireAllDigits(value, whatZh, whatEn);
    if (value.length() != length) {
      throw new CodeFormatException(
          whatZh + show(value) + "应为" + length + "位数字，实际" + value.length() + "位",
          whatEn + " " + show(value) + " must have " + length + " digits, has " + value.length());
    }
  }

  /** Throws unless {@code value} is non-blank and made of ASCII digits only. */
  static void requireAllDigits(String value, String whatZh, String whatEn) {
    if (value == null || value.isBlank()) {
      throw new CodeFormatException(whatZh + "为空", whatEn + " is missing");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw new CodeFormatException(
            whatZh + show(value) + "含非数字字符'" + c + "'（第" + (i + 1) + "位）",
            whatEn
                + " "
                + show(value)
                + " contains a non-digit '"
                + c
                + "' at position "
                + (i + 1));
      }
    }
  }
}
