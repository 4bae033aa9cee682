package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.intake.infra.CatalogueJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** field rules for registering an arrival. */
class IntakeValidatorTest {

  static final Catalogue CATALOGUE = CatalogueJson.loadDefault();
  static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
  static final GeoPoint TOWN = new GeoPoint(118.86, 26.22); // 梅城镇 (Meicheng, the county seat)
  static final String HASH = ContentHash.sha256Hex(new byte[] {1, 2, 3});

  private final IntakeValidator validator = new IntakeValidator(IntakeRules.minqingDefaults());

  static ReportCommand patrol() {
    return new ReportCommand(
        Channel.PATROL,
        ReportKind.REPORT,
        "E-0101",
        TOWN,
        "梅城镇台山路",
        null,
        "collector-1",
        null,
        null,
        NOW.minusSeconds(30),
        null,
        null,
        List.of(new AttachmentMeta("a.jpg", "image/jpeg", 1_000_000, HASH)));
  }

  static ReportCommand hotline(ReportKind kind, String category) {
    return new ReportCommand(
        Channel.HOTLINE,
        kind,
        category,
        null,
        "梅城镇",
        "路边有垃圾堆放多日",
        null,
        null,
        "12345-2026-000001",
        null,
        "张三",
        "13812345678",
        List.of());
  }

  private List<FieldViolation> check(ReportCommand c) {
    return validator.validate(c, CATALOGUE, NOW);
  }

