package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.intake.infra.CatalogueJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** the filing standard is versioned; a case keeps the version it was filed under. */
class CatalogueHistoryTest {

  private final Catalogue v1 = CatalogueJson.loadDefault();
  private final CatalogueHistory history = CatalogueHistory.of(v1);
  private final Instant july = Instant.parse("2026-07-01T00:00:00Z");

  private CatalogueDraft garbageInTwoHours() {
    Category g = v1.require("E-0101").withHandlingLimit(new TimeLimit(2, LimitUnit.WORKING_HOURS));
    return v1.toDraft().withCategory(g);
  }

  @Test
  void anEditPublishesANewVersionAndLeavesTheOldOneUntouched() {
    CatalogueHistory next = history.publish(garbageInTwoHours(), july);
    assertEquals(2, next.latest().version());
    assertEquals(july, next.latest().effectiveFrom());
    assertEquals(
        new TimeLimit(2, LimitUnit.WORKING_HOURS), next.latest().require("E-0101").handlingLimit());
    // the old version is the very same object, still with 4 working hours
    assertSame(v1, next.version(1).orElseThrow());
    assertEquals(
        new TimeLimit(4, LimitUnit.WORKING_HOURS),
        next.version(1).orElseThrow().require("E-0101").handlingLimit());
    // and the original history object did not change
    assertEquals(1, history.versions().size());
  }

  @Test
  void theVersionInForceDependsOnTheInstant() {
    CatalogueHistory next = history.publish(garbageInTwoHours(), july);
    assertEquals(1, next.inForceAt(july.minusSeconds(1)).version());
    assertEquals(2, next.inForceAt(july).version());
    assertThrows(
        IllegalStateException.class, () -> next.inForceAt(Instant.parse("2020-01-01T00:00:00Z")));
  }

  @Test
  void aCaseFiledUnderVersionOneStillFindsItsLimitAfterAnEdit() {
    Instant filedAt = Instant.parse("2026-03-02T02:00:00Z");
    int keptVersion = history.inForceAt(filedAt).version();
    CatalogueHistory next = history.publish(garbageInTwoHours(), july);
    Catalogue filedUnder = next.version(keptVersion).orElseThrow();
    assertEquals(
        new TimeLimit(4, LimitUnit.WORKING_HOURS), filedUnder.require("E-0101").handlingLimit());
  }

  @Test
  void anInvalidEditIsRefusedWithFieldViolationsAndNothingIsPublished() {
    CatalogueDraft bad =
        v1.toDraft()
            .withCategory(
                v1.require("E-0101").withHandlingLimit(new TimeLimit(0, LimitUnit.WORKING_HOURS)));
    DomainValidationException e =
        assertThrows(DomainValidationException.class, () -> history.publish(bad, july));
    assertTrue(
        e.violations().stream()
            .anyMatch(
                v ->
                    v.field().endsWith(".handlingLimit.amount") && v.code().equals("not_positive")),
        e.getMessage());
    assertEquals(1, history.latest().version());
  }

  @Test
  void anEditCannotTakeEffectBeforeTheCurrentVersion() {
    DomainValidationException e =
        assertThrows(
            DomainValidationException.class,
            () -> history.publish(garbageInTwoHours(), Instant.parse("2025-01-01T00:00:00Z")));
    assertTrue(e.has("effectiveFrom", "before_current"));
  }

  @Test
  void removingACategoryInANewVersionKeepsItInTheOldOne() {
    CatalogueHistory next = history.publish(v1.toDraft().withoutCategory("E-0602"), july);
    assertTrue(next.version(1).orElseThrow().contains("E-0602"));
    assertTrue(!next.latest().contains("E-0602"));
    UnknownCategoryException e =
        assertThrows(UnknownCategoryException.class, () -> next.latest().require("E-0602"));
    assertEquals(2, e.catalogueVersion());
  }

  @Test
  void versionsMustBeContiguous() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CatalogueHistory(
                java.util.List.of(
                    new Catalogue(2, v1.effectiveFrom(), v1.majorClasses(), v1.categories()))));
  }
}
