package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** every arrival gets a human-readable, unique acceptance number (受理编号). */
class ReportNumberTest {

  @Test
  void formatsPrefixYearAndSevenDigitSequence() {
    ReportNumber n = ReportNumber.of(Instant.parse("2026-05-06T03:00:00Z"), 123);
    assertEquals("MQ20260000123", n.format());
    assertEquals("MQ20260000123", n.toString());
    assertEquals(13, n.format().length());
  }

  @Test
  void parsesWhatItFormats() {
    ReportNumber n = ReportNumber.parse("MQ20260000123");
    assertEquals(new ReportNumber("MQ", 2026, 123), n);
    assertEquals("MQ20260000123", ReportNumber.parse(n.format()).format());
  }

  @Test
  void hasNoDigitCap() {
    // LESSONS: numbers capped at 4 digits; here the ten-millionth report of a year still works
    ReportNumber big = new ReportNumber("MQ", 2026, 10_000_000L);
    assertEquals("MQ202610000000", big.format());
    assertEquals(big, ReportNumber.parse("MQ202610000000"));
    assertEquals("MQ20269999999", new ReportNumber("MQ", 2026, 9_999_999).format());
  }

  @Test
  void theYearIsTheRegistrationYearInShanghai() {
    // 2026-12-31T16:30Z is 00:30 on 1 January 2027 in Minqing
    assertEquals(2027, ReportNumber.yearOf(Instant.parse("2026-12-31T16:30:00Z")));
    assertEquals(2026, ReportNumber.yearOf(Instant.parse("2026-12-31T15:59:59Z")));
    assertEquals(
        "MQ20270000001", ReportNumber.of(Instant.parse("2026-12-31T16:00:00Z"), 1).format());
  }

  @Test
  void eachYearHasItsOwnDatabaseSequence() {
    assertEquals("report_no_2026_seq", ReportNumber.sequenceName(2026));
    assertEquals("report_no_2027_seq", ReportNumber.sequenceName(2027));
    assertThrows(IllegalArgumentException.class, () -> ReportNumber.sequenceName(99));
  }

  @Test
  void refusesWhatIsNotAReportNumber() {
    for (String bad :
        new String[] {
          "",
          "MQ2026000012",
          "mq20260000123",
          "MQ2026000012X",
          "20260000123",
          "MQ20260000000",
          "MQ202601234567X",
          "MQ202600000001234"
        }) {
      assertTrue(ReportNumber.tryParse(bad).isEmpty(), bad);
    }
    assertTrue(ReportNumber.tryParse(null).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> ReportNumber.parse("X1"));
    assertThrows(IllegalArgumentException.class, () -> new ReportNumber("MQ", 2026, 0));
    assertThrows(IllegalArgumentException.class, () -> new ReportNumber("M", 2026, 1));
  }

  @Test
  void gapsAreToleratedAndOrderFollowsYearThenSequence() {
    List<ReportNumber> l =
        new ArrayList<>(
            List.of(
                ReportNumber.parse("MQ20270000002"),
                ReportNumber.parse("MQ20260000010"),
                ReportNumber.parse("MQ20260000007"),
                ReportNumber.parse("MQ202610000000")));
    l.sort(null);
    assertEquals(
        List.of("MQ20260000007", "MQ20260000010", "MQ202610000000", "MQ20270000002"),
        l.stream().map(ReportNumber::format).toList());
  }
}
