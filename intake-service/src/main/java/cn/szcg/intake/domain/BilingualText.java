package cn.szcg.intake.domain;

import java.util.Objects;

/**
 * A user-facing text, Chinese first (中文), English available. {@code en} may be null where no
 * translation was provided; {@link #toString()} prints "中文 / English".
 */
public record BilingualText(String zh, String en) {

  public BilingualText {
    Objects.requireNonNull(zh, "zh");
  }

  public static BilingualText of(String zh, String en) {
    return new BilingualText(zh, en);
  }

  @Override
  public String toString() {
    return en == null || en.isBlank() ? zh : zh + " / " + en;
  }
}
