package cn.szcg.intake.domain;

import java.util.regex.Pattern;

/**
 * Chinese phone numbers of reporters: mobile {@code 1[3-9]\d{9}} (optionally with +86/86 prefix) or
 * landline with area code, e.g. {@code 0591-22334455} (Minqing uses area code 0591), optionally
 * with an extension. Spaces and dashes are tolerated on input; {@link #normalize(String)} gives the
 * stored form.
 */
public final class PhoneNumbers {

  private static final Pattern MOBILE = Pattern.compile("^1[3-9]\\d{9}$");
  private static final Pattern LANDLINE = Pattern.compile("^0\\d{2,3}-\\d{7,8}(-\\d{1,6})?$");

  private PhoneNumbers() {}

  public static boolean isMobile(String raw) {
    String n = normalize(raw);
    return n != null && MOBILE.matcher(n).matches();
  }

  public static boolean isLandline(String raw) {
    String n = normalize(raw);
    return n != null && LANDLINE.matcher(n).matches();
  }

  public static boolean isValid(String raw) {
    return isMobile(raw) || isLandline(raw);
  }

  /**
   * Stored form: mobile as 11 digits without country code; landline as {@code area-number[-ext]};
   * null for null/blank input. Returns the input stripped of spaces if it cannot be normalized.
   */
  public static String normalize(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.strip().replace(" ", "").replace("(", "").replace(")", "");
    if (s.startsWith("+86")) {
      s = s.substring(3);
    } else if (s.startsWith("86") && s.length() == 13) {
      s = s.substring(2);
    }
    if (s.startsWith("-")) {
      s = s.substring(1);
    }
    String digits = s.replace("-", "");
    if (digits.length() == 11
        && digits.charAt(0) == '1'
        && digits.chars().allMatch(Character::isDigit)) {
      return digits;
    }
    if (s.contains("-") || !s.startsWith("0")) {
      return s;
    }
    // landline typed without a dash: 0591 area codes are 4 digits (0xxx), big cities 3 (010, 02x)
    if (!digits.chars().allMatch(Character::isDigit)) {
      return s;
    }
    int area = digits.startsWith("010") || digits.startsWith("02") ? 3 : 4;
    if (digits.length() < area + 7 || digits.length() > area + 8) {
      return s;
    }
    return digits.substring(0, area) + "-" + digits.substring(area);
  }
}
