package cn.szcg.dispatch.domain;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The guards every phase of {@link DispatchCase} shares: required text, required photos. */
final class Guards {

  /** Deadlines in messages, in the county's time (Asia/Shanghai). */
  static final DateTimeFormatter CN_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

  private Guards() {}

  /** The stripped {@code value}; a {@link GuardViolationException} {@code code} when blank. */
  static String required(
      CaseTransition t, String value, String code, String nameZh, String nameEn) {
    if (value == null || value.isBlank()) {
      throw guard(code, t, t.labelZh() + "须填写" + nameZh, t + " needs a " + nameEn);
    }
    return value.strip();
  }

  /** At least one non-blank photo id, else a {@link GuardViolationException} {@code code}. */
  static void requirePhotos(
      CaseTransition t, List<String> photos, String code, String nameZh, String nameEn) {
    if (photos == null || photos.stream().noneMatch(p -> p != null && !p.isBlank())) {
      throw guard(code, t, t.labelZh() + "须上传" + nameZh, t + " needs " + nameEn);
    }
  }

  static GuardViolationException guard(String code, CaseTransition t, String zh, String en) {
    return new GuardViolationException(code, t, zh, en);
  }
}
