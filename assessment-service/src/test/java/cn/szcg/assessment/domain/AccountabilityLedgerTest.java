package cn.szcg.assessment.domain;

import static cn.szcg.assessment.domain.AccountabilityAction.Type.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-24 (Art 33): center notices, the 3-a-month escalation and the progressive ladder. */
class AccountabilityLedgerTest {
  static final PersonRef ON_DUTY = new PersonRef("p-1", "林接收");
  static final PersonRef LEADER = new PersonRef("p-2", "陈分管");
  static final PersonRef HEAD = new PersonRef("p-3", "黄局长");
  static final UnitContacts CONTACTS = new UnitContacts(ON_DUTY, LEADER, HEAD);

  static Incident incident(String id, String unit, IncidentKind kind, String at) {
    return new Incident(id, unit, kind, "case-" + id, "order-" + id, Instant.parse(at), CONTACTS);
  }

  static Incident lateSign(String id, String at) {
    return incident(id, "U1", IncidentKind.LATE_SIGN_FOR, at);
  }

  static List<AccountabilityAction.Type> types(List<AccountabilityAction> actions) {
    return actions.stream().map(AccountabilityAction::type).toList();
  }

  @Test
  @DisplayName("every incident: a center notice naming the case and the person on duty")
  void centerNotice() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    List<AccountabilityAction> a = ledger.record(lateSign("i1", "2026-03-02T02:00:00Z"));
    assertEquals(List.of(CENTER_NOTICE), types(a));
    AccountabilityAction n = a.get(0);
    assertEquals("i1:CENTER_NOTICE", n.actionId());
    assertEquals("case-i1", n.caseId());
    assertEquals(ON_DUTY, n.person());
    assertEquals(AccountabilityLevel.UNIT, n.level());
    assertEquals(1, n.ordinal());
    assertEquals(YearMonth.of(2026, 3), n.month());
    assertTrue(n.titleZh().contains("县智慧中心通报") && n.titleZh().contains("林接收"));
    assertFalse(n.personMissing());
  }

  @Test
  @DisplayName("2 incidents in a month: nothing to the efficiency office; the 3rd: escalation")
  void thirdEscalates() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    assertEquals(
        List.of(CENTER_NOTICE), types(ledger.record(lateSign("i1", "2026-03-02T02:00:00Z"))));
    assertEquals(
        List.of(CENTER_NOTICE), types(ledger.record(lateSign("i2", "2026-03-15T02:00:00Z"))));
    List<AccountabilityAction> third = ledger.record(lateSign("i3", "2026-03-20T02:00:00Z"));
    assertEquals(
        List.of(CENTER_NOTICE, EFFICIENCY_OFFICE_NOTICE, EFFICIENCY_WARNING), types(third));
    AccountabilityAction warning = third.get(2);
    assertEquals(AccountabilityLevel.PERSON_RESPONSIBLE, warning.level());
    assertEquals(ON_DUTY, warning.person());
    assertEquals(3, warning.ordinal());
    assertEquals("i3:EFFICIENCY_WARNING", warning.actionId());
    assertTrue(warning.titleZh().startsWith("效能告诫"));
    assertEquals(AccountabilityLevel.UNIT, third.get(1).level());
    assertEquals(3, ledger.count("U1", IncidentKind.LATE_SIGN_FOR, YearMonth.of(2026, 3)));
  }

  @Test
  @DisplayName(
      "counted per kind and per unit: 2 + 2 + 2 of different kinds or units never escalate")
  void perKindPerUnit() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    List<AccountabilityAction> all = new ArrayList<>();
    String at = "2026-03-05T02:00:00Z";
    for (int i = 0; i < 2; i++) {
      all.addAll(ledger.record(incident("a" + i, "U1", IncidentKind.LATE_SIGN_FOR, at)));
      all.addAll(ledger.record(incident("b" + i, "U1", IncidentKind.NOT_TO_STANDARD, at)));
      all.addAll(ledger.record(incident("c" + i, "U2", IncidentKind.LATE_SIGN_FOR, at)));
      all.addAll(
          ledger.record(incident("d" + i, "U1", IncidentKind.OVERDUE_OR_EXPIRED_HANDLING, at)));
    }
    assertEquals(8, all.size());
    assertTrue(all.stream().allMatch(a -> a.type() == CENTER_NOTICE));
  }

  @Test
  @DisplayName("month boundary at Shanghai midnight: 2026-03-31T16:30Z is April")
  void monthBoundary() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    ledger.record(lateSign("i1", "2026-03-10T02:00:00Z"));
    ledger.record(lateSign("i2", "2026-03-20T02:00:00Z"));
    List<AccountabilityAction> april = ledger.record(lateSign("i3", "2026-03-31T16:30:00Z"));
    assertEquals(List.of(CENTER_NOTICE), types(april));
    assertEquals(YearMonth.of(2026, 4), april.get(0).month());
    assertEquals(1, april.get(0).ordinal());

    AccountabilityLedger other = new AccountabilityLedger();
    other.record(lateSign("i1", "2026-03-10T02:00:00Z"));
    other.record(lateSign("i2", "2026-03-20T02:00:00Z"));
    List<AccountabilityAction> march = other.record(lateSign("i3", "2026-03-31T15:59:59Z"));
    assertEquals(
        List.of(CENTER_NOTICE, EFFICIENCY_OFFICE_NOTICE, EFFICIENCY_WARNING), types(march));
  }

  @Test
  @DisplayName("the next month starts at zero")
  void nextMonthStartsAtZero() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    for (int i = 1; i <= 3; i++) {
      ledger.record(lateSign("m" + i, "2026-03-1" + i + "T02:00:00Z"));
    }
    for (int i = 1; i <= 2; i++) {
      List<AccountabilityAction> a =
          ledger.record(lateSign("a" + i, "2026-04-0" + i + "T02:00:00Z"));
      assertEquals(List.of(CENTER_NOTICE), types(a));
      assertEquals(i, a.get(0).ordinal());
    }
    assertEquals(3, types(ledger.record(lateSign("a3", "2026-04-03T02:00:00Z"))).size());
  }

  @Test
  @DisplayName(
      "the ladder: 3rd → person responsible, 5th → leader in charge, 8th → head, then every 3rd")
  void ladder() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    List<AccountabilityLevel> warned = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 1; i <= 14; i++) {
      List<AccountabilityAction> a =
          ledger.record(
              incident(
                  "i" + i,
                  "U1",
                  IncidentKind.NOT_TO_STANDARD,
                  String.format("2026-05-%02dT02:00:00Z", i)));
      assertEquals(CENTER_NOTICE, a.get(0).type());
      for (AccountabilityAction x : a) {
        if (x.type() == EFFICIENCY_WARNING) {
          warned.add(x.level());
          at.add(x.ordinal());
        }
      }
      assertTrue(a.size() == 1 || a.size() == 3);
    }
    assertEquals(List.of(3, 5, 8, 11, 14), at);
    assertEquals(
        List.of(
            AccountabilityLevel.PERSON_RESPONSIBLE,
            AccountabilityLevel.LEADER_IN_CHARGE,
            AccountabilityLevel.UNIT_HEAD,
            AccountabilityLevel.UNIT_HEAD,
            AccountabilityLevel.UNIT_HEAD),
        warned);
  }

  @Test
  @DisplayName("the warning names the rung's person from the register")
  void ladderNamesPeople() {
    Incident five = incident("x", "U1", IncidentKind.LATE_SIGN_FOR, "2026-05-01T02:00:00Z");
    List<AccountabilityAction> a =
        AccountabilityLedger.actionsFor(five, 5, EscalationLadder.DEFAULT);
    assertEquals(LEADER, a.get(2).person());
    a = AccountabilityLedger.actionsFor(five, 8, EscalationLadder.DEFAULT);
    assertEquals(HEAD, a.get(2).person());
    assertEquals(1, AccountabilityLedger.actionsFor(five, 4, EscalationLadder.DEFAULT).size());
  }

  @Test
  @DisplayName("idempotent on incident id")
  void idempotent() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    Incident i = lateSign("i1", "2026-03-02T02:00:00Z");
    assertEquals(1, ledger.record(i).size());
    assertEquals(List.of(), ledger.record(i));
    assertEquals(1, ledger.count("U1", IncidentKind.LATE_SIGN_FOR, YearMonth.of(2026, 3)));
  }

  @Test
  @DisplayName("an unregistered person is flagged, not invented")
  void missingPerson() {
    Incident i =
        new Incident(
            "i1",
            "U1",
            IncidentKind.LATE_SIGN_FOR,
            "c",
            "o",
            Instant.parse("2026-03-02T02:00:00Z"),
            new UnitContacts(null, null, null));
    AccountabilityAction n = new AccountabilityLedger().record(i).get(0);
    assertNull(n.person());
    assertTrue(n.personMissing());
    assertTrue(n.titleZh().contains("未登记"));
  }

  @Test
  @DisplayName("a restored ledger continues the count and remembers seen incidents")
  void restore() {
    AccountabilityLedger first = new AccountabilityLedger();
    first.record(lateSign("i1", "2026-03-02T02:00:00Z"));
    first.record(lateSign("i2", "2026-03-03T02:00:00Z"));
    AccountabilityLedger restored =
        AccountabilityLedger.restore(
            EscalationLadder.DEFAULT, first.counters(), Set.of("i1", "i2"));
    assertEquals(List.of(), restored.record(lateSign("i2", "2026-03-03T02:00:00Z")));
    assertEquals(3, restored.record(lateSign("i3", "2026-03-04T02:00:00Z")).size());
  }

  @Test
  @DisplayName("deterministic: the same incidents give the same actions")
  void deterministic() {
    List<Incident> in = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      in.add(lateSign("i" + i, "2026-03-0" + (i + 1) + "T02:00:00Z"));
    }
    List<AccountabilityAction> a = new ArrayList<>();
    List<AccountabilityAction> b = new ArrayList<>();
    AccountabilityLedger l1 = new AccountabilityLedger();
    AccountabilityLedger l2 = new AccountabilityLedger();
    in.forEach(x -> a.addAll(l1.record(x)));
    in.forEach(x -> b.addAll(l2.record(x)));
    assertEquals(a, b);
  }

  @Test
  @DisplayName("ladder validation")
  void ladderValidation() {
    assertThrows(IllegalArgumentException.class, () -> new EscalationLadder(List.of(), 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EscalationLadder(
                List.of(
                    new EscalationLadder.Rung(5, AccountabilityLevel.PERSON_RESPONSIBLE),
                    new EscalationLadder.Rung(3, AccountabilityLevel.UNIT_HEAD)),
                0));
    EscalationLadder noRepeat =
        new EscalationLadder(
            List.of(new EscalationLadder.Rung(3, AccountabilityLevel.PERSON_RESPONSIBLE)), 0);
    assertTrue(noRepeat.levelAt(3).isPresent());
    assertTrue(noRepeat.levelAt(6).isEmpty());
  }
}
