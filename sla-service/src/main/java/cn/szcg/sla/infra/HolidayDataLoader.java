package cn.szcg.sla.infra;

import cn.szcg.sla.domain.HolidayData;
import cn.szcg.sla.domain.HolidayNotice;
import cn.szcg.sla.domain.HolidayRule;
import cn.szcg.sla.domain.WorkCalendar;
import cn.szcg.sla.domain.WorkPeriod;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the product's own calendar data (format {@code szcg-holidays/1}, shipped as {@code
 * calendar/cn-holidays.json}) and work-hour configuration ({@code szcg-work-hours/1}, shipped as
 * {@code calendar/minqing-work-hours.json}). Plain Jackson tree reading, no framework.
 */
public final class HolidayDataLoader {

  /** Class-path resource of the shipped China holiday data 2016–2026. */
  public static final String SHIPPED_HOLIDAYS = "calendar/cn-holidays.json";

  /** Class-path resource of the Minqing work-hour configuration. */
  public static final String SHIPPED_WORK_HOURS = "calendar/minqing-work-hours.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HolidayDataLoader() {}

  /** The shipped China holiday data. */
  public static HolidayData loadShipped() {
    return readResource(SHIPPED_HOLIDAYS, HolidayDataLoader::readHolidays);
  }

  /** Parses holiday data; throws {@link IllegalArgumentException} on a malformed document. */
  public static HolidayData readHolidays(InputStream in) {
    JsonNode root = tree(in);
    requireFormat(root, "szcg-holidays/1");
    List<HolidayNotice> notices = new ArrayList<>();
    for (JsonNode n : root.path("notices")) {
      List<HolidayRule> rules = new ArrayList<>();
      for (JsonNode h : n.path("holidays")) {
        List<LocalDate> workdays = new ArrayList<>();
        for (JsonNode w : h.path("workdays")) {
          workdays.add(date(w.asText()));
        }
        rules.add(
            new HolidayRule(
                text(h, "name"),
                h.path("nameEn").asText(""),
                date(text(h, "from")),
                date(text(h, "to")),
                workdays));
      }
      notices.add(
          new HolidayNotice(
              n.path("year").asInt(), text(n, "title"), n.path("url").asText(""), rules));
    }
    return new HolidayData(root.path("region").asText(""), text(root, "version"), notices);
  }

  /**
   * A builder preconfigured from a work-hours document (zone, working week, periods, seasons, dated
   * schedules); add holidays and call {@code build()}.
   */
  public static WorkCalendar.Builder readWorkHours(InputStream in) {
    JsonNode root = tree(in);
    requireFormat(root, "szcg-work-hours/1");
    WorkCalendar.Builder b = WorkCalendar.builder().id(root.path("id").asText("calendar"));
    if (root.hasNonNull("zone")) {
      b.zone(ZoneId.of(root.get("zone").asText()));
    }
    if (root.has("workWeek")) {
      Set<DayOfWeek> week = EnumSet.noneOf(DayOfWeek.class);
      root.get("workWeek").forEach(d -> week.add(DayOfWeek.valueOf(d.asText())));
      b.workWeek(week);
    }
    if (root.has("periods")) {
      b.periods(periods(root.get("periods")));
    }
    for (JsonNode s : root.path("seasons")) {
      b.seasonalPeriods(
          MonthDay.parse("--" + text(s, "from")),
          MonthDay.parse("--" + text(s, "to")),
          periods(s.path("periods")));
    }
    for (JsonNode s : root.path("dated")) {
      b.periodsBetween(date(text(s, "from")), date(text(s, "to")), periods(s.path("periods")));
    }
    return b;
  }

  /** The shipped Minqing work hours with the shipped China holidays. */
  public static WorkCalendar minqingCalendar() {
    WorkCalendar.Builder b = readResource(SHIPPED_WORK_HOURS, HolidayDataLoader::readWorkHours);
    return b.holidays(loadShipped()).build();
  }

  private static List<WorkPeriod> periods(JsonNode array) {
    List<WorkPeriod> out = new ArrayList<>();
    array.forEach(p -> out.add(WorkPeriod.parse(p.asText())));
    return out;
  }

  private interface Reader<T> {
    T read(InputStream in);
  }

  private static <T> T readResource(String name, Reader<T> reader) {
    ClassLoader cl = HolidayDataLoader.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("calendar resource missing from the class path: " + name);
      }
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode tree(InputStream in) {
    try {
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON document: " + e.getMessage(), e);
    }
  }

  private static void requireFormat(JsonNode root, String format) {
    if (!format.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(
          "expected format " + format + ", got " + root.path("format").asText("(none)"));
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalArgumentException("missing field '" + field + "' in " + node);
    }
    return v.asText();
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("bad date '" + s + "' (expected yyyy-MM-dd)", e);
    }
  }
}
