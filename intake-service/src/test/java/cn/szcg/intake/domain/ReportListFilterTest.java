package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 受理台 list filters by township, community and category (issue 17; ). */
class ReportListFilterTest {

  @Test
  void wellFormedCodesOfThisCountyPass() {
    ReportListFilter f = ReportListFilter.of(" 350124100 ", "350124100001", "E-0101");
    assertEquals("350124100", f.townshipCode());
    assertEquals("350124100001", f.communityCode());
    assertEquals("E-0101", f.categoryCode());
  }

  @Test
  void blankMeansNoFilter() {
    ReportListFilter f = ReportListFilter.of(null, "", "  ");
    assertNull(f.townshipCode());
    assertNull(f.communityCode());
    assertNull(f.categoryCode());
  }

  @Test
  void aTownshipHasNineDigitsOfThisCounty() {
    assertTrue(refused("3501241", null, null).has("townshipCode", "bad_format"));
    assertTrue(refused("35012410a", null, null).has("townshipCode", "bad_format"));
    assertTrue(refused("350100100", null, null).has("townshipCode", "other_county"));
  }

  @Test
  void aCommunityHasTwelveDigitsAndLiesInTheChosenTownship() {
    assertTrue(refused(null, "350124100", null).has("communityCode", "bad_format"));
    assertTrue(refused(null, "440124100001", null).has("communityCode", "other_county"));
    assertTrue(refused("350124101", "350124100001", null).has("communityCode", "not_in_township"));
    // a community alone is fine
    assertEquals("350124100001", ReportListFilter.of(null, "350124100001", null).communityCode());
  }

  @Test
  void aCategoryIsAFilingStandardCode() {
    assertTrue(refused(null, null, "E0101").has("categoryCode", "bad_format"));
    assertTrue(refused(null, null, "E-01").has("categoryCode", "bad_format"));
    assertTrue(refused(null, null, "X-0101").has("categoryCode", "bad_format"));
    assertEquals("C-0117", ReportListFilter.of(null, null, "C-0117").categoryCode());
  }

  @Test
  void everyBadParameterIsNamedAtOnce() {
    DomainValidationException e = refused("1", "2", "3");
    assertEquals(3, e.violations().size());
  }

  private static DomainValidationException refused(String t, String c, String k) {
    return assertThrows(DomainValidationException.class, () -> ReportListFilter.of(t, c, k));
  }
}
