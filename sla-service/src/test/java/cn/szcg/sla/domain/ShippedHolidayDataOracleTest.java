package cn.szcg.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.szcg.sla.infra.HolidayDataLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product's own holiday data (calendar/cn-holidays.json, transcribed from the State Council
 * notices) checked against an independent oracle: {@code
 * src/test/resources/holidays-oracle/20XX.json} (from the public data set NateScarlet/holiday-cn,
 * MIT licence — see the README there). The oracle is read only here, at test time; a missing file
 * FAILS the test.
 */
class ShippedHolidayDataOracleTest {

  private static final int FIRST_YEAR = 2016;
  private static final int LAST_YEAR = 2026;

  /** One oracle file from the test classpath ({@code src/test/resources/holidays-oracle}). */
  private static JsonNode oracleYear(ObjectMapper mapper, int year) throws IOException {
    String name = "/holidays-oracle/" + year + ".json";
    try (InputStream in = ShippedHolidayDataOracleTest.class.getResourceAsStream(name)) {
      if (in == null) {
        fail("oracle file missing from the test resources: " + name);
      }
      return mapper.readTree(in);
    }
  }

  /** date → isOffDay, from every oracle file 2016–2026. */
  private static Map<LocalDate, Boolean> oracle() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Map<LocalDate, Boolean> out = new HashMap<>();
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      JsonNode root = oracleYear(mapper, y);
      assertEquals(y, root.path("year").asInt(), "year of oracle file " + y);
      assertTrue(root.path("days").size() > 0, "no days in oracle file " + y);
      for (JsonNode d : root.path("days")) {
        out.put(LocalDate.parse(d.path("date").asText()), d.path("isOffDay").asBoolean());
      }
    }
    return out;
  }

  @Test
  void everyDateOfTheOracleHasTheSameKindInTheShippedCalendar() throws IOException {
    WorkCalendar cal = Times.MINQING;
    List<String> wrong = new ArrayList<>();
    Map<LocalDate, Boolean> oracle = oracle();
    oracle.forEach(
        (date, off) -> {
          if (cal.isOffDay(date) != off) {
            wrong.add(date + " oracle isOffDay=" + off);
          }
        });
    assertEquals(List.of(), wrong, "shipped data disagrees with the oracle");
    assertTrue(oracle.size() > 300, "oracle suspiciously small: " + oracle.size());
  }

  @Test
  void everyOtherDateFollowsTheMondayToFridayRule() throws IOException {
    // Dates the oracle does not list are ordinary: the shipped data must not invent holidays.
    WorkCalendar cal = Times.MINQING;
    Map<LocalDate, Boolean> oracle = oracle();
    List<String> wrong = new ArrayList<>();
    for (LocalDate d = LocalDate.of(FIRST_YEAR - 1, 12, 1);
        !d.isAfter(LocalDate.of(LAST_YEAR, 12, 31));
        d = d.plusDays(1)) {
      if (oracle.containsKey(d)) {
        continue;
      }
      boolean weekend =
          d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (cal.isOffDay(d) != weekend) {
        wrong.add(d + " isOffDay=" + cal.isOffDay(d));
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void shippedDataCoversEveryYearWithOneNoticeAtLeast() {
    HolidayData data = HolidayDataLoader.loadShipped();
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      int year = y;
      assertTrue(
          data.notices().stream().anyMatch(n -> n.year() == year && !n.holidays().isEmpty()),
          "no notice for " + y);
    }
  }
}
