package cn.szcg.sla.notify.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.AccountabilityNotice;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.contracts.events.ClockWarned;
import cn.szcg.contracts.events.EfficiencyWarningIssued;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.PeriodicReportPublished;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.contracts.events.Zone;
import cn.szcg.sla.notify.domain.Audience.CenterRole;
import cn.szcg.sla.notify.domain.Audience.Collector;
import cn.szcg.sla.notify.domain.Audience.Person;
import cn.szcg.sla.notify.domain.Audience.UnitRole;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who gets what (docs/notifications.md, the routing table), as a specification. */
class RoutingTest {

  static final Instant T = Instant.parse("2026-03-02T02:00:00Z");

  static CaseTransitioned step(
      String transition, String unit, boolean emergency, Map<String, String> data) {
    return new CaseTransitioned(
        "C1",
        2,
        transition,
        "FILED",
        "DISPATCHED",
        "dispatcher1",
        "dispatcher",
        null,
        T,
        null,
        "C1-O1",
        unit,
        "0101",
        Zone.FRINGE,
        emergency,
        new TimeLimit(4, LimitUnit.WORKING_HOURS),
        null,
        null,
        false,
        false,
        data);
  }

  static List<Audience> who(Record event) {
    return Routing.route(event).stream().map(Intent::audience).toList();
  }

  @Test
  void aNewOrderGoesToTheUnitsReceiversOnDuty() {
    for (String t :
        List.of(
            "DISPATCH",
            "DESIGNATE_UNIT",
            "RECORD_COORDINATION_AGREEMENT",
            "FAIL_CHECK",
            "REDISPATCH_TO_SUB_UNIT")) {
      List<Intent> out = Routing.route(step(t, "U-WATER", false, Map.of()));
      assertEquals(1, out.size(), t);
      assertEquals(new UnitRole("U-WATER", "unit-receiver"), out.get(0).audience());
      assertEquals(Kind.NEW_ORDER, out.get(0).kind());
      assertFalse(out.get(0).urgent());
    }
    assertTrue(
        Routing.route(step("DISPATCH", "U-WATER", true, Map.of())).get(0).urgent(),
        "an emergency order is urgent");
  }

  @Test
  void theTextsNameTheCaseAsPeopleKnowItTheIntentKeepsItsId() {
    Intent order =
        Routing.route(step("DISPATCH", "U-WATER", false, Map.of()), id -> "MQ0000000042").get(0);
    assertEquals("新派遣指令：案件 MQ0000000042", order.titleZh());
    assertEquals("New order: case MQ0000000042", order.titleEn());
    assertEquals(step("DISPATCH", "U-WATER", false, Map.of()).caseId(), order.caseId());
    ClockBreached b = new ClockBreached("C1", "k", "HANDLING", "C1-O1", "U-WATER", T, T, false);
    assertTrue(
        Routing.route(b, id -> "MQ1").stream().allMatch(i -> i.titleZh().contains("案件 MQ1 ")));
  }

  @Test
  void aWarningGoesToTheReceiverAndTheLeaderInCharge() {
    ClockWarned w =
        new ClockWarned(
            "C1", "k", "HANDLING", "C1-O1", "U-WATER", T, T.plusSeconds(3600), T, false);
    assertEquals(
        List.of(new UnitRole("U-WATER", "unit-receiver"), new UnitRole("U-WATER", "unit-leader")),
        who(w));
    assertTrue(Routing.route(w).stream().noneMatch(Intent::urgent));
    assertTrue(Routing.route(w).stream().allMatch(i -> i.kind() == Kind.CLOCK_WARNING));
    ClockWarned center =
        new ClockWarned("C1", "k", "REGISTRATION_TO_DISPATCH", null, null, T, T, T, false);
    assertEquals(List.of(new CenterRole("shift-lead")), who(center));
  }

  @Test
  void aBreachGoesToTheLeaderAndTheShiftLeadUrgently() {
    ClockBreached b = new ClockBreached("C1", "k", "HANDLING", "C1-O1", "U-WATER", T, T, false);
    assertEquals(
        List.of(new UnitRole("U-WATER", "unit-leader"), new CenterRole("shift-lead")), who(b));
    assertTrue(
        Routing.route(b).stream().allMatch(Intent::urgent), "a breach goes through quiet hours");
    assertTrue(Routing.route(b).get(0).titleZh().contains("超时"));
    ClockBreached center =
        new ClockBreached("C1", "k", "FEEDBACK_TO_CHECK", null, null, T, T, false);
    assertEquals(List.of(new CenterRole("shift-lead")), who(center));
  }

  @Test
  void verificationAndCheckTasksGoToTheCollector() {
    assertEquals(
        List.of(new Collector("C0003")), who(new VerificationRequested("C1", "t", "C0003", T)));
    assertEquals(List.of(), who(new VerificationRequested("C1", "t", null, T)));
    assertEquals(
        List.of(new Collector("C0004")),
        who(step("ORDER_CHECK", null, false, Map.of("collectorId", "C0004"))));
    assertEquals(
        Kind.TASK,
        Routing.route(step("ORDER_CHECK", null, false, Map.of("collectorId", "C0004")))
            .get(0)
            .kind());
  }

