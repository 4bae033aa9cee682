package cn.szcg.dispatch.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The map's case-layer query: bounded box, states (open by default), limit. */
class CaseMapQueryTest {

  @Test
  void defaultsAreEveryOpenStateAndTwoThousandCases() {
    CaseMapQuery q = CaseMapQuery.parse("118.3,25.9,119.2,26.6", null, null);
    assertEquals(118.3, q.minLon());
    assertEquals(26.6, q.maxLat());
    assertEquals(CaseMapQuery.DEFAULT_LIMIT, q.limit());
    assertTrue(q.states().contains(CaseState.AWAITING_DISPATCH));
    assertTrue(q.states().contains(CaseState.SUSPENDED));
    assertFalse(q.states().contains(CaseState.CLOSED));
    assertFalse(q.states().contains(CaseState.CANCELLED));
    assertFalse(q.states().contains(CaseState.TRANSFERRED_TO_LAW_ENFORCEMENT));
  }

  @Test
  void statesAndLimitAreParsed() {
    CaseMapQuery q = CaseMapQuery.parse("118.8,26.1,118.9,26.2", "CLOSED, DISPATCHED", "10");
    assertEquals(Set.of(CaseState.CLOSED, CaseState.DISPATCHED), q.states());
    assertEquals(10, q.limit());
  }

  @Test
  void everyBadValueNamesItsField() {
    assertField("bbox", () -> CaseMapQuery.parse(" ", null, null));
    assertField("bbox", () -> CaseMapQuery.parse("1,2,3", null, null));
    assertField("bbox", () -> CaseMapQuery.parse("118.9,26.1,118.8,26.2", null, null));
    assertField("bbox", () -> CaseMapQuery.parse("118,26,200,27", null, null));
    assertField("bbox", () -> CaseMapQuery.parse("110,20,119,26", null, null));
    assertField("state", () -> CaseMapQuery.parse("118.8,26.1,118.9,26.2", "OPEN", null));
    assertField("limit", () -> CaseMapQuery.parse("118.8,26.1,118.9,26.2", null, "0"));
    assertField("limit", () -> CaseMapQuery.parse("118.8,26.1,118.9,26.2", null, "5001"));
    assertField("limit", () -> CaseMapQuery.parse("118.8,26.1,118.9,26.2", null, "x"));
  }

  private static void assertField(String field, Runnable r) {
    CaseMapQuery.Invalid e = assertThrows(CaseMapQuery.Invalid.class, r::run);
    assertEquals(field, e.field());
    assertTrue(e.getMessage().contains(" / "), "中文 / English: " + e.getMessage());
  }
}
