package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-13..R-16, R-24(2): how an order's life moves it between the classes of the unit figures. */
class OrderTrackTest {
  static final Instant T0 = Instant.parse("2026-03-10T01:00:00Z");

  /** Drives an order through steps and collects its facts. */
  static final class Life {
    OrderTrack track;
    final List<FactEvent> facts = new ArrayList<>();
    int n;

    Life(String orderId) {
      take(
          OrderTrack.received(
              orderId + ":received",
              new OrderRef(orderId, "C-" + orderId, "U1", "0101", "350124101", T0)));
    }

    private Life take(OrderTrack.Step step) {
      track = step.next();
      facts.addAll(step.facts());
      return this;
    }

    private String id() {
      return track.ref().orderId() + ":" + (++n);
    }

    private Instant t() {
      return T0.plusSeconds(3600L * n);
    }

    Life signed(boolean onTime) {
      return take(track.signedFor(id(), t(), onTime));
    }

    Life expired() {
      return take(track.expired(id(), t()));
    }

    Life fail() {
      return take(track.checkFailed(id(), t()));
    }

    Life pass(boolean onTime) {
      return take(track.handled(id(), t(), onTime));
    }

    Life extend() {
      return take(track.extensionGranted(id(), t()));
    }

    Life returnApproved() {
      take(track.returnRequested(id(), t()));
      return take(track.returnApproved(id(), t()));
    }

    Figures figures() {
      Figures f = Figures.recompute(facts);
      assertEquals(List.of(), f.inconsistencies());
      return f;
    }
  }

  @Test
  @DisplayName("handled on time: 应处置 1, 已处置 1, 按期处置 1, 应结案 1")
  void onTime() {
    Figures f = new Life("o1").signed(true).pass(true).figures();
    assertEquals(1, f.received());
    assertEquals(1, f.signedOnTime());
    assertEquals(1, f.toHandle());
    assertEquals(1, f.handled());
    assertEquals(1, f.handledOnTime());
    assertEquals(1, f.checked());
    assertEquals(0, f.overdueHandling());
  }

  @Test
  @DisplayName("pending within the limit: received, not yet due (应处置 0)")
  void pending() {
    Figures f = new Life("o1").signed(false).figures();
    assertEquals(0, f.toHandle());
    assertEquals(1, f.pending());
    assertEquals(1, f.signedLate());
  }

  @Test
  @DisplayName("expired, not handled: 过期未处置 1 and due; then handled late: moves to 逾期处置")
  void expiredThenLate() {
    Life life = new Life("o1").signed(true).expired();
    Figures f = life.figures();
    assertEquals(1, f.expiredUnhandled());
    assertEquals(1, f.toHandle());
    assertEquals(0, f.handled());

    f = life.expired().pass(false).figures(); // a second breach is ignored
    assertEquals(0, f.expiredUnhandled());
    assertEquals(1, f.overdueHandling());
    assertEquals(1, f.handled());
    assertEquals(0, f.handledOnTime());
    assertEquals(1, f.toHandle(), "one order is counted once");
  }

  @Test
  @DisplayName("finished late without a prior breach fact: 逾期处置 1")
  void lateWithoutBreach() {
    Figures f = new Life("o1").pass(false).figures();
    assertEquals(1, f.overdueHandling());
    assertEquals(1, f.handled());
  }

  @Test
  @DisplayName("one failed check then passed in time: 返工 1, still 按期处置 (Art 24)")
  void reworkedOnceOnTime() {
    Figures f = new Life("o1").fail().pass(true).figures();
    assertEquals(1, f.reworked());
    assertEquals(1, f.checked());
    assertEquals(1, f.checksFailed());
    assertEquals(1, f.handledOnTime());
    assertEquals(0, f.overdueHandling());
  }

  @Test
  @DisplayName("two failed checks: 逾期处置 at the second failure, once, even if later passed")
  void failedTwice() {
    Life life = new Life("o1").fail().fail();
    Figures f = life.figures();
    assertEquals(1, f.overdueHandling());
    assertEquals(1, f.toHandle());
    assertEquals(0, f.handled());
    f = life.expired().fail().pass(true).figures(); // breach after two failures adds nothing
    assertEquals(1, f.overdueHandling());
    assertEquals(0, f.expiredUnhandled());
    assertEquals(0, f.handledOnTime());
    assertEquals(1, f.handled());
    assertEquals(3, f.checksFailed());
    assertEquals(1, f.reworked(), "返工 counts orders, not failed checks");
  }