  @Test
  void refusedAndReturnedReportsGoToWhoeverMustAct() {
    assertEquals(
        List.of(new Collector("C0002")),
        who(new ReportRejected("C1", "重复", false, "C0002", T, "operator1")));
    assertEquals(
        List.of(new CenterRole("shift-lead")),
        who(step("REQUEST_RETURN", "U-WATER", false, Map.of())));
    assertEquals(
        List.of(new CenterRole("dispatcher")),
        who(step("APPROVE_RETURN", "U-WATER", false, Map.of())));
    assertEquals(
        List.of(new UnitRole("U-WATER", "unit-receiver")),
        who(step("REFUSE_RETURN", "U-WATER", false, Map.of())));
    assertEquals(
        List.of(new UnitRole("U-TOWN", "unit-receiver")),
        who(step("REQUEST_SUB_ORDER_RETURN", "U-DEPT", false, Map.of("parentUnitId", "U-TOWN"))));
    assertEquals(
        List.of(new UnitRole("U-DEPT", "unit-receiver")),
        who(step("REFUSE_SUB_ORDER_RETURN", "U-DEPT", false, Map.of())));
  }

  @Test
  void art33NoticesGoToThePersonNamedElseTheUnitsLeader() {
    AccountabilityNotice named =
        new AccountabilityNotice(
            "a1",
            "EFFICIENCY_OFFICE_NOTICE",
            "PERSON_RESPONSIBLE",
            "U-WATER",
            "LATE_SIGN_FOR",
            "2026-03",
            3,
            "i",
            "C1",
            "water-handler",
            "处置人员",
            false,
            "通报",
            "Notice",
            T);
    assertEquals(List.of(new Person("water-handler")), who(named));
    assertEquals(Kind.ACCOUNTABILITY_NOTICE, Routing.route(named).get(0).kind());
    AccountabilityNotice missing =
        new AccountabilityNotice(
            "a2",
            "CENTER_NOTICE",
            "UNIT",
            "U-WATER",
            "LATE_SIGN_FOR",
            "2026-03",
            1,
            "i",
            "C1",
            null,
            null,
            true,
            "通报",
            "Notice",
            T);
    assertEquals(List.of(new UnitRole("U-WATER", "unit-leader")), who(missing));
    AccountabilityNotice warning =
        new AccountabilityNotice(
            "a3",
            "EFFICIENCY_WARNING",
            "LEADER_IN_CHARGE",
            "U-WATER",
            "LATE_SIGN_FOR",
            "2026-03",
            5,
            "i",
            "C1",
            "water-leader",
            "领导",
            false,
            "告诫",
            "Warning",
            T);
    assertEquals(Kind.EFFICIENCY_WARNING, Routing.route(warning).get(0).kind());
  }

  @Test
  void anEfficiencyWarningGoesToThePersonWarned() {
    EfficiencyWarningIssued w =
        new EfficiencyWarningIssued(
            "w1", "a1", "U-WATER", "C1", "water-leader", "领导", "多次超时", "efficiency1", T);
    assertEquals(List.of(new Person("water-leader")), who(w));
    assertTrue(Routing.route(w).get(0).titleZh().contains("效能告诫"));
  }

  @Test
  void aPeriodicReportGoesToBothOfficesAndEachListedUnitsLeader() {
    PeriodicReportPublished p =
        new PeriodicReportPublished(
            "MONTH-2026-02",
            "MONTH",
            "2026-02",
            LocalDate.parse("2026-02-01"),
            LocalDate.parse("2026-02-28"),
            "2026年2月通报",
            "February 2026 report",
            "a",
            "b",
            List.of("U-WATER", "U-SANITATION"),
            "h",
            T);
    assertEquals(
        List.of(
            new CenterRole("supervision-office"),
            new CenterRole("efficiency-office"),
            new UnitRole("U-WATER", "unit-leader"),
            new UnitRole("U-SANITATION", "unit-leader")),
        who(p));
    assertTrue(Routing.route(p).stream().allMatch(i -> i.kind() == Kind.PERIODIC_REPORT));
  }

  @Test
  void otherEventsTellNobody() {
    assertEquals(List.of(), who(step("SIGN_FOR", "U-WATER", false, Map.of())));
    assertEquals(List.of(), who(step("CLOSE", "U-WATER", false, Map.of())));
    assertEquals(
        List.of(),
        who(
            new ClockStarted(
                "C1",
                "k",
                "HANDLING",
                null,
                "U-WATER",
                Zone.URBAN,
                false,
                new TimeLimit(1, LimitUnit.WORKING_HOURS),
                T,
                T,
                T,
                "p",
                "c")));
  }
}
