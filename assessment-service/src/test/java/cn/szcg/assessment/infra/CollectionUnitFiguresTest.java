package cn.szcg.assessment.infra;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import cn.szcg.contracts.Topics;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.contracts.events.CollectorRegistered;
import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import cn.szcg.contracts.events.Zone;
import cn.szcg.testsupport.KafkaTestResource;
import cn.szcg.testsupport.security.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: collector facts are booked under the collector's collection unit (信息采集单位) as intake's
 * collector register names it (collector-registered, the latest change wins), over the broker: a
 * collector registered in unit A — valid, false and not-filed reports, a verification and a missed
 * report (漏报) count in A's figures; moved to B (an older change arriving later is ignored), new
 * facts count in B, and a miss booked back leaves A, where it was booked.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class CollectionUnitFiguresTest {

  /** 2026-08-03 08:00 in Minqing. */
  static final Instant DAY = Instant.parse("2026-08-03T00:00:00Z");

  static final String PERIOD = "2026-08";

  @Inject CollectorRegister register;
  @Inject EntityManager em;

  final String tag = UUID.randomUUID().toString().substring(0, 6);
  final String grid =
      "350124" + String.format("%06d", Math.abs(tag.hashCode()) % 1_000_000) + "0007";

  @BeforeEach
  void signIn() {
    TestTokens.useByDefault(TestTokens.of("admin"));
  }

  static Instant h(double hours) {
    return DAY.plusSeconds((long) (hours * 3600));
  }

  static void registered(
      String collector, String unit, boolean active, String change, Instant changedAt) {
    CaseEvents.send(
        Topics.INTAKE,
        "intake-service",
        collector,
        changedAt,
        new CollectorRegistered(
            collector,
            unit,
            "陈采集",
            active,
            change,
            "MQ-CERT-" + collector,
            LocalDate.parse("2026-01-01"),
            null,
            changedAt,
            "admin1"));
  }

  static CaseFiled filed(String caseId, Channel channel, String collector, Instant at) {
    return filed(caseId, channel, collector, null, at);
  }

  static CaseFiled filed(
      String caseId, Channel channel, String collector, LocationContext ctx, Instant at) {
    return new CaseFiled(
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
        ctx,
        null,
        collector,
        at,
        at.plusSeconds(600),
        "operator1");
  }

  static void send(String key, Instant at, Record payload) {
    CaseEvents.send(Topics.INTAKE, "intake-service", key, at, payload);
  }

  /** The collector's shift 08:00–17:00 over the grid, recorded at 07:00 (+ revision seconds). */
  void shift(String id, long revision, String collector, String unit, boolean cancelled) {
    send(
        id,
        h(0),
        new CollectorDutyRecorded(
            id,
            revision,
            collector,
            unit,
            List.of(grid),
            h(0),
            h(9),
            cancelled,
            cancelled ? "病假" : null,
            h(-1).plusSeconds(revision),
            "shiftlead1"));
  }

  /** A hotline problem in {@code grid}, registered and filed at {@code at}. */
  void hotline(String caseId, Instant at) {
    LocationContext ctx = new LocationContext("350124100", "梅城镇", null, null, grid, Zone.URBAN);
    send(
        caseId,
        at,
        new ReportRegistered(
            caseId,
            "R" + caseId,
            Channel.HOTLINE,
            ReportKind.REPORT,
            "0101",
            null,
            null,
            "暴露垃圾",
            null,
            null,
            null,
            ctx,
            at));
    send(caseId, at, filed(caseId, Channel.HOTLINE, null, ctx, at));
  }

  static JsonPath row(String path, String id) {
    JsonPath j =
        given()
            .queryParam("period", PERIOD)
            .queryParam("size", 200)
            .get(path)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .setRootPath("items.find { it.id == '" + id + "' }");
    return j.get() == null ? null : j;
  }

  /** The row of {@code id} in the ranking at {@code path} of {@code period}, once {@code done}. */
  static JsonPath awaitIn(String path, String period, String id, Predicate<JsonPath> done) {
    CaseEvents.flush();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonPath last = null;
    while (System.nanoTime() < end) {
      JsonPath j =
          given()
              .queryParam("period", period)
              .queryParam("size", 200)
              .get(path)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .setRootPath("items.find { it.id == '" + id + "' }");
      last = j.get() == null ? null : j;
      if (last != null && done.test(last)) {
        return last;
      }
      CaseEvents.sleep(200);
    }
    throw new AssertionError(
        "not reached: " + path + " " + id + ": " + (last == null ? null : last.prettify()));
  }

  static JsonPath await(String path, String id, Predicate<JsonPath> done) {
    CaseEvents.flush();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonPath last = null;
    while (System.nanoTime() < end) {
      last = row(path, id);
      if (last != null && done.test(last)) {
        return last;
      }
      CaseEvents.sleep(200);
    }
    throw new AssertionError(
        "not reached: " + path + " " + id + ": " + (last == null ? null : last.prettify()));
  }

  static void until(String what, BooleanSupplier done) {
    CaseEvents.flush();
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return;
      }
      CaseEvents.sleep(200);
    }
    throw new AssertionError("not reached: " + what);
  }

  String unitOf(String collector) {
    return QuarkusTransaction.requiringNew().call(() -> register.unitOf(collector));
  }

  Boolean activeOf(String collector) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<?> r =
                  em.createNativeQuery(
                          "SELECT active FROM collector_register WHERE collector_id = ?1")
                      .setParameter(1, collector)
                      .getResultList();
              return r.isEmpty() ? null : (Boolean) r.get(0);
            });
  }

  @Test
  void collectorFactsCountInTheCollectorsCollectionUnit() {
    String col = "chen-" + tag;
    String unitA = "CU-A-" + tag;
    String unitB = "CU-B-" + tag;
    String unitC = "CU-C-" + tag;
    String shiftId = "S-" + tag;

    registered(col, unitA, true, "CREATED", Instant.parse("2026-07-01T02:00:00Z"));
    until("the register names " + unitA, () -> unitA.equals(unitOf(col)));

    // reports: valid, false (unfounded), not filed; a verification within the hour
    send("V1-" + tag, h(1), filed("V1-" + tag, Channel.PATROL, col, h(1)));
    send(
        "F1-" + tag,
        h(1),
        new ReportRejected("F1-" + tag, "现场不存在", true, col, h(1.5), "operator1"));
    send(
        "N1-" + tag,
        h(1),
        new ReportRejected("N1-" + tag, "不属于立案范围", false, col, h(1.5), "operator1"));
    send("F1-" + tag, h(1), new VerificationRequested("F1-" + tag, "v-" + tag, col, h(1)));
    send(
        "F1-" + tag,
        h(1.3),
        new VerificationCompleted("F1-" + tag, "v-" + tag, col, false, h(1.3)));
    // on duty 08:00–17:00 over the grid; a hotline problem there at 10:00 → missed
    shift(shiftId, 1, col, unitA, false);
    hotline("M1-" + tag, h(2));

    JsonPath a =
        await(
            "/api/v1/figures/collection-units",
            unitA,
            j ->
                j.getInt("reports") == 3
                    && j.getInt("missedReports") == 1
                    && j.getInt("verificationsOnTime") == 1);
    assertEquals(1, a.getInt("validReports"));
    assertEquals(1, a.getInt("falseReports"));
    assertEquals(0, a.getInt("verificationsLate"));
    // the collector's own row holds the same (one collector in the unit)
    JsonPath c = row("/api/v1/figures/collectors", col);
    assertNotNull(c);
    for (String k :
        List.of(
            "reports", "validReports", "falseReports", "missedReports", "verificationsOnTime")) {
      assertEquals(c.getInt(k), a.getInt(k), k);
    }

    // moved to B at 11:00 (after the shift was recorded with A at 07:00); a change to C of 10:30
    // arriving later is older: ignored; then deactivated at 11:30 (still in B)
    registered(col, unitB, true, "CHANGED", h(3));
    registered(col, unitC, true, "CHANGED", h(2.5));
    registered(col, unitB, false, "DEACTIVATED", h(3.5));
    until("deactivation applied", () -> Boolean.FALSE.equals(activeOf(col)));
    assertEquals(unitB, unitOf(col));

    // a new valid report counts in B; the shift cancelled (revision 2 repeats unit A: not a
    // register change): the miss is booked back from A, where it was booked
    send("V2-" + tag, h(4), filed("V2-" + tag, Channel.PATROL, col, h(4)));
    shift(shiftId, 2, col, unitA, true);
    await("/api/v1/figures/collection-units", unitB, j -> j.getInt("validReports") == 1);
    await("/api/v1/figures/collection-units", unitA, j -> j.getInt("missedReports") == 0);
    CaseEvents.sleep(2000);
    JsonPath b = row("/api/v1/figures/collection-units", unitB);
    assertEquals(1, b.getInt("reports"));
    assertEquals(0, b.getInt("missedReports"));
    a = row("/api/v1/figures/collection-units", unitA);
    assertEquals(3, a.getInt("reports"));
    assertEquals(0, a.getInt("missedReports"));
    assertEquals(null, row("/api/v1/figures/collection-units", unitC));
  }
}
