package cn.szcg.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** iCalendar import of holidays (放假) and adjusted working days (补班). */
class IcsHolidayParserTest {

  private static final String SPRING_2026 =
      String.join(
          "\r\n",
          "BEGIN:VCALENDAR",
          "VERSION:2.0",
          "PRODID:-//szcg//test//CN",
          "BEGIN:VEVENT",
          "UID:2026-spring@test",
          "DTSTART;VALUE=DATE:20260215",
          "DTEND;VALUE=DATE:20260224",
          "SUMMARY:春节",
          "END:VEVENT",
          "BEGIN:VEVENT",
          "UID:2026-spring-work-1@test",
          "DTSTART;VALUE=DATE:20260214",
          "SUMMARY:春节补班",
          "END:VEVENT",
          "BEGIN:VEVENT",
          "UID:2026-spring-work-2@test",
          "DTSTART;VALUE=DATE:20260228",
          "DTEND;VALUE=DATE:20260301",
          "SUMMARY:Spring Festival make-up day",
          "X-SZCG-DAY-TYPE:WORKDAY",
          "END:VEVENT",
          "END:VCALENDAR",
          "");

  @Test
  void dtendIsExclusiveSoTheHolidayIsNineDays() {
    List<DayOverride> days = IcsHolidayParser.parse(SPRING_2026);
    long off = days.stream().filter(DayOverride::isOffDay).count();
    assertEquals(9, off); // 02-15 .. 02-23
    assertTrue(days.contains(DayOverride.offDay(LocalDate.of(2026, 2, 15), "春节")));
    assertTrue(days.contains(DayOverride.offDay(LocalDate.of(2026, 2, 23), "春节")));
    assertFalse(days.stream().anyMatch(d -> d.date().equals(LocalDate.of(2026, 2, 24))));
  }

  @Test
  void summaryWith补班MarksAnAdjustedWorkingDay() {
    List<DayOverride> days = IcsHolidayParser.parse(SPRING_2026);
    assertTrue(days.contains(DayOverride.adjustedWorkday(LocalDate.of(2026, 2, 14), "春节补班")));
  }

  @Test
  void customPropertyMarksAnAdjustedWorkingDayWhateverTheSummary() {
    List<DayOverride> days = IcsHolidayParser.parse(SPRING_2026);
    DayOverride d =
        days.stream()
            .filter(x -> x.date().equals(LocalDate.of(2026, 2, 28)))
            .findFirst()
            .orElseThrow();
    assertEquals(DayKind.ADJUSTED_WORKDAY, d.kind());
  }

  @Test
  void importedDaysDriveTheCalendar() {
    WorkCalendar cal =
        WorkCalendar.builder().overrides(IcsHolidayParser.parse(SPRING_2026)).build();
    assertTrue(cal.isWorkingDay(LocalDate.of(2026, 2, 14))); // Saturday
    assertTrue(cal.isOffDay(LocalDate.of(2026, 2, 16))); // Monday in 春节
    // Same answer as the shipped data for the same days
    for (LocalDate d = LocalDate.of(2026, 2, 10);
        d.isBefore(LocalDate.of(2026, 3, 3));
        d = d.plusDays(1)) {
      assertEquals(Times.MINQING.isOffDay(d), cal.isOffDay(d), d.toString());
    }
  }

  @Test
  void foldedLinesEscapesAndOtherMarkers() {
    String ics =
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261010\nSUMMARY:国庆节\n (班)\nEND:VEVENT\n"
            + "BEGIN:VEVENT\nDTSTART:20261001\nDTEND:20261008\nSUMMARY:国庆节\\, 休\nEND:VEVENT\n"
            + "END:VCALENDAR\n";
    List<DayOverride> days = IcsHolidayParser.parse(ics);
    assertEquals(DayKind.ADJUSTED_WORKDAY, days.get(0).kind());
    assertEquals("国庆节(班)", days.get(0).name());
    assertEquals(8, days.size());
    assertEquals("国庆节, 休", days.get(1).name());
    assertEquals(DayKind.OFF_DAY, days.get(7).kind());
    assertEquals(LocalDate.of(2026, 10, 7), days.get(7).date());
  }

  @Test
  void malformedInputIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IcsHolidayParser.parse(
                "BEGIN:VEVENT\nDTSTART:20260101T090000Z\nSUMMARY:x\nEND:VEVENT\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> IcsHolidayParser.parse("BEGIN:VEVENT\nSUMMARY:no start\nEND:VEVENT\n"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IcsHolidayParser.parse(
                "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nDTEND;VALUE=DATE:20260105\nEND:VEVENT\n"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            IcsHolidayParser.parse(
                "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\nX-SZCG-DAY-TYPE:MAYBE\nEND:VEVENT\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> IcsHolidayParser.parse("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260105\n"));
  }
}
