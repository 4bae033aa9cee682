package cn.szcg.sla.application;

import cn.szcg.platform.security.CurrentActor;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.sla.domain.DayOverride;
import cn.szcg.sla.domain.HolidayData;
import cn.szcg.sla.domain.HolidayNotice;
import cn.szcg.sla.domain.IcsHolidayParser;
import cn.szcg.sla.domain.WorkCalendar;
import cn.szcg.sla.domain.WorkPeriod;
import cn.szcg.sla.infra.Calendars;
import cn.szcg.sla.infra.HolidayDataLoader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Use cases of calendar maintenance (工作日历维护): read a year and the revisions; store a year's State
 * Council notice (JSON, {@code szcg-holidays/1}, the shipped format) or import an ICS file. Every
 * change is a new calendar revision in its own transaction, then running working-time clocks whose
 * deadline reaches a changed day (or a year that was not certain before) are recomputed on it in
 * another (docs/sla-calendar.md §2). Bad input is a 400 naming the field.
 */
@ApplicationScoped
public class CalendarMaintenance {

  @Inject Calendars calendars;
  @Inject CurrentActor actor;
  @Inject ClockService clocks;

  public record Day(LocalDate date, String name) {}

  public record NoticeView(long id, int year, String source, String title, int addedRevision) {}

  public record YearView(
      int year,
      String calendarVersion,
      int revision,
      String zone,
      List<DayOfWeek> workWeek,
      List<String> workPeriods,
      List<Day> holidays,
      List<Day> adjustedWorkingDays,
      int workingDays,
      List<NoticeView> notices,
      Integer lastNoticeYear,
      Integer clocksRecomputed) {}

  public record RevisionView(
      int revision, String version, String reason, String createdBy, java.time.Instant createdAt) {}

  /** The calendar of a year as it stands (工作日历). */
  public YearView getYear(String yearText) {
    int year = parseYear(yearText);
    return view(year, null);
  }

  /** Calendar revisions, newest first, a page of them. */
  public List<RevisionView> revisions(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 50 : size;
    if (p < 0) {
      throw ProblemException.invalidField("page", "negative", "页码不能为负 / page ≥ 0");
    }
    if (s < 1 || s > 200) {
      throw ProblemException.invalidField("size", "range", "每页 1..200 / size 1..200");
    }
    return QuarkusTransaction.joiningExisting()
        .call(
            () ->
                calendars.revisions().stream()
                    .skip((long) p * s)
                    .limit(s)
                    .map(
                        r ->
                            new RevisionView(
                                r.revision(),
                                r.version(),
                                r.reason(),
                                r.createdBy(),
                                r.createdAt()))
                    .toList());
  }

