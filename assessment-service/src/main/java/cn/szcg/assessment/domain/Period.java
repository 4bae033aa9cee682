package cn.szcg.assessment.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An assessment period (考核周期): a calendar month or a calendar year in Asia/Shanghai. A period
 * starts at local midnight, so 2026-03-31T16:30Z (= 2026-04-01 00:30 in Shanghai) is in April.
 *
 * @param type month or year
 * @param year calendar year
 * @param month 1–12 for a month, 0 for a year
 */
public record Period(Type type, int year, int month) implements Comparable<Period> {
  /** The business calendar's zone (业务时区). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public enum Type {
    MONTH,
    YEAR
  }

  public Period {
    if (type == Type.MONTH && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("month must be 1..12");
    }
    if (type == Type.YEAR && month != 0) {
      throw new IllegalArgumentException("a year period has month 0");
    }
  }

  public static Period month(int year, int month) {
    return new Period(Type.MONTH, year, month);
  }

  public static Period year(int year) {
    return new Period(Type.YEAR, year, 0);
  }

  /**
   * Parses "2026-03" (a month) or "2026" (a year); throws {@link IllegalArgumentException}
   * otherwise.
   */
  public static Period parse(String text) {
    if (text != null && text.matches("\\d{4}")) {
      return year(Integer.parseInt(text));
    }
    if (text != null && text.matches("\\d{4}-(0[1-9]|1[0-2])")) {
      return month(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(5)));
    }
    throw new IllegalArgumentException("period must be yyyy-MM or yyyy: " + text);
  }

  public static Period monthOf(Instant instant) {
    ZonedDateTime local = instant.atZone(ZONE);
    return month(local.getYear(), local.getMonthValue());
  }

  public static Period yearOf(Instant instant) {
    return year(instant.atZone(ZONE).getYear());
  }

  public static YearMonth yearMonthOf(Instant instant) {
    return YearMonth.from(instant.atZone(ZONE));
  }

  /** First instant of the period (local midnight). */
  public Instant start() {
    return type == Type.MONTH
        ? YearMonth.of(year, month).atDay(1).atStartOfDay(ZONE).toInstant()
        : YearMonth.of(year, 1).atDay(1).atStartOfDay(ZONE).toInstant();
  }

  /** First instant after the period. */
  public Instant end() {
    return type == Type.MONTH
        ? YearMonth.of(year, month).plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant()
        : YearMonth.of(year + 1, 1).atDay(1).atStartOfDay(ZONE).toInstant();
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  @Override
  public int compareTo(Period o) {
    int c = Integer.compare(year, o.year);
    if (c != 0) {
      return c;
    }
    c = type.compareTo(o.type);
    return c != 0 ? c : Integer.compare(month, o.month);
  }

  /** "2026-03" for a month, "2026" for a year. */
  @Override
  public String toString() {
    return type == Type.MONTH ? String.format("%04d-%02d", year, month) : String.valueOf(year);
  }
}
