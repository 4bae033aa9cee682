package cn.szcg.intake.infra;

/** Masks the reporter's identity for logs (reporter privacy: never logged in full). */
public final class Privacy {

  private Privacy() {}

  /** 13812345678 → 138****5678; anything shorter → ****. */
  public static String maskPhone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("[^0-9]", "");
    if (digits.length() < 7) {
      return "****";
    }
    return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
  }

  /** 张三丰 → 张**; null stays null. */
  public static String maskName(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first)
        + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
  }
}
