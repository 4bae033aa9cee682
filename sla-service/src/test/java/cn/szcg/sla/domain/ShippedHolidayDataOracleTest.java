package cn.szcg.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The product's own holiday data (calendar/cn-holidays.json, transcribed from the State Council
 * notices) checked against an independent oracle: shared/reference/holidays-cn/20XX.json (from the
 * public data set NateScarlet/holiday-cn). The oracle is read only here, at test time; it is found
 * by walking up from the working directory, and the test FAILS if it cannot be found.
 */
class ShippedHolidayDataOracleTest {

  private static final int FIRST_YEAR = 2016;
  private static final int LAST_YEAR = 2026;

  static Path oracleDir() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared/reference/holidays-cn");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    fail("oracle folder shared/reference/holidays-cn not found above " + dir);
    return null;
  }

  /** date → isOffDay, from every oracle file 2016–2026. */
  private static Map<LocalDate, Boolean> oracle() throws IOException {
    Path dir = oracleDir();
    ObjectMapper mapper = new ObjectMapper();
    Map<LocalDate, Boolean> out = new HashMap<>();
    for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
      Path file = dir.resolve(y + ".json");
      assertTrue(Files.isRegularFile(file), "oracle file missing: " + file);
      JsonNode root = mapper.readTree(file.toFile());
      assertEquals(y, root.path("year").asInt(), file.toString());
      assertTrue(root.path("days").size() > 0, "no days in " + file);
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
