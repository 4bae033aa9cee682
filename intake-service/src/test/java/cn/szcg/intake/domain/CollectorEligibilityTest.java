package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R-09 (Art 16, 20): only trained, active collectors of a contracted unit may report. */
class CollectorEligibilityTest {

  static final CollectionUnit UNIT =
      new CollectionUnit(
          "unit-1", "闽清城管采集公司", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), false);
  static final Certificate CERT =
      new Certificate("MQ-PX-0007", LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31));
  static final Collector ALICE = new Collector("c-1", "林小红", "unit-1", CERT, false);
  static final Instant MARCH = Instant.parse("2026-03-02T02:00:00Z");

  private static Eligibility check(Collector c, CollectionUnit u, Instant at) {
    return CollectorEligibility.eligibility(c, u, at);
  }

  @Test
  void aCertifiedActiveCollectorOfAContractedUnitMayReport() {
    Eligibility e = check(ALICE, UNIT, MARCH);
    assertTrue(e.allowed());
    assertNull(e.reason());
  }

  @Test
  void anUncertifiedCollectorIsRefused() {
    Eligibility e = check(new Collector("c-2", "王五", "unit-1", null, false), UNIT, MARCH);
    assertFalse(e.allowed());
    assertEquals(Eligibility.Reason.UNCERTIFIED, e.reason());
    assertTrue(e.message().zh().contains("培训合格证"), e.message().zh());
    assertTrue(e.message().en().contains("training"), e.message().en());
  }

  @Test
  void certificateValidityIsInclusiveByShanghaiCalendarDay() {
    // 2026-01-31T16:30Z is already 1 February 00:30 in Minqing: first valid day
    assertTrue(check(ALICE, UNIT, Instant.parse("2026-01-31T16:30:00Z")).allowed());
    assertEquals(
        Eligibility.Reason.CERTIFICATE_NOT_YET_VALID,
        check(ALICE, UNIT, Instant.parse("2026-01-31T15:59:00Z")).reason());
    CollectionUnit longContract =
        new CollectionUnit("unit-1", "闽清城管采集公司", LocalDate.of(2026, 1, 1), null, false);
    // last valid day 2027-01-31 (Shanghai) ends at 2027-01-31T16:00Z
    assertTrue(check(ALICE, longContract, Instant.parse("2027-01-31T15:59:59Z")).allowed());
    Eligibility expired = check(ALICE, longContract, Instant.parse("2027-01-31T16:00:00Z"));
    assertEquals(Eligibility.Reason.CERTIFICATE_EXPIRED, expired.reason());
    assertTrue(expired.message().zh().contains("过期"));
  }

  @Test
  void aDeactivatedCollectorIsRefusedWhateverElseHolds() {
    Collector stopped = new Collector("c-1", "林小红", "unit-1", CERT, true);
    Eligibility e = check(stopped, UNIT, MARCH);
    assertEquals(Eligibility.Reason.DEACTIVATED, e.reason());
    assertTrue(e.message().zh().contains("停用"));
  }

  @Test
  void theUnitContractMustBeActive() {
    assertEquals(
        Eligibility.Reason.UNIT_CONTRACT_ENDED,
        check(ALICE, UNIT, Instant.parse("2026-12-31T16:00:00Z")).reason());
    CollectionUnit terminated =
        new CollectionUnit("unit-1", "闽清城管采集公司", LocalDate.of(2026, 1, 1), null, true);
    assertEquals(Eligibility.Reason.UNIT_CONTRACT_ENDED, check(ALICE, terminated, MARCH).reason());
    CollectionUnit future =
        new CollectionUnit("unit-1", "闽清城管采集公司", LocalDate.of(2026, 6, 1), null, false);
    assertEquals(
        Eligibility.Reason.UNIT_CONTRACT_NOT_STARTED, check(ALICE, future, MARCH).reason());
  }

  @Test
  void theCollectorMustBelongToTheUnit() {
    CollectionUnit other =
        new CollectionUnit("unit-2", "另一公司", LocalDate.of(2026, 1, 1), null, false);
    assertEquals(Eligibility.Reason.UNIT_MISMATCH, check(ALICE, other, MARCH).reason());
    assertEquals(Eligibility.Reason.UNIT_MISMATCH, check(ALICE, null, MARCH).reason());
  }

  @Test
  void inconsistentDatesAreRefusedAtConstruction() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Certificate("x", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CollectionUnit(
                "u", "u", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1), false));
  }
}
