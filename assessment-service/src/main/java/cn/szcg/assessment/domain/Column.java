package cn.szcg.assessment.domain;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a report (报表列): a stable key, the Chinese heading (shown first), the English
 * heading, and how to read the value from a row. Values are String, Long, Integer or BigDecimal
 * (percentages and scores with two decimals), or null for "—" (undefined, not graded).
 */
public record Column<T>(String key, String zh, String en, Function<T, Object> value) {
  /** Heading language. */
  public enum Lang {
    ZH,
    EN
  }

  public Column {
    Objects.requireNonNull(key);
    Objects.requireNonNull(zh);
    Objects.requireNonNull(en);
    Objects.requireNonNull(value);
  }

  public String heading(Lang lang) {
    return lang == Lang.EN ? en : zh;
  }

  public Object valueOf(T row) {
    return value.apply(row);
  }
}