  /**
   * Stores a year's State Council notice ({@code szcg-holidays/1}) as a new calendar revision and
   * recomputes the running clocks it changes; 400 naming the field for a bad notice.
   */
  public YearView putYear(String yearText, String reason, String body) {
    int year = parseYear(yearText);
    if (body == null || body.isBlank()) {
      throw ProblemException.invalidField("body", "required", "请求体不能为空 / body is required");
    }
    String doc = withVersion(body);
    HolidayData data;
    try {
      data =
          HolidayDataLoader.readHolidays(
              new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("body", "bad-notice", e.getMessage());
    }
    if (data.notices().isEmpty()) {
      throw ProblemException.invalidField("notices", "required", "至少一个通知 / at least one notice");
    }
    for (HolidayNotice n : data.notices()) {
      if (n.year() != year) {
        throw ProblemException.invalidField(
            "notices.year",
            "year-mismatch",
            "通知年份 " + n.year() + " 与路径年份 " + year + " 不符 / notice year differs from the path");
      }
      if (n.holidays().isEmpty()) {
        throw ProblemException.invalidField(
            "notices.holidays", "required", "通知没有节假日 / a notice needs holidays");
      }
    }
    for (DayOverride o : data.dayOverrides()) {
      if (Math.abs(o.date().getYear() - year) > 1) {
        throw ProblemException.invalidField(
            "notices.holidays",
            "out-of-year",
            o.date() + " 不在 " + year + " 年前后 / date is not around the year " + year);
      }
    }
    WorkCalendar previous = calendars.current();
    QuarkusTransaction.requiringNew()
        .run(() -> calendars.putYear(year, doc, actor.userId(), reason));
    calendars.reload();
    return view(year, recomputeRunningClocks(previous));
  }

  /** Imports an ICS file's all-day events as a new calendar revision, then as {@link #putYear}. */
  public YearView importIcs(String yearText, String reason, String body) {
    if (body == null || body.isBlank()) {
      throw ProblemException.invalidField("body", "required", "请求体不能为空 / body is required");
    }
    List<DayOverride> days;
    try {
      days = IcsHolidayParser.parse(body);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidField("body", "bad-ics", e.getMessage());
    }
    if (days.isEmpty()) {
      throw ProblemException.invalidField(
          "body", "no-events", "ICS 中没有全天事件 / no all-day VEVENT in the file");
    }
    int year =
        yearText == null
            ? days.stream().mapToInt(d -> d.date().getYear()).min().orElseThrow()
            : parseYear(yearText);
    WorkCalendar previous = calendars.current();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                calendars.importIcs(
                    year, body, "ICS " + days.size() + " days", actor.userId(), reason));
    calendars.reload();
    return view(year, recomputeRunningClocks(previous));
  }

  /**
   * A new notice changes working time: running clocks whose deadline reaches the changed days (or
   * the years that were uncertain before) are measured again on the new calendar
   * (docs/operations.md "Next year's holiday notice").
   */
  private int recomputeRunningClocks(WorkCalendar previous) {
    return QuarkusTransaction.requiringNew().call(() -> clocks.onCalendarChanged(previous));
  }

  private YearView view(int year, Integer clocksRecomputed) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              WorkCalendar cal = calendars.current();
              int rev = calendars.currentRevision();
              List<Day> off = new ArrayList<>();
              List<Day> work = new ArrayList<>();
              int workingDays = 0;
              for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                if (cal.isWorkingDay(d)) {
                  workingDays++;
                }
                var o = cal.overrideOn(d);
                if (o.isPresent()) {
                  (o.get().isOffDay() ? off : work).add(new Day(d, o.get().name()));
                }
              }
              List<NoticeView> notices =
                  calendars.noticesAt(rev).stream()
                      .filter(n -> n.year() == year)
                      .map(
                          n ->
                              new NoticeView(
                                  n.id(), n.year(), n.source(), n.title(), n.addedRevision()))
                      .toList();
              return new YearView(
                  year,
                  cal.version(),
                  rev,
                  cal.zone().getId(),
                  cal.workWeek().stream().sorted().toList(),
                  cal.defaultPeriods().stream().map(WorkPeriod::toString).toList(),
                  off,
                  work,
                  workingDays,
                  notices,
                  cal.certainThroughYear().isPresent() ? cal.certainThroughYear().getAsInt() : null,
                  clocksRecomputed);
            });
  }

  private static int parseYear(String text) {
    try {
      int y = Integer.parseInt(text.trim());
      if (y < 1970 || y > 2299) {
        throw ProblemException.invalidField("year", "range", "年份 1970..2299 / year 1970..2299");
      }
      return y;
    } catch (NumberFormatException e) {
      throw ProblemException.invalidField("year", "not-a-number", "年份须为整数 / year is an integer");
    }
  }

  /** The shipped format requires a version; an uploaded notice may omit it. */
  private static String withVersion(String body) {
    try {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
      var root = mapper.readTree(body);
      if (!(root instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
        throw ProblemException.invalidField("body", "not-an-object", "须为 JSON 对象 / a JSON object");
      }
      if (!o.hasNonNull("version")) {
        o.put("version", "upload");
      }
      return o.toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ProblemException.invalidField(
          "body", "bad-json", "不是 JSON 文档 / not a JSON document: " + e.getOriginalMessage());
    }
  }
}