  private static boolean has(List<FieldViolation> vs, String field, String code) {
    return vs.stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code));
  }

  @Test
  void aCompletePatrolReportAndAHotlineReportPass() {
    assertEquals(List.of(), check(patrol()));
    assertEquals(List.of(), check(hotline(ReportKind.COMPLAINT, null)));
    assertEquals(List.of(), check(hotline(ReportKind.CONSULTATION, null)));
  }

  @Test
  void patrolNeedsCategoryLocationAndCollector() {
    ReportCommand p = patrol();
    ReportCommand c =
        new ReportCommand(
            p.channel(),
            p.kind(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    List<FieldViolation> vs = check(c);
    assertTrue(has(vs, "categoryCode", "required"), vs.toString());
    assertTrue(has(vs, "location", "required"), vs.toString());
    assertTrue(has(vs, "collectorId", "required"), vs.toString());
    assertFalse(has(vs, "description", "required"), "a patrol report needs no free text");
  }

  @Test
  void videoNeedsCategoryCameraAndSourceRef() {
    ReportCommand c =
        new ReportCommand(
            Channel.VIDEO,
            ReportKind.REPORT,
            null,
            null,
            null,
            null,
            null,
            " ",
            null,
            null,
            null,
            null,
            List.of());
    List<FieldViolation> vs = check(c);
    assertTrue(has(vs, "categoryCode", "required"));
    assertTrue(has(vs, "cameraId", "required"));
    assertTrue(has(vs, "sourceRef", "required"));
    assertFalse(has(vs, "location", "required"), "the camera gives the place");
  }

  @Test
  void aPublicChannelMayLeaveTheCategoryOpenButNeedsADescriptionAndSourceRef() {
    ReportCommand h = hotline(ReportKind.REPORT, null);
    assertEquals(List.of(), check(h));
    ReportCommand bare =
        new ReportCommand(
            Channel.WEIBO,
            ReportKind.REPORT,
            null,
            null,
            null,
            "  ",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of());
    List<FieldViolation> vs = check(bare);
    assertTrue(has(vs, "description", "required"));
    assertTrue(has(vs, "sourceRef", "required"));
    assertFalse(has(vs, "categoryCode", "required"));
  }

  @Test
  void aGivenCategoryMustExistAndBePublicForPublicChannels() {
    assertTrue(
        has(check(hotline(ReportKind.REPORT, "E-9999")), "categoryCode", "unknown_category"));
    // 流浪乞讨 E-0602 is not public-reportable in the default catalogue
    assertFalse(CATALOGUE.require("E-0602").publicReportable());
    assertTrue(has(check(hotline(ReportKind.REPORT, "E-0602")), "categoryCode", "not_public"));
    ReportCommand p = patrol();
    ReportCommand patrolNotPublic =
        new ReportCommand(
            p.channel(),
            p.kind(),
            "E-0602",
            p.location(),
            null,
            null,
            p.collectorId(),
            null,
            null,
            null,
            null,
            null,
            p.attachments());
    assertEquals(List.of(), check(patrolNotPublic), "collectors may report any category");
  }

  @Test
  void consultationsOnlyOnPublicChannelsAndCollectorsOnlyReport() {
    ReportCommand p = patrol();
    ReportCommand complaintByPatrol =
        new ReportCommand(
            p.channel(),
            ReportKind.COMPLAINT,
            p.categoryCode(),
            p.location(),
            null,
            null,
            p.collectorId(),
            null,
            null,
            null,
            null,
            null,
            p.attachments());
    assertTrue(has(check(complaintByPatrol), "kind", "kind_not_allowed"));
    ReportCommand leaderConsultation =
        new ReportCommand(
            Channel.LEADER,
            ReportKind.CONSULTATION,
            null,
            null,
            null,
            "请答复",
            null,
            null,
            null,
            null,
            null,
            null,
            List.of());
    assertTrue(has(check(leaderConsultation), "kind", "kind_not_allowed"));
  }

  @Test
  void aPointMustBeValidAndInsideTheCounty() {
    ReportCommand p = patrol();
    ReportCommand fuzhou =
        new ReportCommand(
            p.channel(),
            p.kind(),
            p.categoryCode(),
            new GeoPoint(119.30, 26.08),
            null,
            null,
            p.collectorId(),
            null,
            null,
            null,
            null,
            null,
            p.attachments());
    assertTrue(has(check(fuzhou), "location", "out_of_area"));
    ReportCommand swapped =
        new ReportCommand(
            p.channel(),
            p.kind(),
            p.categoryCode(),
            new GeoPoint(26.22, 118.86),
            null,
            null,
            p.collectorId(),
            null,
            null,
            null,
            null,
            null,
            p.attachments());
    assertTrue(has(check(swapped), "location", "invalid_coordinates"));
    ReportCommand nan =
        new ReportCommand(
            p.channel(),
            p.kind(),
            p.categoryCode(),
            new GeoPoint(Double.NaN, 26.2),
            null,
            null,
            p.collectorId(),
            null,
            null,
            null,
            null,
            null,
            p.attachments());
    assertTrue(has(check(nan), "location", "invalid_coordinates"));
  }

  @Test
  void theServiceAreaIsConfigurable() {
    IntakeValidator wide =
        new IntakeValidator(
            IntakeRules.minqingDefaults().withServiceArea(new BoundingBox(118, 25, 120, 27)));
    ReportCommand p = patrol();
    ReportCommand fuzhou =
        new ReportCommand(
            p.channel(),
            p.kind(),
            p.categoryCode(),
            new GeoPoint(119.30, 26.08),
            null,
            null,
            p.collectorId(),
            null,
            null,
            null,
            null,
            null,
            p.attachments());
    assertEquals(List.of(), wide.validate(fuzhou, CATALOGUE, NOW));
  }

  @Test
  void descriptionHasAMaximumLength() {
    String ok = "垃".repeat(2000);
    String tooLong = "垃".repeat(2001);
    ReportCommand h = hotline(ReportKind.REPORT, null);
    assertEquals(List.of(), check(withDescription(h, ok)));
    assertTrue(has(check(withDescription(h, tooLong)), "description", "too_long"));
  }

  private static ReportCommand withDescription(ReportCommand h, String d) {
    return new ReportCommand(
        h.channel(),
        h.kind(),
        h.categoryCode(),
        h.location(),
        h.address(),
        d,
        h.collectorId(),
        h.cameraId(),
        h.sourceRef(),
        h.deviceTime(),
        h.reporterName(),
        h.reporterPhone(),
        h.attachments());
  }

  @Test
  void deviceTimeMayLagButNotRunFarAhead() {
    ReportCommand p = patrol();
    ReportCommand offlineYesterday = withDeviceTime(p, NOW.minus(Duration.ofDays(1)));
    assertEquals(List.of(), check(offlineYesterday), "offline submissions arrive late");
    assertEquals(List.of(), check(withDeviceTime(p, NOW.plus(Duration.ofMinutes(9)))));
    assertTrue(
        has(check(withDeviceTime(p, NOW.plus(Duration.ofMinutes(11)))), "deviceTime", "in_future"));
  }

  private static ReportCommand withDeviceTime(ReportCommand p, Instant t) {
    return new ReportCommand(
        p.channel(),
        p.kind(),
        p.categoryCode(),
        p.location(),
        p.address(),
        p.description(),
        p.collectorId(),
        p.cameraId(),
        p.sourceRef(),
        t,
        p.reporterName(),
        p.reporterPhone(),
        p.attachments());
  }

  @Test
  void reporterPhoneMustBeMobileOrLandline() {
    ReportCommand h = hotline(ReportKind.REPORT, null);
    for (String ok :
        new String[] {"13812345678", "+86 138 1234 5678", "0591-22334455", "059122334455"}) {
      assertEquals(List.of(), check(withPhone(h, ok)), ok);
    }
    for (String bad : new String[] {"12812345678", "1381234567", "22334455", "abc"}) {
      assertTrue(has(check(withPhone(h, bad)), "reporterPhone", "bad_format"), bad);
    }
  }

  private static ReportCommand withPhone(ReportCommand h, String phone) {
    return new ReportCommand(
        h.channel(),
        h.kind(),
        h.categoryCode(),
        h.location(),
        h.address(),
        h.description(),
        h.collectorId(),
        h.cameraId(),
        h.sourceRef(),
        h.deviceTime(),
        h.reporterName(),
        phone,
        h.attachments());
  }

  @Test
  void attachmentsAreCheckedForTypeSizeHashAndCount() {
    ReportCommand p = patrol();
    List<AttachmentMeta> atts =
        List.of(
            new AttachmentMeta("a.exe", "application/x-msdownload", 10, HASH),
            new AttachmentMeta("b.jpg", "image/jpeg", 10 * AttachmentPolicy.MIB + 1, "00"),
            new AttachmentMeta("c.png", "image/png", 0, ContentHash.sha256Hex(new byte[] {9})),
            new AttachmentMeta("d.jpg", "image/jpeg", 100, HASH));
    ReportCommand c = withAttachments(p, atts);
    List<FieldViolation> vs = check(c);
    assertTrue(has(vs, "attachments[0].contentType", "type_not_allowed"), vs.toString());
    assertTrue(has(vs, "attachments[1].sizeBytes", "too_large"), vs.toString());
    assertTrue(has(vs, "attachments[1].sha256", "bad_format"), vs.toString());
    assertTrue(has(vs, "attachments[2].sizeBytes", "empty"), vs.toString());
    assertTrue(has(vs, "attachments[3].sha256", "duplicate"), vs.toString());

    List<AttachmentMeta> ten =
        java.util.stream.IntStream.range(0, 10)
            .mapToObj(
                i ->
                    new AttachmentMeta(
                        i + ".jpg",
                        "image/jpeg",
                        100,
                        ContentHash.sha256Hex(new byte[] {(byte) i})))
            .toList();
    assertTrue(has(check(withAttachments(p, ten)), "attachments", "too_many"));
    assertEquals(List.of(), check(withAttachments(p, ten.subList(0, 9))));
    // a 40 MiB mp4 is fine, a 40 MiB photo is not
    assertEquals(
        List.of(),
        check(
            withAttachments(
                p,
                List.of(
                    new AttachmentMeta("v.mp4", "video/mp4", 40 * AttachmentPolicy.MIB, HASH)))));
  }

  @Test
  void aPatrolPhotoCanBeMadeMandatory() {
    IntakeValidator strict =
        new IntakeValidator(IntakeRules.minqingDefaults().withPatrolPhotoRequired(true));
    ReportCommand noPhoto = withAttachments(patrol(), List.of());
    assertEquals(List.of(), validator.validate(noPhoto, CATALOGUE, NOW));
    assertTrue(has(strict.validate(noPhoto, CATALOGUE, NOW), "attachments", "photo_required"));
    assertEquals(List.of(), strict.validate(patrol(), CATALOGUE, NOW));
  }

  private static ReportCommand withAttachments(ReportCommand p, List<AttachmentMeta> a) {
    return new ReportCommand(
        p.channel(),
        p.kind(),
        p.categoryCode(),
        p.location(),
        p.address(),
        p.description(),
        p.collectorId(),
        p.cameraId(),
        p.sourceRef(),
        p.deviceTime(),
        p.reporterName(),
        p.reporterPhone(),
        a);
  }

  @Test
  void everyViolationIsBilingualAndValidateOrThrowCarriesThemAll() {
    ReportCommand empty =
        new ReportCommand(
            null, null, null, null, null, null, null, null, null, null, null, null, null);
    DomainValidationException e =
        assertThrows(
            DomainValidationException.class,
            () -> validator.validateOrThrow(empty, CATALOGUE, NOW));
    assertTrue(e.has("channel", "required"));
    assertTrue(e.has("kind", "required"));
    for (FieldViolation v : e.violations()) {
      assertFalse(v.messageZh().isBlank());
      assertFalse(v.messageEn().isBlank());
    }
  }
}
