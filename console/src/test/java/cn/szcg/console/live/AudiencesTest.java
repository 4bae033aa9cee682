package cn.szcg.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may hear of a change (实时推送 for units and collectors), from what the events carry. */
class AudiencesTest {

  static final String CASE = "cn.szcg.cases.case-transitioned.v1";
  static final String CLOCK = "cn.szcg.clocks.clock-warned.v1";
  static final String REPORT = "cn.szcg.intake.report-registered.v1";

  final Audience.Viewer water = new Audience.Viewer.Unit("U-WATER");
  final Audience.Viewer sanitation = new Audience.Viewer.Unit("U-SANITATION");
  final Audience.Viewer c1 = new Audience.Viewer.Collector("C0001");
  final Audience.Viewer center = new Audience.Viewer.Center();

  @Test
  void aDispatchNamesTheOrdersUnitAndOnlyIt() {
    Audiences a = new Audiences(100);
    Audience x = a.of(CASE, "case-1", "{\"transition\":\"DISPATCH\",\"unitId\":\"U-WATER\"}");
    assertTrue(water.admits(x));
    assertFalse(sanitation.admits(x));
    assertFalse(c1.admits(x));
    assertTrue(center.admits(x));
  }

  @Test
  void aCaseOnceAUnitsStaysItsForLaterStepsAndClocksThatDoNotNameIt() {
    Audiences a = new Audiences(100);
    a.of(CASE, "case-1", "{\"transition\":\"DISPATCH\",\"unitId\":\"U-WATER\"}");
    assertTrue(water.admits(a.of(CLOCK, "case-1", "{\"stage\":\"HANDLING\"}")));
    assertTrue(water.admits(a.of(CASE, "case-1", "{\"transition\":\"ORDER_CHECK\"}")));
    // returned and dispatched elsewhere: both units (the first held an order of it)
    Audience after =
        a.of(CASE, "case-1", "{\"transition\":\"DISPATCH\",\"unitId\":\"U-SANITATION\"}");
    assertTrue(water.admits(after));
    assertTrue(sanitation.admits(after));
    // another case is not theirs
    assertFalse(water.admits(a.of(CLOCK, "case-2", "{\"stage\":\"HANDLING\"}")));
  }

  @Test
  void aSubOrderNamesTheDepartmentAndTheTownshipBody() {
    Audience x =
        Audiences.named(
            CASE,
            "{\"transition\":\"REDISPATCH_TO_SUB_UNIT\",\"unitId\":\"U-D1\",\"actorUnitId\":\"U-T\","
                + "\"data\":{\"parentUnitId\":\"U-T\"}}");
    assertEquals(Set.of("U-D1", "U-T"), x.units());
  }

  @Test
  void collectorsHearOfTheirReportsAndChecksUnitsNeverOfReports() {
    Audiences a = new Audiences(100);
    a.of(CASE, "case-1", "{\"transition\":\"DISPATCH\",\"unitId\":\"U-WATER\"}");
    Audience report = a.of(REPORT, "case-1", "{\"collectorId\":\"C0001\"}");
    assertTrue(c1.admits(report));
    assertFalse(water.admits(report), "a unit hears nothing of intake's report");
    Audience check =
        a.of(
            CASE,
            "case-1",
            "{\"transition\":\"ORDER_CHECK\",\"data\":{\"collectorId\":\"C0001\"}}");
    assertTrue(c1.admits(check));
    assertTrue(water.admits(check));
    assertFalse(c1.admits(a.of(CLOCK, "case-1", "{}")), "a collector reads no clocks");
    // the collector's own check result names it as the actor
    assertEquals(
        Set.of("C0002"),
        Audiences.named(
                CASE,
                "{\"transition\":\"PASS_CHECK\",\"actorRole\":\"COLLECTOR\",\"actorUserId\":\"C0002\"}")
            .collectors());
  }

  @Test
  void unreadableOrOddValuesNameNobody() {
    assertEquals(Audience.CENTER_ONLY, Audiences.named(CASE, "not json"));
    assertEquals(Audience.CENTER_ONLY, Audiences.named("cn.szcg.other.v1", "{\"unitId\":\"U\"}"));
    assertEquals(Set.of(), Audiences.named(CASE, "{\"unitId\":\"U WATER<script>\"}").units());
    assertEquals(Set.of(), Audiences.named(CASE, "{\"unitId\":42}").units());
  }

  @Test
  void theMapIsBoundedForgettingTheLeastRecentlySeenCase() {
    Audiences a = new Audiences(2);
    a.of(CASE, "a", "{\"unitId\":\"U-WATER\"}");
    a.of(CASE, "b", "{\"unitId\":\"U-WATER\"}");
    a.of(CLOCK, "a", "{}"); // a seen again
    a.of(CASE, "c", "{\"unitId\":\"U-WATER\"}");
    assertEquals(2, a.size());
    assertTrue(water.admits(a.of(CLOCK, "a", "{}")));
    assertFalse(water.admits(a.of(CLOCK, "b", "{}")), "b forgotten");
  }

  @Test
  void aNotificationReachesOnlyItsRecipientsOwnStreams() {
    Audiences a = new Audiences(100);
    Audience x =
        a.of(
            "cn.szcg.notifications.notification-raised.v1",
            "water-leader",
            "{\"notificationId\":\"n1\",\"recipientId\":\"water-leader\",\"kind\":\"CLOCK_BREACH\","
                + "\"caseId\":\"case-1\"}");
    assertTrue(x.reaches("water-leader", water));
    assertFalse(x.reaches("water-receiver", water), "not the recipient's unit colleagues");
    assertFalse(x.reaches("shiftlead1", center), "not the command center");
    assertEquals(0, a.size(), "nothing remembered");
    // an unreadable recipient reaches nobody
    Audience bad = a.of("cn.szcg.notifications.notification-raised.v1", "x", "{}");
    assertFalse(bad.reaches("shiftlead1", center));
    // every other change still follows the viewer's rule
    Audience caseChange =
        a.of(CASE, "case-1", "{\"transition\":\"DISPATCH\",\"unitId\":\"U-WATER\"}");
    assertTrue(caseChange.reaches("anyone", center));
    assertTrue(caseChange.reaches("water-receiver", water));
  }
}
