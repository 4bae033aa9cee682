package cn.szcg.assessment.domain;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Property: for a generated month of order lives (seeded Random), figures maintained incrementally
 * equal figures recomputed from the full history — in another order, and in merged partitions — and
 * equal the classes of a straightforward model of each order's outcome.
 */
class FiguresPropertyTest {
  static final String[] UNITS = {"U1", "U2", "U3", "U4", "U5"};
  static final String[] CATEGORIES = {"0101", "0203", "0507"};
  static final String[] TOWNS = {"350124100", "350124101", "350124102"};

  /** The intended outcome of one order, computed directly from its simulated life. */
  record Model(
      String unit,
      boolean returned,
      boolean accepted,
      boolean overdue,
      boolean onTime,
      boolean expiredOpen,
      boolean extended,
      int failed,
      boolean checked) {}

  @Test
  @DisplayName("incremental application equals recomputation, for 20 seeds × 400 orders")
  void incrementalEqualsRecompute() {
    for (long seed = 1; seed <= 20; seed++) {
      run(new Random(seed));
    }
  }

  private void run(Random rnd) {
    List<FactEvent> facts = new ArrayList<>();
    List<Model> models = new ArrayList<>();
    Instant monthStart = Period.month(2026, 3).start();
    for (int i = 0; i < 400; i++) {
      String unit = UNITS[rnd.nextInt(UNITS.length)];
      Instant received = monthStart.plusSeconds(rnd.nextInt(31 * 24 * 3600));
      OrderRef ref =
          new OrderRef(
              "o" + i,
              "c" + i,
              unit,
              CATEGORIES[rnd.nextInt(3)],
              rnd.nextInt(5) == 0 ? null : TOWNS[rnd.nextInt(3)],
              received);
      models.add(simulate(rnd, ref, facts));
    }

    // incremental, in the order the facts happened
    FiguresBook incremental = new FiguresBook();
    facts.forEach(incremental::apply);
    // a replayed duplicate changes nothing
    facts.subList(0, 50).forEach(incremental::apply);

    // recomputed from a shuffled history
    List<FactEvent> shuffled = new ArrayList<>(facts);
    Collections.shuffle(shuffled, rnd);
    FiguresBook recomputed = FiguresBook.recompute(shuffled);
    assertEquals(incremental.cells(), recomputed.cells());

    // recomputed per partition, then merged with plus
    Map<FiguresKey, Figures> merged = new HashMap<>();
    for (int p = 0; p < 4; p++) {
      FiguresBook part = new FiguresBook();
      for (int k = p; k < shuffled.size(); k += 4) {
        part.apply(shuffled.get(k));
      }
      part.cells().forEach((key, f) -> merged.merge(key, f, Figures::plus));
    }
    assertEquals(incremental.cells(), new java.util.TreeMap<>(merged));

    // every cell is consistent and every rate within [0, 1]
    for (Map.Entry<FiguresKey, Figures> e : incremental.cells().entrySet()) {
      assertEquals(List.of(), e.getValue().inconsistencies(), e.getKey().toString());
      for (UnitIndicator ind : UnitIndicator.values()) {
        assertTrue(ind.of(e.getValue()).consistent(), e.getKey() + " " + ind);
      }
      Score s = UnitScoring.defaults().score(e.getValue());
      if (s.graded()) {
        assertTrue(
            s.value().signum() >= 0 && s.value().compareTo(new java.math.BigDecimal("100")) <= 0);
      }
    }

    // the figures equal the model of each order's outcome
    for (String unit : UNITS) {
      Figures f = incremental.get(FiguresKey.total(unit, Period.month(2026, 3)));
      List<Model> mine = models.stream().filter(m -> m.unit().equals(unit)).toList();
      assertEquals(mine.size(), f.received());
      assertEquals(mine.stream().filter(Model::returned).count(), f.returnsApproved());
      List<Model> kept = mine.stream().filter(m -> !m.returned()).toList();
      assertEquals(kept.stream().filter(Model::accepted).count(), f.handled(), unit);
      assertEquals(kept.stream().filter(Model::onTime).count(), f.handledOnTime(), unit);
      assertEquals(kept.stream().filter(Model::overdue).count(), f.overdueHandling(), unit);
      assertEquals(kept.stream().filter(Model::expiredOpen).count(), f.expiredUnhandled(), unit);
      assertEquals(kept.stream().filter(Model::checked).count(), f.checked(), unit);
      assertEquals(kept.stream().filter(m -> m.failed() >= 1).count(), f.reworked(), unit);
      assertEquals(mine.stream().filter(Model::extended).count(), f.extendedOrders(), unit);
      assertEquals(f, incremental.get(FiguresKey.total(unit, Period.year(2026))));
    }
    // the year is the sum of the months (only March here) and of the units
    Figures county = Figures.ZERO;
    for (String unit : UNITS) {
      county = county.plus(incremental.get(FiguresKey.total(unit, Period.year(2026))));
    }
    assertEquals(400, county.received());
  }

