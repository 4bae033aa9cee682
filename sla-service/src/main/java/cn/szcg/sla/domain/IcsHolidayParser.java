package cn.szcg.sla.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Imports holidays and adjusted working days from an iCalendar (RFC 5545) file, e.g. a public
 * "China holidays" calendar feed.
 *
 * <p>Each all-day {@code VEVENT} ({@code DTSTART;VALUE=DATE:yyyyMMdd}, optional {@code
 * DTEND;VALUE=DATE} which is exclusive, as RFC 5545 says; no DTEND = one day) becomes one {@link
 * DayOverride} per day. The kind of day:
 *
 * <ol>
 *   <li>{@code X-SZCG-DAY-TYPE:WORKDAY} → adjusted working day, {@code X-SZCG-DAY-TYPE:OFFDAY} →
 *       holiday (wins over the summary);
 *   <li>otherwise a SUMMARY containing 补班, 上班 or 班） / (班) → adjusted working day;
 *   <li>otherwise → holiday (off day).
 * </ol>
 *
 * The override's name is the SUMMARY. Events with a date-time DTSTART (not all-day) are refused;
 * RRULE is not supported (holidays move every year). Folded lines are unfolded; TEXT escapes (\, \;
 * \n) are decoded.
 */
public final class IcsHolidayParser {

  /** Custom property that marks the kind of day explicitly. */
  public static final String DAY_TYPE_PROPERTY = "X-SZCG-DAY-TYPE";

  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private IcsHolidayParser() {}

  public static List<DayOverride> parse(String ics) {
    return parse(new StringReader(ics));
  }

  public static List<DayOverride> parse(Reader reader) {
    List<String> lines = unfold(reader);
    List<DayOverride> out = new ArrayList<>();
    boolean inEvent = false;
    LocalDate start = null;
    LocalDate end = null;
    String summary = "";
    String dayType = null;
    int lineNo = 0;
    for (String line : lines) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("line " + lineNo + ": not a content line: " + line);
      }
      String head = line.substring(0, colon);
      String value = line.substring(colon + 1);
      String name = (head.contains(";") ? head.substring(0, head.indexOf(';')) : head);
      name = name.toUpperCase(Locale.ROOT);
      if (name.equals("BEGIN") && value.equalsIgnoreCase("VEVENT")) {
        inEvent = true;
        start = null;
        end = null;
        summary = "";
        dayType = null;
      } else if (name.equals("END") && value.equalsIgnoreCase("VEVENT")) {
        if (start == null) {
          throw new IllegalArgumentException("line " + lineNo + ": VEVENT without DTSTART");
        }
        LocalDate last = end == null ? start : end.minusDays(1);
        if (last.isBefore(start)) {
          throw new IllegalArgumentException("line " + lineNo + ": DTEND is not after DTSTART");
        }
        DayKind kind = kindOf(dayType, summary, lineNo);
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
          out.add(new DayOverride(d, kind, summary));
        }
        inEvent = false;
      } else if (inEvent) {
        switch (name) {
          case "DTSTART" -> start = date(head, value, lineNo);
          case "DTEND" -> end = date(head, value, lineNo);
          case "SUMMARY" -> summary = unescape(value).trim();
          case DAY_TYPE_PROPERTY -> dayType = value.trim().toUpperCase(Locale.ROOT);
          default -> {
            // other properties (UID, DTSTAMP, DESCRIPTION, ...) are ignored
          }
        }
      }
    }
    if (inEvent) {
      throw new IllegalArgumentException("unterminated VEVENT");
    }
    return out;
  }

  /** True when a summary marks an adjusted working day (补班 / 上班 / (班)). */
  public static boolean summaryMarksWorkday(String summary) {
    return summary.contains("补班")
        || summary.contains("上班")
        || summary.contains("(班)")
        || summary.contains("（班）");
  }

  private static DayKind kindOf(String dayType, String summary, int lineNo) {
    if (dayType != null) {
      return switch (dayType) {
        case "WORKDAY" -> DayKind.ADJUSTED_WORKDAY;
        case "OFFDAY", "HOLIDAY" -> DayKind.OFF_DAY;
        default ->
            throw new IllegalArgumentException(
                "line " + lineNo + ": " + DAY_TYPE_PROPERTY + " must be WORKDAY or OFFDAY");
      };
    }
    return summaryMarksWorkday(summary) ? DayKind.ADJUSTED_WORKDAY : DayKind.OFF_DAY;
  }

  private static LocalDate date(String head, String value, int lineNo) {
    String v = value.trim();
    if (v.contains("T") || head.toUpperCase(Locale.ROOT).contains("VALUE=DATE-TIME")) {
      throw new IllegalArgumentException(
          "line " + lineNo + ": only all-day events (VALUE=DATE) are supported: " + v);
    }
    try {
      return LocalDate.parse(v, BASIC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("line " + lineNo + ": bad date " + v, e);
    }
  }

  private static List<String> unfold(Reader reader) {
    List<String> out = new ArrayList<>();
    try (BufferedReader br = new BufferedReader(reader)) {
      String line;
      while ((line = br.readLine()) != null) {
        if ((line.startsWith(" ") || line.startsWith("\t")) && !out.isEmpty()) {
          out.set(out.size() - 1, out.get(out.size() - 1) + line.substring(1));
        } else {
          out.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(n == 'n' || n == 'N' ? '\n' : n);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
