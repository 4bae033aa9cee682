package cn.szcg.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.sla.infra.HolidayDataLoader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the product's calendar data files. */
class HolidayDataLoaderTest {

  private static InputStream json(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shippedDataHasAVersionAndTheNotices() {
    HolidayData data = HolidayDataLoader.loadShipped();
    assertEquals("CN", data.region());
    assertTrue(data.version().startsWith("cn-"));
    HolidayNotice n2026 =
        data.notices().stream().filter(n -> n.year() == 2026).findFirst().orElseThrow();
    HolidayRule spring =
        n2026.holidays().stream().filter(h -> h.name().equals("春节")).findFirst().orElseThrow();
    assertEquals(LocalDate.of(2026, 2, 15), spring.firstOffDay());
    assertEquals(LocalDate.of(2026, 2, 23), spring.lastOffDay());
    assertEquals(List.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28)), spring.workdays());
    assertEquals(data.version(), Times.MINQING.version());
  }

  @Test
  void aSmallDocument() {
    HolidayData data =
        HolidayDataLoader.readHolidays(
            json(
                """
                {"format":"szcg-holidays/1","region":"CN","version":"test-1","notices":[
                 {"year":2027,"title":"t","holidays":[
                  {"name":"元旦","from":"2027-01-01","to":"2027-01-03","workdays":["2027-01-09"]}]}]}
                """));
    List<DayOverride> o = data.dayOverrides();
    assertEquals(4, o.size());
    assertEquals(DayOverride.adjustedWorkday(LocalDate.of(2027, 1, 9), "元旦"), o.get(3));
  }

  @Test
  void malformedDocumentsAreRefusedWithAReason() {
    assertThrows(
        IllegalArgumentException.class,
        () -> HolidayDataLoader.readHolidays(json("{\"format\":\"other\"}")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            HolidayDataLoader.readHolidays(
                json(
                    "{\"format\":\"szcg-holidays/1\",\"version\":\"v\",\"notices\":[{\"year\":1,"
                        + "\"title\":\"t\",\"holidays\":[{\"name\":\"x\",\"from\":\"2027-13-01\","
                        + "\"to\":\"2027-01-02\"}]}]}")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            HolidayDataLoader.readHolidays(
                json(
                    "{\"format\":\"szcg-holidays/1\",\"version\":\"v\",\"notices\":[{\"year\":1,"
                        + "\"title\":\"t\",\"holidays\":[{\"name\":\"x\",\"from\":\"2027-01-05\","
                        + "\"to\":\"2027-01-02\"}]}]}")));
    assertThrows(IllegalArgumentException.class, () -> HolidayDataLoader.readHolidays(json("{")));
  }

  @Test
  void workHoursDocumentWithASummerSeason() {
    WorkCalendar cal =
        HolidayDataLoader.readWorkHours(
                json(
                    """
                    {"format":"szcg-work-hours/1","id":"test","zone":"Asia/Shanghai",
                     "workWeek":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
                     "periods":["08:00-12:00","14:30-17:30"],
                     "seasons":[{"from":"06-01","to":"09-30","periods":["08:00-12:00","15:00-18:00"]}],
                     "dated":[{"from":"2026-03-03","to":"2026-03-03","periods":["08:00-12:00"]}]}
                    """))
            .build();
    assertEquals("test", cal.id());
    assertEquals(
        List.of(WorkPeriod.parse("08:00-12:00"), WorkPeriod.parse("15:00-18:00")),
        cal.periodsOn(LocalDate.of(2026, 7, 1)));
    assertEquals(List.of(WorkPeriod.parse("08:00-12:00")), cal.periodsOn(LocalDate.of(2026, 3, 3)));
  }
}
