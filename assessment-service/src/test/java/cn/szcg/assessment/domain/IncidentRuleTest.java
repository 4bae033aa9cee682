package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** facts that are Art 33 incidents, counted once per failure. */
class IncidentRuleTest {
  static final OrderRef REF =
      new OrderRef("o1", "c1", "U1", null, null, Instant.parse("2026-03-01T02:00:00Z"));
  static final Instant T = Instant.parse("2026-03-05T02:00:00Z");

  static Optional<Incident> of(FactEvent f) {
    return IncidentRule.incidentFor(f, new UnitContacts(null, null, null));
  }

  @Test
  @DisplayName("late sign-for, expiry, late handling, second failed check, first failed check")
  void kinds() {
    assertTrue(of(new FactEvent.SignedFor("f", REF, T, true, 1)).isEmpty());
    assertEquals(
        "o1:LATE_SIGN_FOR:1",
        of(new FactEvent.SignedFor("f", REF, T, false, 1)).get().incidentId());
    assertEquals(
        IncidentKind.OVERDUE_OR_EXPIRED_HANDLING,
        of(new FactEvent.Expired("f", REF, T, 0)).get().kind());
    assertTrue(of(new FactEvent.Expired("f", REF, T, 2)).isEmpty());
    assertTrue(of(new FactEvent.Handled("f", REF, T, true, 1, false)).isEmpty());
    assertEquals(
        "o1:OVERDUE_OR_EXPIRED_HANDLING",
        of(new FactEvent.Handled("f", REF, T, false, 2, true)).get().incidentId());
    assertTrue(of(new FactEvent.Handled("f", REF, T, false, 3, false)).isEmpty());
    assertEquals(
        "o1:OVERDUE_OR_EXPIRED_HANDLING",
        of(new FactEvent.CheckFailed("f", REF, T, 2, false)).get().incidentId());
    Incident first = of(new FactEvent.CheckFailed("f", REF, T, 1, false)).get();
    assertEquals(IncidentKind.NOT_TO_STANDARD, first.kind());
    assertEquals("o1:NOT_TO_STANDARD:1", first.incidentId());
    assertEquals("c1", first.caseId());
    assertEquals(T, first.occurredAt());
  }

  @Test
  @DisplayName(
      "late sign-for: the clock breach and the late SignedFor of one round count once;"
          + " a re-dispatch after a failed check is a new round")
  void lateSignForRounds() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    UnitContacts none = new UnitContacts(null, null, null);
    OrderTrack track = OrderTrack.received("r", REF).next();
    assertEquals(1, ledger.record(IncidentRule.lateSignFor(track, T, none)).size());
    FactEvent late = track.signedFor("s1", T.plusSeconds(600), false).facts().get(0);
    assertEquals(List.of(), ledger.record(of(late).orElseThrow()), "same round: already counted");
    track = track.checkFailed("f1", T.plusSeconds(7200)).next();
    FactEvent lateAgain = track.signedFor("s2", T.plusSeconds(9000), false).facts().get(0);
    Incident second = of(lateAgain).orElseThrow();
    assertEquals("o1:LATE_SIGN_FOR:2", second.incidentId());
    assertEquals(1, ledger.record(second).size());
    assertEquals(2, ledger.count("U1", IncidentKind.LATE_SIGN_FOR, YearMonth.of(2026, 3)));
  }

  @Test
  @DisplayName("expiry then late handling of one order: one incident, one center notice")
  void expiryThenLateCountsOnce() {
    AccountabilityLedger ledger = new AccountabilityLedger();
    int notices = 0;
    for (FactEvent f :
        List.of(
            new FactEvent.Expired("f1", REF, T, 0),
            new FactEvent.Handled("f2", REF, T.plusSeconds(86400), false, 1, true))) {
      notices += ledger.record(of(f).orElseThrow()).size();
    }
    assertEquals(1, notices);
    assertEquals(
        1, ledger.count("U1", IncidentKind.OVERDUE_OR_EXPIRED_HANDLING, YearMonth.of(2026, 3)));
  }

  @Test
  @DisplayName(
      "a department's late sign-for and late or expired sub-order are its own Art 33 incidents")
  void subOrders() {
    OrderRef sub =
        new OrderRef("o1-S1", "c1", "DEPT", null, null, Instant.parse("2026-03-01T03:00:00Z"));
    Incident late = of(new FactEvent.SignedFor("f", sub, T, false, 1)).get();
    assertEquals("o1-S1:LATE_SIGN_FOR:1", late.incidentId());
    assertEquals("DEPT", late.unitId());
    assertTrue(of(new FactEvent.SubOrderHandled("f", sub, T, true, false)).isEmpty());
    Incident overdue = of(new FactEvent.SubOrderHandled("f", sub, T, false, false)).get();
    assertEquals("o1-S1:OVERDUE_OR_EXPIRED_HANDLING", overdue.incidentId());
    assertEquals(IncidentKind.OVERDUE_OR_EXPIRED_HANDLING, overdue.kind());
    assertEquals("DEPT", overdue.unitId());
    // expired, then reported back: the same incident id, so it counts once
    assertEquals(
        overdue.incidentId(),
        of(new FactEvent.SubOrderHandled("f", sub, T, true, true)).get().incidentId());
    assertEquals(
        overdue.incidentId(), of(new FactEvent.Expired("f", sub, T, 0)).get().incidentId());
  }
}
