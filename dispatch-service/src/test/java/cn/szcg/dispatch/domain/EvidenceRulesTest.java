package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who may add evidence photos, and which photos a step accepts (R-10, R-14, R-15;
 * docs/evidence.md).
 */
class EvidenceRulesTest {

  static EvidenceRules.Target allowed(DispatchCase c, PhotoPurpose p, Actor a) {
    EvidenceRules.UploadDecision d = EvidenceRules.upload(c, p, a);
    assertInstanceOf(EvidenceRules.Allowed.class, d, () -> d.toString());
    return ((EvidenceRules.Allowed) d).target();
  }

  static EvidenceRules.UploadRefusal refused(DispatchCase c, PhotoPurpose p, Actor a) {
    EvidenceRules.UploadDecision d = EvidenceRules.upload(c, p, a);
    assertInstanceOf(EvidenceRules.Refused.class, d, () -> d.toString());
    return ((EvidenceRules.Refused) d).refusal();
  }

  @Nested
  class AfterPhotos {
    @Test
    void theUnitOfTheCurrentOrderWhileItHandlesIt() {
      DispatchCase c = inHandling(WATER).c;
      for (Actor a : List.of(handler(WATER), leader(WATER), receiver(WATER))) {
        EvidenceRules.Target t = allowed(c, PhotoPurpose.AFTER, a);
        assertEquals(c.currentOrderId(), t.orderId());
        assertEquals(WATER, t.uploaderUnitId());
      }
    }

    @Test
    void notBeforeTheLeaderApprovedNorAfterFeedback() {
      EvidenceRules.UploadRefusal early =
          refused(signedFor(WATER).c, PhotoPurpose.AFTER, handler(WATER));
      assertEquals("NOT_IN_HANDLING", early.code());
      assertTrue(early.conflict());
      assertEquals(
          "NOT_IN_HANDLING",
          refused(feedbackSubmitted(WATER).c, PhotoPurpose.AFTER, handler(WATER)).code());
    }

    @Test
    void notAnotherUnitNorACollector() {
      DispatchCase c = inHandling(WATER).c;
      EvidenceRules.UploadRefusal other = refused(c, PhotoPurpose.AFTER, handler(ROADS));
      assertEquals("NOT_ORDER_UNIT", other.code());
      assertFalse(other.conflict());
      assertEquals("NOT_ORDER_UNIT", refused(c, PhotoPurpose.AFTER, COLLECTOR).code());
    }
  }

  @Nested
  class SubOrderPhotos {
    DispatchCase withSubOrder() {
      Run r = inHandling(TOWNSHIP);
      r.then(leader(TOWNSHIP), new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, "清理"));
      return r.c;
    }

    @Test
    void theDepartmentHoldingAnOpenSubOrder() {
      DispatchCase c = withSubOrder();
      EvidenceRules.Target t = allowed(c, PhotoPurpose.SUB_AFTER, handler(TOWNSHIP_DEPT));
      assertEquals(c.currentOrderId() + "-S1", t.orderId());
      assertEquals(TOWNSHIP_DEPT, t.uploaderUnitId());
    }

