package cn.szcg.assessment.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An assessment period (考核周期): a calendar month, quarter (季度) or year in Asia/Shanghai. A period
 * starts at local midnight, so 2026-03-31T16:30Z (= 2026-04-01 00:30 in Shanghai) is in April.
 * Figures are stored per month and year; a quarter is only a 通报 period, its figures the sum
 * of its three months ({@link #months()}), and {@link #parse} does not accept it.
 *
 * @param type month, quarter or year
 * @param year calendar year
 * @param month 1–12 for a month, the quarter 1–4 for a quarter, 0 for a year
 */
public record Period(Type type, int year, int month) implements Comparable<Period> {
  /** The business calendar's zone (业务时区). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public enum Type {
    MONTH,
    YEAR,
    QUARTER
  }

  public Period {
    if (type == Type.MONTH && (month < 1 || month > 12)) {
      throw new IllegalArgumentException("month must be 1..12");
    }
    if (type == Type.YEAR && month != 0) {
      throw new IllegalArgumentException("a year period has month 0");
    }
    if (type == Type.QUARTER && (month < 1 || month > 4)) {
      throw new IllegalArgumentException("quarter must be 1..4");
    }
  }

  /** The quarter {@code q} (1–4) of a year: months 3q−2 … 3q. */
  public static Period quarter(int year, int q) {
    return new Period(Type.QUARTER, year, q);
  }

  /** The first month of the period (January for a year). */
  public YearMonth firstMonth() {
    return switch (type) {
      case MONTH -> YearMonth.of(year, month);
      case QUARTER -> YearMonth.of(year, 3 * month - 2);
      case YEAR -> YearMonth.of(year, 1);
    };
  }

  /** How many months the period spans. */
  public int monthCount() {
    return switch (type) {
      case MONTH -> 1;
      case QUARTER -> 3;
      case YEAR -> 12;
    };
  }

  /** The months of the period, in order. */
  public java.util.List<Period> months() {
    java.util.List<Period> out = new java.util.ArrayList<>();
    YearMonth m = firstMonth();
    for (int i = 0; i < monthCount(); i++, m = m.plusMonths(1)) {
      out.add(month(m.getYear(), m.getMonthValue()));
    }
    return out;
  }

  /** The period of the same type just before this one. */
  public Period previous() {
    return of(type, start().minusSeconds(1));
  }

  /** The period of this type that contains {@code instant}. */
  public static Period of(Type type, Instant instant) {
    ZonedDateTime local = instant.atZone(ZONE);
    return switch (type) {
      case MONTH -> month(local.getYear(), local.getMonthValue());
      case QUARTER -> quarter(local.getYear(), (local.getMonthValue() + 2) / 3);
      case YEAR -> year(local.getYear());
    };
  }

  /** First day (inclusive, Asia/Shanghai). */
  public java.time.LocalDate firstDay() {
    return firstMonth().atDay(1);
  }

  /** Last day (inclusive, Asia/Shanghai). */
  public java.time.LocalDate lastDay() {
    return firstMonth().plusMonths(monthCount() - 1L).atEndOfMonth();
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
    return firstMonth().atDay(1).atStartOfDay(ZONE).toInstant();
  }

  /** First instant after the period. */
  public Instant end() {
    return firstMonth().plusMonths(monthCount()).atDay(1).atStartOfDay(ZONE).toInstant();
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

  /** "2026-03" for a month, "2026-Q1" for a quarter, "2026" for a year. */
  @Override
  public String toString() {
    return switch (type) {
      case MONTH -> String.format("%04d-%02d", year, month);
      case QUARTER -> String.format("%04d-Q%d", year, month);
      case YEAR -> String.valueOf(year);
    };
  }
}