  private static Model simulate(Random rnd, OrderRef ref, List<FactEvent> out) {
    int[] n = {0};
    Instant[] t = {ref.receivedAt()};
    java.util.function.Supplier<String> id = () -> ref.orderId() + ":" + (++n[0]);
    java.util.function.Supplier<Instant> at =
        () -> t[0] = t[0].plusSeconds(600 + rnd.nextInt(7200));
    OrderTrack.Step s = OrderTrack.received(ref.orderId() + ":received", ref);
    OrderTrack tr = s.next();
    out.addAll(s.facts());

    s = tr.signedFor(id.get(), at.get(), rnd.nextInt(10) < 8);
    tr = s.next();
    out.addAll(s.facts());
    if (rnd.nextInt(10) == 0) {
      s = tr.returnRequested(id.get(), at.get());
      tr = s.next();
      out.addAll(s.facts());
      if (rnd.nextBoolean()) {
        s = tr.returnApproved(id.get(), at.get());
        tr = s.next();
        out.addAll(s.facts());
        // noise after the return: ignored
        out.addAll(tr.expired(id.get(), at.get()).facts());
        return new Model(ref.unitId(), true, false, false, false, false, false, 0, false);
      }
    }
    boolean extended = false;
    if (rnd.nextInt(8) == 0) {
      extended = true;
      int grants = 1 + rnd.nextInt(2);
      for (int g = 0; g < grants; g++) {
        s = tr.extensionGranted(id.get(), at.get());
        tr = s.next();
        out.addAll(s.facts());
      }
    }
    boolean expired = false;
    boolean expiredOpen = false;
    boolean accepted = false;
    boolean overdue = false;
    boolean onTime = false;
    int failed = 0;
    boolean checked = false;
    int rounds = 1 + rnd.nextInt(4);
    for (int r = 0; r < rounds && !accepted; r++) {
      if (rnd.nextInt(5) == 0) {
        s = tr.expired(id.get(), at.get());
        if (!expired && failed < 2) {
          assertEquals(1, s.facts().size());
          expired = true;
          expiredOpen = true;
        } else {
          assertEquals(0, s.facts().size());
        }
        tr = s.next();
        out.addAll(s.facts());
      }
      if (rnd.nextInt(6) == 0) {
        break; // still open at the end of the simulation
      }
      boolean pass = rnd.nextInt(10) < 6;
      if (pass) {
        boolean finishedOnTime = !expired && rnd.nextInt(10) < 8;
        s = tr.handled(id.get(), at.get(), finishedOnTime);
        accepted = true;
        checked = true;
        if (failed < 2) {
          expiredOpen = false;
          if (expired || !finishedOnTime) {
            overdue = true;
          } else {
            onTime = true;
          }
        }
      } else {
        s = tr.checkFailed(id.get(), at.get());
        failed++;
        checked = true;
        if (failed == 2) {
          overdue = true;
          expiredOpen = false;
        }
      }
      tr = s.next();
      out.addAll(s.facts());
    }
    if (accepted && rnd.nextInt(10) < 6) {
      Satisfaction level = Satisfaction.values()[rnd.nextInt(3)];
      out.addAll(tr.satisfaction(id.get(), at.get(), level).facts());
    }
    // noise: a late breach counts only for an order neither accepted, expired nor overdue
    s = tr.expired(id.get(), at.get());
    boolean counts = !accepted && !expired && failed < 2;
    assertEquals(counts ? 1 : 0, s.facts().size());
    if (counts) {
      expiredOpen = true;
    }
    out.addAll(s.facts());
    return new Model(
        ref.unitId(), false, accepted, overdue, onTime, expiredOpen, extended, failed, checked);
  }
}
