package cn.szcg.intake.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The acceptance number (受理编号) every arrival gets at registration: a county prefix, the year
 * of registration in Asia/Shanghai, and a sequence number zero-padded to at least 7 digits, e.g.
 * {@code MQ20260000123}.
 *
 * <ul>
 *   <li>The sequence comes from a database sequence per year ({@link #sequenceName(int)}), never
 *       from "today's maximum + 1" (racy); numbers are unique but may have gaps (a rolled-back
 *       transaction burns a number) — gaps are tolerated, never reused.
 *   <li>No digit cap: past 9,999,999 in a year the number simply grows to 8 digits and still
 *       parses.
 *   <li>Year rollover: the year is that of the registration instant in Asia/Shanghai, so a report
 *       registered at 2026-12-31T16:30Z (00:30 on 1 January in Minqing) is numbered in 2027.
 * </ul>
 */
public record ReportNumber(String prefix, int year, long sequence)
    implements Comparable<ReportNumber> {

  /** Prefix for Minqing County (闽清, MQ). */
  public static final String DEFAULT_PREFIX = "MQ";

  /** The business time zone of the county. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** Minimum width of the sequence part. */
  public static final int SEQUENCE_DIGITS = 7;

  private static final Pattern PREFIX = Pattern.compile("^[A-Z]{2,4}$");
  private static final Pattern FORMAT = Pattern.compile("^([A-Z]{2,4})(\\d{4})(\\d{7,18})$");

  private static final Comparator<ReportNumber> ORDER =
      Comparator.comparing(ReportNumber::prefix)
          .thenComparingInt(ReportNumber::year)
          .thenComparingLong(ReportNumber::sequence);

  public ReportNumber {
    Objects.requireNonNull(prefix, "prefix");
    if (!PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("prefix must be 2-4 upper-case letters: " + prefix);
    }
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year must have four digits: " + year);
    }
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
    }
  }

  /**
   * The number for a report registered at {@code registeredAt} with {@code sequence} drawn from the
   * sequence of {@link #yearOf(Instant) that year}.
   */
  public static ReportNumber of(String prefix, Instant registeredAt, long sequence) {
    return new ReportNumber(prefix, yearOf(registeredAt), sequence);
  }

  public static ReportNumber of(Instant registeredAt, long sequence) {
    return of(DEFAULT_PREFIX, registeredAt, sequence);
  }

  /** The numbering year of a registration instant: its calendar year in Asia/Shanghai. */
  public static int yearOf(Instant registeredAt) {
    return registeredAt.atZone(ZONE).getYear();
  }

  /**
   * Name of the PostgreSQL sequence for a year, e.g. {@code report_no_2026_seq} — create it with
   * {@code CREATE SEQUENCE IF NOT EXISTS report_no_2026_seq} (start 1, no cycle) and draw with
   * {@code nextval}.
   */
  public static String sequenceName(int year) {
    if (year < 1000 || year > 9999) {
      throw new IllegalArgumentException("year must have four digits: " + year);
    }
    return "report_no_" + year + "_seq";
  }

  /**
   * Parses a formatted number.
   *
   * @throws IllegalArgumentException if the text is not a report number
   */
  public static ReportNumber parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "受理编号格式错误 / not a report number (e.g. MQ20260000123): " + text));
  }

  public static Optional<ReportNumber> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String digits = m.group(3);
    // a sequence longer than 7 digits carries no leading zero (it was never padded)
    if (digits.length() > SEQUENCE_DIGITS && digits.charAt(0) == '0') {
      return Optional.empty();
    }
    long seq = Long.parseLong(digits);
    if (seq < 1) {
      return Optional.empty();
    }
    return Optional.of(new ReportNumber(m.group(1), Integer.parseInt(m.group(2)), seq));
  }

  /** The formatted number, e.g. {@code MQ20260000123}. */
  public String format() {
    String s = Long.toString(sequence);
    StringBuilder b = new StringBuilder(prefix).append(year);
    for (int i = s.length(); i < SEQUENCE_DIGITS; i++) {
      b.append('0');
    }
    return b.append(s).toString();
  }

  @Override
  public String toString() {
    return format();
  }

  @Override
  public int compareTo(ReportNumber o) {
    return ORDER.compare(this, o);
  }
}