    @Test
    void notAnotherDepartmentNorTheTownshipBodyNorAfterItsFeedback() {
      DispatchCase c = withSubOrder();
      assertEquals(
          "NOT_SUB_ORDER_UNIT",
          refused(c, PhotoPurpose.SUB_AFTER, handler(OTHER_TOWNSHIP_DEPT)).code());
      assertEquals(
          "NOT_SUB_ORDER_UNIT", refused(c, PhotoPurpose.SUB_AFTER, handler(TOWNSHIP)).code());
      // the department may not add after-photos of its township body's order either
      assertEquals("NOT_ORDER_UNIT", refused(c, PhotoPurpose.AFTER, handler(TOWNSHIP_DEPT)).code());
      Run r = inHandling(TOWNSHIP);
      r.then(leader(TOWNSHIP), new CaseCommand.RedispatchToSubUnit(TOWNSHIP_DEPT_UNIT, null))
          .then(receiver(TOWNSHIP_DEPT), new CaseCommand.SignForSubOrder(null))
          .then(handler(TOWNSHIP_DEPT), new CaseCommand.SubmitSubFeedback("已清理", PHOTOS));
      EvidenceRules.UploadRefusal closed =
          refused(r.c, PhotoPurpose.SUB_AFTER, handler(TOWNSHIP_DEPT));
      assertEquals("SUB_ORDER_CLOSED", closed.code());
      assertTrue(closed.conflict());
    }
  }

  @Nested
  class CheckPhotos {
    @Test
    void onlyTheCollectorOrderedWhileTheCheckIsOrdered() {
      DispatchCase c = checkOrdered(WATER).c;
      EvidenceRules.Target t = allowed(c, PhotoPurpose.CHECK, COLLECTOR);
      assertEquals(COLLECTOR_ID, t.uploaderCollectorId());
      assertEquals(c.currentOrderId(), t.orderId());
      Actor other = Actor.of("collector-02", Role.COLLECTOR);
      assertEquals("NOT_ASSIGNED_COLLECTOR", refused(c, PhotoPurpose.CHECK, other).code());
      assertEquals("NOT_ASSIGNED_COLLECTOR", refused(c, PhotoPurpose.CHECK, handler(WATER)).code());
      EvidenceRules.UploadRefusal late =
          refused(checkPassed(WATER).c, PhotoPurpose.CHECK, COLLECTOR);
      assertEquals("CHECK_NOT_ORDERED", late.code());
      assertTrue(late.conflict());
    }
  }

  @Nested
  class StepPhotos {
    final EvidenceRules.StoredPhoto own =
        new EvidenceRules.StoredPhoto("p-own", CASE, PhotoPurpose.AFTER, WATER, null);
    final EvidenceRules.StoredPhoto otherUnit =
        new EvidenceRules.StoredPhoto("p-roads", CASE, PhotoPurpose.AFTER, ROADS, null);
    final EvidenceRules.StoredPhoto check =
        new EvidenceRules.StoredPhoto("p-check", CASE, PhotoPurpose.CHECK, null, COLLECTOR_ID);
    final EvidenceRules.StoredPhoto otherCase =
        new EvidenceRules.StoredPhoto("p-elsewhere", "C-OTHER", PhotoPurpose.AFTER, WATER, null);
    final Map<String, EvidenceRules.StoredPhoto> stored =
        Map.of(
            own.photoId(), own,
            otherUnit.photoId(), otherUnit,
            check.photoId(), check,
            otherCase.photoId(), otherCase);

    @Test
    void ownStoredPhotosOfThePurposeAreAccepted() {
      assertTrue(
          EvidenceRules.stepPhotos(
                  CASE, PhotoPurpose.AFTER, handler(WATER), List.of("p-own"), stored)
              .isEmpty());
      assertTrue(
          EvidenceRules.stepPhotos(CASE, PhotoPurpose.CHECK, COLLECTOR, List.of("p-check"), stored)
              .isEmpty());
    }

    @Test
    void everyOtherIdIsNamedByItsIndex() {
      List<EvidenceRules.PhotoViolation> v =
          EvidenceRules.stepPhotos(
              CASE,
              PhotoPurpose.AFTER,
              leader(WATER),
              List.of("p-own", "totally-fake-id", "p-check", "p-roads", "p-elsewhere", "p-own"),
              stored);
      assertEquals(
          List.of("photoIds[1]", "photoIds[2]", "photoIds[3]", "photoIds[4]", "photoIds[5]"),
          v.stream().map(EvidenceRules.PhotoViolation::field).toList());
      assertEquals(
          List.of(
              "UNKNOWN_PHOTO",
              "WRONG_PURPOSE",
              "NOT_OWN_PHOTO",
              "UNKNOWN_PHOTO",
              "DUPLICATE_PHOTO"),
          v.stream().map(EvidenceRules.PhotoViolation::code).toList());
      Actor otherCollector = Actor.of("collector-02", Role.COLLECTOR);
      assertEquals(
          "NOT_OWN_PHOTO",
          EvidenceRules.stepPhotos(
                  CASE, PhotoPurpose.CHECK, otherCollector, List.of("p-check"), stored)
              .get(0)
              .code());
    }
  }
}
