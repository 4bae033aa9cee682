package cn.szcg.sla.notify.domain;

/**
 * Phone numbers are masked everywhere (API, logs, events) except inside the SMPP PDU that carries
 * the SMS: {@code 13800138000} → {@code 138****8000}.
 */
public final class PhoneMask {

  private PhoneMask() {}

  public static String mask(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    String p = phone.strip();
    if (p.length() <= 7) {
      return "*".repeat(p.length());
    }
    return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
  }

  /** Whether a text looks like a mainland mobile number (11 digits starting with 1). */
  public static boolean valid(String phone) {
    return phone != null && phone.matches("\\+?(86)?1[3-9]\\d{9}");
  }
}
