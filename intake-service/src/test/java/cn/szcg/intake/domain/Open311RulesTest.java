package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.intake.infra.CatalogueJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Open311 GeoReport v2 rules (docs/api.md, "Open311 GeoReport v2"), as a specification. */
class Open311RulesTest {

  static final Catalogue V1 = CatalogueJson.loadDefault();

  @Test
  void theServicesAreThePubliclyReportableCategories() {
    List<Open311.Service> services = Open311.services(V1);
    long reportable = V1.categories().stream().filter(Category::publicReportable).count();
    assertEquals(reportable, services.size());
    assertTrue(services.stream().noneMatch(s -> s.serviceCode().equals("C-0111")));
    Open311.Service lamp =
        services.stream().filter(s -> s.serviceCode().equals("C-0109")).findFirst().orElseThrow();
    assertEquals("路灯 / Street lamp", lamp.serviceName());
    assertEquals("realtime", lamp.type());
    assertTrue(Open311.definition(V1, "C-0111").isEmpty());
    assertTrue(Open311.definition(V1, "E-0101").isPresent());
  }

  @Test
  void theStatusIsOpenOrClosedWithTheDetailedStatus() {
    assertEquals(List.of("open", "submitted"), pair(Open311.status(IntakeState.REGISTERED, null)));
    assertEquals(
        List.of("open", "acknowledged"),
        pair(Open311.status(IntakeState.VERIFICATION_PENDING, null)));
    assertEquals(List.of("open", "acknowledged"), pair(Open311.status(IntakeState.FILED, null)));
    assertEquals(
        List.of("open", "acknowledged"),
        pair(Open311.status(IntakeState.FILED, "AWAITING_DISPATCH")));
    for (String s :
        List.of("DISPATCHED", "SIGNED_FOR", "IN_HANDLING", "CHECK_PASSED", "COORDINATING")) {
      assertEquals(List.of("open", "in_progress"), pair(Open311.status(IntakeState.FILED, s)), s);
    }
    assertEquals(List.of("closed", "fixed"), pair(Open311.status(IntakeState.FILED, "CLOSED")));
    assertEquals(
        List.of("closed", "referred"),
        pair(Open311.status(IntakeState.FILED, "TRANSFERRED_TO_LAW_ENFORCEMENT")));
    assertEquals(
        List.of("closed", "cancelled"), pair(Open311.status(IntakeState.FILED, "CANCELLED")));
    assertEquals(List.of("closed", "declined"), pair(Open311.status(IntakeState.REJECTED, null)));
    assertEquals(List.of("closed", "duplicate"), pair(Open311.status(IntakeState.MERGED, null)));
    assertEquals(List.of("closed", "answered"), pair(Open311.status(IntakeState.ANSWERED, null)));
  }

  @Test
  void oneJurisdiction() {
    assertTrue(Open311.isThisJurisdiction(null));
    assertTrue(Open311.isThisJurisdiction("minqing"));
    assertTrue(Open311.isThisJurisdiction("350124"));
    assertFalse(Open311.isThisJurisdiction("city.gov"));
  }

  @Test
  void theQueryDefaultsToNinetyDaysAndNamesBadParameters() {
    Instant now = Instant.parse("2026-12-07T00:00:00Z");
    Open311.Query q = Open311.query("MQ1, MQ2", "C-0109", null, null, "open,CLOSED", now);
    assertEquals(Set.of("MQ1", "MQ2"), q.ids());
    assertEquals(Set.of("open", "closed"), q.statuses());
    assertEquals(now.minus(Duration.ofDays(90)), q.start());
    assertEquals(now, q.end());
    Open311.Query from = Open311.query(null, null, "2026-11-01T00:00:00+08:00", null, null, now);
    assertEquals(Duration.ofDays(90), Duration.between(from.start(), from.end()));
    DomainValidationException e =
        assertThrows(
            DomainValidationException.class,
            () -> Open311.query(null, null, "yesterday", "2026-01-01T00:00:00Z", "pending", now));
    assertTrue(e.has("start_date", "bad_format"));
    assertTrue(e.has("status", "unknown_status"));
    assertTrue(
        assertThrows(
                DomainValidationException.class,
                () ->
                    Open311.query(
                        null, null, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", null, now))
            .has("end_date", "window_too_long"));
  }

  @Test
  void theKindIsAReportOrAComplaint() {
    assertEquals("REPORT", Open311.kind(null).orElseThrow());
    assertEquals("COMPLAINT", Open311.kind("complaint").orElseThrow());
    assertTrue(Open311.kind("CONSULTATION").isEmpty());
  }

  private static List<String> pair(Open311.Status s) {
    return List.of(s.status(), s.detailed());
  }
}
