package cn.szcg.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which events are pushed, as what; and that a pushed change is four fields and no more. */
class ChangeTest {

  private static final Instant AT = Instant.parse("2026-03-02T01:02:03Z");

  private static Optional<Change> of(String type, String data) {
    return Change.of(type, "c-1", AT, data);
  }

  @Test
  void intakeEventsAreReportChanges() {
    assertEquals(
        Optional.of(new Change("report", "c-1", "report-registered", AT)),
        of("cn.szcg.intake.report-registered.v1", "{}"));
    assertEquals("case-filed", of("cn.szcg.intake.case-filed.v1", "{}").orElseThrow().change());
    assertEquals("report", of("cn.szcg.intake.report-merged.v1", "{}").orElseThrow().kind());
  }

  @Test
  void aCaseTransitionSaysItsTransitionAndAClockItsEvent() {
    assertEquals(
        Optional.of(new Change("case", "c-1", "DISPATCH", AT)),
        of("cn.szcg.cases.case-transitioned.v1", "{\"transition\":\"DISPATCH\",\"reason\":\"x\"}"));
    // unreadable data: the event type still says that the case changed
    assertEquals(
        "case-transitioned",
        of("cn.szcg.cases.case-transitioned.v1", "not json").orElseThrow().change());
    assertEquals(
        "case-transitioned",
        of("cn.szcg.cases.case-transitioned.v1", "{\"transition\":\"<script>\"}")
            .orElseThrow()
            .change());
    assertEquals(
        Optional.of(new Change("clock", "c-1", "clock-breached", AT)),
        of("cn.szcg.clocks.clock-breached.v1", "{}"));
  }

  @Test
  void collectorsAssessmentAndUnknownEventsAreNotPushed() {
    assertTrue(of("cn.szcg.intake.collector-duty-recorded.v1", "{}").isEmpty());
    assertTrue(of("cn.szcg.intake.collector-registered.v1", "{}").isEmpty());
    assertTrue(of("cn.szcg.assessment.accountability-notice.v1", "{}").isEmpty());
    assertTrue(of("cn.example.other.v1", "{}").isEmpty());
    assertTrue(Change.of("cn.szcg.intake.case-filed.v1", " ", AT, "{}").isEmpty());
  }

  @Test
  void aNotificationSaysItsIdAndKindAndNothingElse() {
    assertEquals(
        Optional.of(new Change("notification", "n-1", "CLOCK_BREACH", AT)),
        of(
            "cn.szcg.notifications.notification-raised.v1",
            "{\"notificationId\":\"n-1\",\"recipientId\":\"water-leader\",\"kind\":\"CLOCK_BREACH\","
                + "\"titleZh\":\"超时\",\"caseId\":\"c-1\"}"));
    assertTrue(of("cn.szcg.notifications.notification-raised.v1", "{}").isEmpty());
    assertTrue(of("cn.szcg.notifications.notification-raised.v1", "not json").isEmpty());
  }

  @Test
  void theFrameIsFourFieldsEscaped() {
    assertEquals(
        "{\"kind\":\"report\",\"id\":\"a\\\"b\\\\c\\n\",\"change\":\"x\",\"at\":\"2026-03-02T01:02:03Z\"}",
        new Change("report", "a\"b\\c\n", "x", AT).toJson().replace("\\u000a", "\\n"));
  }
}
