package cn.szcg.sla.notify.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.sla.notify.domain.Contact.Channel;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Quiet hours, channel choices, back-off and masking as specifications. */
class ChannelRulesTest {

  // 2026-03-02 23:30 in Minqing (UTC+8)
  static final Instant LATE = Instant.parse("2026-03-02T15:30:00Z");
  static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

  @Test
  void anOvernightWindowHoldsUntilItsEndTheNextMorning() {
    assertTrue(NIGHT.contains(LATE));
    assertEquals(Instant.parse("2026-03-02T23:00:00Z"), NIGHT.releaseAt(LATE), "07:00 on the 3rd");
    // 06:59 on the 3rd: still held until 07:00 that day
    assertEquals(
        Instant.parse("2026-03-02T23:00:00Z"),
        NIGHT.releaseAt(Instant.parse("2026-03-02T22:59:00Z")));
    // 07:00 is outside
    Instant seven = Instant.parse("2026-03-02T23:00:00Z");
    assertEquals(seven, NIGHT.releaseAt(seven));
    // noon: immediate
    Instant noon = Instant.parse("2026-03-02T04:00:00Z");
    assertEquals(noon, NIGHT.releaseAt(noon));
  }

  @Test
  void aDaytimeWindowHoldsUntilItsEnd() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
    assertEquals(
        Instant.parse("2026-03-02T06:00:00Z"),
        lunch.releaseAt(Instant.parse("2026-03-02T04:30:00Z")));
    assertEquals(
        Instant.parse("2026-03-02T03:59:00Z"),
        lunch.releaseAt(Instant.parse("2026-03-02T03:59:00Z")));
  }

  @Test
  void urgentGoesThroughQuietHours() {
    assertEquals(LATE, QuietHours.release(NIGHT, true, LATE));
    assertEquals(Instant.parse("2026-03-02T23:00:00Z"), QuietHours.release(NIGHT, false, LATE));
    assertEquals(LATE, QuietHours.release(null, false, LATE));
    assertThrows(
        IllegalArgumentException.class, () -> new QuietHours(LocalTime.NOON, LocalTime.NOON));
  }

  static Contact person(String phone, boolean sms, String url, boolean hook) {
    return new Contact(
        "p", "P", "unit-leader", "U", null, true, phone, "DINGTALK", url, "s", sms, hook, null);
  }

  @Test
  void theConsoleAlwaysSmsAndWebhookByChoiceAndABreachBySmsAnyway() {
    assertEquals(
        Set.of(Channel.CONSOLE, Channel.SMS),
        person("13900000001", true, null, false).channels(false));
    assertEquals(
        Set.of(Channel.CONSOLE), person("13900000001", false, null, false).channels(false));
    assertEquals(
        Set.of(Channel.CONSOLE, Channel.SMS),
        person("13900000001", false, null, false).channels(true));
    assertEquals(Set.of(Channel.CONSOLE), person(null, true, null, false).channels(true));
    assertEquals(
        Set.of(Channel.CONSOLE, Channel.WEBHOOK),
        person(null, true, "http://x", true).channels(false));
    assertEquals(Set.of(Channel.CONSOLE), person(null, true, "http://x", false).channels(false));
  }

  @Test
  void backOffDoublesUpToItsCapThenGivesUp() {
    Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1), 5);
    assertEquals(Duration.ofSeconds(2), b.delayAfter(1));
    assertEquals(Duration.ofSeconds(4), b.delayAfter(2));
    assertEquals(Duration.ofSeconds(32), b.delayAfter(5));
    assertEquals(Duration.ofMinutes(1), b.delayAfter(6));
    assertEquals(Duration.ofMinutes(1), b.delayAfter(60));
    assertTrue(b.retries(4));
    assertFalse(b.retries(5));
  }

  @Test
  void phonesAreMasked() {
    assertEquals("139****0012", PhoneMask.mask("13900000012"));
    assertEquals(null, PhoneMask.mask(null));
    Message m = new Message("n1", Channel.SMS, 1, "text", "13900000012", null, null, null);
    assertFalse(m.toString().contains("13900000012"), m.toString());
  }
}
