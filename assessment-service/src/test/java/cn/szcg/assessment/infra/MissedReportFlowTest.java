package cn.szcg.assessment.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportMerged;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Missed reports (漏报, R-08, issue 7) end to end over the broker: intake's duty shifts and
 * registrations in any order → MissedReportHandler → the collector figures (and the collection
 * unit's).
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class MissedReportFlowTest {

  /** 2026-07-02 08:00 in Minqing. */
  static final Instant DAY = Instant.parse("2026-07-02T00:00:00Z");

  static final String PERIOD = "2026-07";

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("admin"));
  }

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  // grids of this run (16 digits, unique per run)
  final String g1 = grid(1);
  final String g2 = grid(2);
  final String g3 = grid(3);
  final String g9 = grid(9);

  String grid(int n) {
    return "350124" + String.format("%06d", Math.abs(tag.hashCode()) % 1_000_000) + "000" + n;
  }

  static Instant h(Instant day, double hours) {
    return day.plusSeconds((long) (hours * 3600));
  }

  static void shift(
      String id,
      long revision,
      String collector,
      List<String> grids,
      Instant s,
      Instant e,
      boolean cancelled) {
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        id,
        s,
        new CollectorDutyRecorded(
            id, revision, collector, "U-MQ-CS01", grids, s, e, cancelled, null, s, "shiftlead1"));
  }

  static LocationContext ctx(String grid) {
    return grid == null
        ? null
        : new LocationContext("350124100", "梅城镇", null, null, grid, Zone.URBAN);
  }

  /** report-registered of {@code caseId}. */
  static void registered(
      String caseId, Channel channel, String collector, String grid, Instant at) {
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        caseId,
        at,
        new ReportRegistered(
            caseId,
            "R" + caseId,
            channel,
            ReportKind.REPORT,
            "0101",
            null,
            null,
            "暴露垃圾",
            collector,
            null,
            null,
            ctx(grid),
            at));
  }

  static void filed(String caseId, Channel channel, String collector, String grid, Instant at) {
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        caseId,
        at,
        new CaseFiled(
            caseId,
            "R" + caseId,
            channel,
            ReportKind.REPORT,
            "0101",
            "暴露垃圾",
            1,
            new TimeLimit(2, LimitUnit.WORKING_HOURS),
            Zone.URBAN,
            false,
            null,
            ctx(grid),
            null,
            collector,
            at,
            at.plusSeconds(600),
            "operator1"));
  }

  /** Registered then filed. */
  static void problem(String caseId, Channel channel, String collector, String grid, Instant at) {
    registered(caseId, channel, collector, grid, at);
    filed(caseId, channel, collector, grid, at);
  }

  static long missed(String collectorId) {
    JsonPath j =
        given()
            .queryParam("period", PERIOD)
            .queryParam("size", 200)
            .get("/api/v1/figures/collectors")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .setRootPath("items.find { it.id == '" + collectorId + "' }");
    return j.get() == null ? 0 : j.getLong("missedReports");
  }

  static void awaitMissed(String collectorId, long expected) {
    CaseEvents.flush();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (missed(collectorId) == expected) {
        return;
      }
      CaseEvents.sleep(200);
    }
    assertEquals(expected, missed(collectorId), "missed reports of " + collectorId);
  }

  @Test
  void missedReportsAreChargedToTheCollectorOnDutyOverTheGrid() {
    String zhang = "zhang-" + tag;
    String li = "li-" + tag;
    String wang = "wang-" + tag;
    Instant d1 = DAY;
    // Zhang on duty 08:00–17:00 (Minqing) over g1, g2
    shift("S1-" + tag, 1, zhang, List.of(g1, g2), d1, h(d1, 9), false);

    // 09:00 a hotline report in g1, filed → missed by Zhang
    problem("P1-" + tag, Channel.HOTLINE, null, g1, h(d1, 1));
    // the same filing delivered again (a new event id): still one miss per problem and collector
    filed("P1-" + tag, Channel.HOTLINE, null, g1, h(d1, 1));
    // 10:00 Zhang's own patrol report → not missed
    problem("P2-" + tag, Channel.PATROL, zhang, g1, h(d1, 2));
    // 18:00 after the shift → not missed
    problem("P3-" + tag, Channel.HOTLINE, null, g1, h(d1, 10));
    // 11:00 a video alarm in another grid → not missed
    problem("P4-" + tag, Channel.VIDEO, null, g3, h(d1, 3));
    // 12:00 a hotline report in g2 rejected; Li's unfounded patrol report in g1 → never missed
    registered("P5-" + tag, Channel.HOTLINE, null, g2, h(d1, 4));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        "P5-" + tag,
        h(d1, 4.5),
        new ReportRejected("P5-" + tag, "不属于立案范围", false, null, h(d1, 4.5), "operator1"));
    registered("P6-" + tag, Channel.PATROL, li, g1, h(d1, 4));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        "P6-" + tag,
        h(d1, 4.5),
        new ReportRejected("P6-" + tag, "现场不存在", true, li, h(d1, 4.5), "operator1"));
    // 13:00 a video alarm while gis was down: no grid at registration nor filing; the location
    // arrives later → missed by Zhang
    problem("P8-" + tag, Channel.VIDEO, null, null, h(d1, 5));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        "P8-" + tag,
        h(d1, 5.2),
        new LocationResolved("P8-" + tag, ctx(g1), h(d1, 5.2)));
    // 14:00 Li's (valid) patrol report in g2 → missed by Zhang, not by Li (no shift)
    problem("P9-" + tag, Channel.PATROL, li, g2, h(d1, 6));
    // 15:00 a hotline report in g1; Zhang reports it himself at 15:30 and his report is merged
    // into it: another channel found it first → still missed
    problem("P10-" + tag, Channel.HOTLINE, null, g1, h(d1, 7));
    registered("P11-" + tag, Channel.PATROL, zhang, g1, h(d1, 7.5));
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        "P11-" + tag,
        h(d1, 7.6),
        new ReportMerged("P11-" + tag, "P10-" + tag, h(d1, 7.6), "operator1"));

    awaitMissed(zhang, 4);
    // nothing more arrives for Zhang, nothing for Li
    CaseEvents.sleep(3000);
    assertEquals(4, missed(zhang));
    assertEquals(0, missed(li));

    // the shift arriving after the case: Wang's 2026-07-03 shift over g9 recorded after a
    // hotline problem of 09:00 in g9 was filed → still charged
    Instant d2 = DAY.plus(Duration.ofDays(1));
    problem("P7-" + tag, Channel.HOTLINE, null, g9, h(d2, 1));
    CaseEvents.flush();
    CaseEvents.sleep(1000);
    shift("S2-" + tag, 1, wang, List.of(g9), d2, h(d2, 9), false);
    awaitMissed(wang, 1);
    // an older revision arriving late changes nothing; cancelling the shift revokes the miss
    shift("S2-" + tag, 2, wang, List.of(g9), d2, h(d2, 9), true);
    awaitMissed(wang, 0);
    shift("S2-" + tag, 1, wang, List.of(g9), d2, h(d2, 9), false);
    CaseEvents.sleep(2000);
    assertEquals(0, missed(wang));

    // the collection unit's figures carry the misses too (the collectors' unit is known from their
    // shifts: each was recorded with U-MQ-CS01)
    JsonPath unit =
        given()
            .queryParam("period", PERIOD)
            .queryParam("size", 200)
            .get("/api/v1/figures/collection-units")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .setRootPath("items.find { it.id == 'U-MQ-CS01' }");
    assertTrue(unit.getLong("missedReports") >= 4, "collection unit's missed reports");
  }

  @Test
  void theGraceAfterTheShiftStartIsConfigurableAndZeroByDefault() {
    String zhao = "zhao-" + tag;
    Instant d = DAY.plus(Duration.ofDays(5));
    shift("S3-" + tag, 1, zhao, List.of(g1), d, h(d, 9), false);
    // registered at the very start of the shift: missed (grace 0)
    problem("P20-" + tag, Channel.VIDEO, null, g1, d);
    // exactly at the end: not missed (end exclusive)
    problem("P21-" + tag, Channel.VIDEO, null, g1, h(d, 9));
    awaitMissed(zhao, 1);
    CaseEvents.sleep(2000);
    assertEquals(1, missed(zhao));
  }
}
