package cn.szcg.platform.web;

/**
 * Which characters a text input may not carry (issue 19, docs/security.md "Hardening").
 *
 * <ul>
 *   <li>In query and path parameters (identifiers, filters, codes): every C0 control character
 *       U+0000–U+001F and DEL U+007F — none belongs in a one-line value.
 *   <li>In JSON strings (descriptions, notes, names): the same, except TAB U+0009, LF U+000A and CR
 *       U+000D, which free text may hold.
 *   <li>Everywhere: an unpaired UTF-16 surrogate (not a character; PostgreSQL cannot store it).
 * </ul>
 *
 * NUL in particular reached PostgreSQL, which refuses it in {@code text} ("invalid byte sequence
 * for encoding UTF8: 0x00"), and came back as a 500.
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** The index of the first refused character of a parameter value, or -1. */
  public static int firstInParameter(CharSequence s) {
    return first(s, false);
  }

  /** The index of the first refused character of a JSON string, or -1. */
  public static int firstInText(CharSequence s) {
    return first(s, true);
  }

  private static int first(CharSequence s, boolean lineBreaksAllowed) {
    if (s == null) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        if (lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) {
          continue;
        }
        return i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return i;
      }
      if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code U+0000} for the refused character at {@code index}, to name it in a message. */
  public static String describe(CharSequence s, int index) {
    return String.format("U+%04X", (int) s.charAt(index));
  }

  /** The bilingual message naming the refused character. */
  public static String message(CharSequence s, int index) {
    return "含不允许的控制字符 "
        + describe(s, index)
        + " / contains a refused control character "
        + describe(s, index);
  }

  /**
   * A value made safe to store or log: every refused character (line breaks included) replaced by
   * {@code _}, cut to {@code max} characters.
   */
  public static String sanitise(String s, int max) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '_' : c);
    }
    return sb.toString();
  }
}