  @Test
  @DisplayName("expired, then the second failed check: moves from 过期未处置 to 逾期处置")
  void expiredThenFailedTwice() {
    Figures f = new Life("o1").fail().expired().fail().figures();
    assertEquals(0, f.expiredUnhandled());
    assertEquals(1, f.overdueHandling());
    assertEquals(1, f.toHandle());
  }

  @Test
  @DisplayName("a returned order leaves the unit: 应办 0; later breaches are ignored")
  void returned() {
    Figures f = new Life("o1").signed(true).returnApproved().expired().figures();
    assertEquals(1, f.returnsRequested());
    assertEquals(1, f.returnsApproved());
    assertEquals(0, f.assigned());
    assertEquals(0, f.toHandle());
  }

  @Test
  @DisplayName("extensions: 延期件 counts the order once, 延期次数 every grant")
  void extensions() {
    Figures f = new Life("o1").extend().extend().pass(true).figures();
    assertEquals(2, f.extensionsGranted());
    assertEquals(1, f.extendedOrders());
  }

  @Test
  @DisplayName("after acceptance, further checks and breaches book nothing")
  void acceptedIsFinal() {
    Life life = new Life("o1").pass(true);
    int before = life.facts.size();
    life.fail().expired().pass(false);
    assertEquals(before, life.facts.size());
  }

  @Test
  @DisplayName(
      "sub-orders (二级批办件) count for the department: received, signed, handled on time or late,"
          + " expired, returns asked / approved / refused — never 应结案 or 返工")
  void subOrders() {
    OrderRef d = new OrderRef("O1-S1", "c1", "DEPT", "0101", "350124101", T0.plusSeconds(600));
    // S1: signed late, return asked and refused, reported back on time
    OrderTrack s1 = OrderTrack.received("s1:r", d).next();
    List<FactEvent> facts = new ArrayList<>();
    facts.add(new FactEvent.OrderReceived("s1:r", d, d.receivedAt()));
    facts.addAll(s1.signedFor("s1:s", T0.plusSeconds(9000), false, 1).facts());
    facts.addAll(s1.returnRequested("s1:q", T0.plusSeconds(1200)).facts());
    facts.addAll(s1.returnRefused("s1:x", T0.plusSeconds(1500)).facts());
    OrderTrack.Step done = s1.subOrderHandled("s1:h", T0.plusSeconds(20000), true);
    facts.addAll(done.facts());
    // reported back twice (a replay with another id) counts once
    assertTrue(done.next().subOrderHandled("s1:h2", T0.plusSeconds(21000), true).facts().isEmpty());
    // S2: expired, then reported back late → 逾期处置, not 过期未处置
    OrderRef d2 = new OrderRef("O2-S1", "c2", "DEPT", "0101", null, T0);
    OrderTrack s2 = OrderTrack.received("s2:r", d2).next();
    facts.add(new FactEvent.OrderReceived("s2:r", d2, T0));
    OrderTrack.Step exp = s2.expired("s2:e", T0.plusSeconds(30000));
    facts.addAll(exp.facts());
    facts.addAll(exp.next().subOrderHandled("s2:h", T0.plusSeconds(40000), false).facts());
    // S3: expired, never reported back; S4: returned with approval
    OrderRef d3 = new OrderRef("O3-S1", "c3", "DEPT", null, null, T0);
    facts.add(new FactEvent.OrderReceived("s3:r", d3, T0));
    facts.addAll(OrderTrack.received("s3:r", d3).next().expired("s3:e", T0).facts());
    OrderRef d4 = new OrderRef("O4-S1", "c4", "DEPT", null, null, T0);
    facts.add(new FactEvent.OrderReceived("s4:r", d4, T0));
    OrderTrack s4 = OrderTrack.received("s4:r", d4).next();
    facts.addAll(s4.returnRequested("s4:q", T0).facts());
    OrderTrack.Step back = s4.returnApproved("s4:a", T0);
    facts.addAll(back.facts());
    assertTrue(back.next().returnRefused("s4:x", T0).facts().isEmpty());

    Figures f = Figures.recompute(facts);
    assertEquals(4, f.received());
    assertEquals(1, f.signedLate());
    assertEquals(2, f.returnsRequested());
    assertEquals(1, f.returnsApproved());
    assertEquals(1, f.returnsRefused());
    assertEquals(2, f.handled());
    assertEquals(1, f.handledOnTime());
    assertEquals(1, f.overdueHandling());
    assertEquals(1, f.expiredUnhandled());
    assertEquals(3, f.toHandle());
    assertEquals(3, f.assigned());
    assertEquals(0, f.checked());
    assertEquals(0, f.reworked());
    assertEquals(List.of(), f.inconsistencies());
  }
}
