package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-24(2): a passed check counts as handled on time or late by the handling clock's
 * verdict, whichever of the two arrives first; an expired order counts late at once.
 */
class PendingPassTest {
  static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");
  static final OrderTrack TRACK =
      OrderTrack.received("o1:received", new OrderRef("o1", "C1", "U1", "0101", "350124101", T0))
          .next();

  @Test
  @DisplayName("an expired order (过期) counts late at once, whatever the clock says later")
  void expiredCountsLateAtOnce() {
    assertEquals(Optional.of(false), PendingPass.onTimeNow(true, null));
    assertEquals(Optional.of(false), PendingPass.onTimeNow(true, true));
  }

  @Test
  @DisplayName("with the handling clock's verdict known, the pass counts by it")
  void verdictDecides() {
    assertEquals(Optional.of(true), PendingPass.onTimeNow(false, true));
    assertEquals(Optional.of(false), PendingPass.onTimeNow(false, false));
  }

  @Test
  @DisplayName("without a verdict the pass waits (nothing counts yet)")
  void noVerdictWaits() {
    assertEquals(Optional.empty(), PendingPass.onTimeNow(false, null));
  }

  @Test
  @DisplayName("decided: the unit's order is handled (已处置), a sub-order is a sub-order handled")
  void decideBooksTheWaitingFact() {
    PendingPass p = new PendingPass("o1", T0.plusSeconds(7200), "e9:handled");
    OrderTrack.Step unit = p.decide(TRACK, false, false);
    FactEvent.Handled h = assertInstanceOf(FactEvent.Handled.class, unit.facts().get(0));
    assertEquals("e9:handled", h.factId());
    assertEquals(T0.plusSeconds(7200), h.at());
    assertEquals(false, h.onTime());
    assertEquals(true, unit.next().accepted());

    OrderTrack.Step sub = p.decide(TRACK, true, true);
    FactEvent.SubOrderHandled s =
        assertInstanceOf(FactEvent.SubOrderHandled.class, sub.facts().get(0));
    assertEquals("e9:handled", s.factId());
    assertEquals(true, s.onTime());
  }
}
