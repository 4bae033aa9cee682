package cn.szcg.assessment.domain;

import static cn.szcg.assessment.domain.Figures.Counter.*;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** the counter record and its cells. */
class FiguresTest {

  @Test
  @DisplayName("plus is associative and commutative with ZERO as identity")
  void monoid() {
    Figures a = Fig.of(RECEIVED, 3, HANDLED, 1, HANDLED_ON_TIME, 1);
    Figures b = Fig.of(EXPIRED_UNHANDLED, 2, SATISFIED, 4);
    Figures c = Fig.of(EXPIRED_UNHANDLED, -1, OVERDUE_HANDLING, 1, HANDLED, 1);
    assertEquals(a.plus(b).plus(c), a.plus(b.plus(c)));
    assertEquals(a.plus(b), b.plus(a));
    assertEquals(a, a.plus(Figures.ZERO));
    assertEquals(a, Figures.ZERO.plus(a));
  }

  @Test
  @DisplayName("apply(f, e) = f + delta(e)")
  void applyIsPlusDelta() {
    OrderRef ref =
        new OrderRef("o1", "c1", "U1", null, null, Instant.parse("2026-03-01T00:00:00Z"));
    FactEvent e =
        new FactEvent.Handled("f1", ref, Instant.parse("2026-03-02T00:00:00Z"), true, 1, false);
    Figures f = Fig.of(RECEIVED, 1);
    assertEquals(f.plus(e.delta()), Figures.apply(f, e));
    assertEquals(
        Fig.of(RECEIVED, 1, HANDLED, 1, HANDLED_ON_TIME, 1, CHECKED, 1), Figures.apply(f, e));
  }

  @Test
  @DisplayName(
      "cohort by receipt: an order received 2026-03-31T16:30Z (April in Shanghai) counts in April")
  void cellsByReceiptInShanghai() {
    OrderRef ref =
        new OrderRef("o1", "c1", "U1", "0101", "350124101", Instant.parse("2026-03-31T16:30:00Z"));
    FiguresBook book = new FiguresBook();
    book.apply(new FactEvent.OrderReceived("f1", ref, ref.receivedAt()));
    book.apply(
        new FactEvent.Handled("f2", ref, Instant.parse("2026-05-03T02:00:00Z"), false, 1, false));

    Figures april = book.get(FiguresKey.total("U1", Period.month(2026, 4)));
    assertEquals(1, april.received());
    assertEquals(1, april.handled(), "handled in May, counted with the April cohort");
    assertEquals(Figures.ZERO, book.get(FiguresKey.total("U1", Period.month(2026, 3))));
    assertEquals(Figures.ZERO, book.get(FiguresKey.total("U1", Period.month(2026, 5))));
    assertEquals(april, book.get(FiguresKey.total("U1", Period.year(2026))));
    assertEquals(april, book.get(new FiguresKey("U1", Period.month(2026, 4), "0101", "*")));
    assertEquals(april, book.get(new FiguresKey("U1", Period.month(2026, 4), "*", "350124101")));
    assertEquals(april, book.get(new FiguresKey("U1", Period.month(2026, 4), "0101", "350124101")));
    assertEquals(8, book.cells().size());
  }

  @Test
  @DisplayName("the book is idempotent on fact id")
  void idempotent() {
    OrderRef ref =
        new OrderRef("o1", "c1", "U1", null, null, Instant.parse("2026-03-05T00:00:00Z"));
    FiguresBook book = new FiguresBook();
    assertTrue(book.apply(new FactEvent.OrderReceived("f1", ref, ref.receivedAt())));
    assertFalse(book.apply(new FactEvent.OrderReceived("f1", ref, ref.receivedAt())));
    assertEquals(1, book.get(FiguresKey.total("U1", Period.month(2026, 3))).received());
    assertEquals(2, book.cells().size(), "month and year, no category or township cells");
  }

  @Test
  @DisplayName("a book keyed by the handling person gives staff figures")
  void staffBook() {
    OrderRef ref =
        new OrderRef("o1", "c1", "U1", null, null, Instant.parse("2026-03-05T00:00:00Z"));
    FiguresBook byPerson = new FiguresBook(r -> "P-" + r.unitId());
    byPerson.apply(new FactEvent.OrderReceived("f1", ref, ref.receivedAt()));
    assertEquals(1, byPerson.get(FiguresKey.total("P-U1", Period.month(2026, 3))).received());
  }

  @Test
  @DisplayName("inconsistencies name double-booked counts")
  void inconsistencies() {
    assertEquals(java.util.List.of(), Figures.ZERO.inconsistencies());
    assertTrue(
        Fig.of(HANDLED, 2, HANDLED_ON_TIME, 1).inconsistencies().contains("handled > toHandle"));
    assertTrue(Fig.of(EXPIRED_UNHANDLED, -1).inconsistencies().contains("EXPIRED_UNHANDLED < 0"));
  }

  @Test
  @DisplayName("Shanghai periods: month and year start at local midnight")
  void periods() {
    assertEquals(Period.month(2026, 4), Period.monthOf(Instant.parse("2026-03-31T16:30:00Z")));
    assertEquals(Period.month(2026, 3), Period.monthOf(Instant.parse("2026-03-31T15:59:59Z")));
    assertEquals(Period.year(2026), Period.yearOf(Instant.parse("2025-12-31T16:00:00Z")));
    assertEquals(Instant.parse("2026-03-31T16:00:00Z"), Period.month(2026, 4).start());
    assertEquals(Instant.parse("2026-12-31T16:00:00Z"), Period.year(2026).end());
    assertTrue(Period.month(2026, 4).contains(Instant.parse("2026-03-31T16:00:00Z")));
    assertFalse(Period.month(2026, 4).contains(Instant.parse("2026-04-30T16:00:00Z")));
    assertEquals("2026-04", Period.month(2026, 4).toString());
  }
}
