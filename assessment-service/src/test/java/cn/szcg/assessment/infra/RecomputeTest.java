package cn.szcg.assessment.infra;

import static cn.szcg.assessment.infra.CaseEvents.breached;
import static cn.szcg.assessment.infra.CaseEvents.stopped;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.assessment.domain.FactEvent;
import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.FiguresKey;
import cn.szcg.assessment.domain.Period;
import cn.szcg.platform.inbox.EventConsumers;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * a generated month (February 2027) of order lives for several units, sent over the real
 * broker through the consumer (cases and clocks interleaving); then the incrementally maintained
 * cells must equal {@code Figures.recompute} over the stored facts, and the admin recompute must
 * report no difference. Also checked against the generator's own model of each order.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
class RecomputeTest {

  @org.junit.jupiter.api.BeforeEach
  void signIn() {
    cn.szcg.testsupport.security.TestTokens.useByDefault(
        cn.szcg.testsupport.security.TestTokens.of("admin"));
  }

  static final String SIGN = "DISPATCH_TO_SIGN_FOR";
  static final String HANDLING = "HANDLING";
  static final String SUB_SIGN = "SUB_DISPATCH_TO_SIGN_FOR";
  static final String SUB_HANDLING = "SUB_HANDLING";
  static final Period MONTH = Period.month(2027, 2);

  @Inject EventConsumers consumers;
  @Inject FigureStore store;

  int sent;

  /** Model of what the generator made each unit do. */
  static final class Expected {
    long received;
    long handled;
    long handledOnTime;
    long returnsApproved;
    long returnsRefused;
    long checksFailed;
  }

  @Test
  void incrementalEqualsRecomputedForAGeneratedMonth() {
    long baseline = consumers.appliedCount("unit-figures");
    String tag = UUID.randomUUID().toString().substring(0, 6);
    List<String> units = List.of("R1-" + tag, "R2-" + tag, "R3-" + tag, "R4-" + tag);
    Map<String, Expected> expected = new HashMap<>();
    units.forEach(u -> expected.put(u, new Expected()));
    // each unit's department (下属部门), for the sub-orders (二级批办件, issue 16 point 5)
    List<String> departments = units.stream().map(u -> u + "-D").toList();
    departments.forEach(d -> expected.put(d, new Expected()));
    Random rnd = new Random(20270201L);
    Random subRnd = new Random(20270202L);
    CaseEvents ev = new CaseEvents();
    int orders = 160;
    for (int i = 0; i < orders; i++) {
      String unit = units.get(rnd.nextInt(units.size()));
      Expected x = expected.get(unit);
      String c = unit + "-c" + i;
      // 2027-02-01..27, 09:00–16:00 Shanghai
      Instant t0 =
          Instant.parse("2027-02-01T01:00:00Z")
              .plus(Duration.ofDays(rnd.nextInt(27)))
              .plus(Duration.ofMinutes(rnd.nextInt(420)));
      String o1 = c + "-O1";
      dispatch(ev, c, o1, unit, t0);
      x.received++;
      sign(c, o1, unit, t0, rnd);
      sendCase(ev, c, "SIGN_FOR", o1, unit, t0.plusSeconds(1800), null);
      int outcome = rnd.nextInt(100);
      Instant t = t0.plusSeconds(7200);
      if (outcome < 45) {
        handle(ev, c, o1, unit, t, true);
        x.handled++;
        x.handledOnTime++;
      } else if (outcome < 55) {
        handle(ev, c, o1, unit, t, false);
        x.handled++;
      } else if (outcome < 65) {
        clockBreached(c, HANDLING, o1, unit, t);
        handle(ev, c, o1, unit, t.plusSeconds(3600), false);
        x.handled++;
      } else if (outcome < 70) {
        clockBreached(c, HANDLING, o1, unit, t);
      } else if (outcome < 80) {
        sendCase(ev, c, "FAIL_CHECK", c + "-O2", unit, t, Map.of("round", "2"));
        x.checksFailed++;
        sign(c, c + "-O2", unit, t, rnd);
        handle(ev, c, c + "-O2", unit, t.plusSeconds(3600), true);
        x.handled++;
        x.handledOnTime++;
      } else if (outcome < 85) {
        sendCase(ev, c, "FAIL_CHECK", c + "-O2", unit, t, Map.of("round", "2"));
        sendCase(ev, c, "FAIL_CHECK", c + "-O3", unit, t.plusSeconds(3600), Map.of("round", "3"));
        x.checksFailed += 2;
        handle(ev, c, c + "-O3", unit, t.plusSeconds(7200), true);
        x.handled++;
      } else if (outcome < 90) {
        sendCase(ev, c, "REQUEST_RETURN", o1, unit, t0.plusSeconds(600), null);
        sendCase(ev, c, "APPROVE_RETURN", o1, unit, t0.plusSeconds(900), null);
        x.returnsApproved++;
      } else if (outcome < 95) {
        sendCase(ev, c, "GRANT_EXTENSION", o1, unit, t0.plusSeconds(3600), null);
        handle(ev, c, o1, unit, t.plusSeconds(86400), true);
        x.handled++;
        x.handledOnTime++;
      }
      // else: still pending within its limit
      if (outcome < 65 && subRnd.nextInt(3) == 0) {
        subOrder(ev, c, o1, unit, t0.plusSeconds(2400), expected.get(unit + "-D"), subRnd);
      }
      if (outcome >= 65 && outcome < 70 && subRnd.nextBoolean()) {
        // a return asked and refused: the unit goes on (and its order expires)
        sendCase(ev, c, "REQUEST_RETURN", o1, unit, t0.plusSeconds(600), null);
        sendCase(ev, c, "REFUSE_RETURN", o1, unit, t0.plusSeconds(900), null);
        x.returnsRefused++;
      }
      if (outcome < 65 && rnd.nextBoolean()) {
        String level =
            List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED").get(rnd.nextInt(3));
        sendCase(
            ev, c, "RECORD_SATISFACTION", null, null, t.plusSeconds(90000), Map.of("level", level));
      }
    }
    CaseEvents.flush();
    long target = baseline + sent;
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < end && consumers.appliedCount("unit-figures") < target) {
      CaseEvents.sleep(200);
    }
    assertTrue(
        consumers.appliedCount("unit-figures") >= target,
        "consumer applied " + (consumers.appliedCount("unit-figures") - baseline) + " of " + sent);

    // incremental cells vs Figures.recompute over the stored facts, per unit (total cell)
    Map<String, List<FactEvent>> facts = new HashMap<>();
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                store.forEachFact(
                    MONTH,
                    f -> {
                      if (expected.containsKey(f.ref().unitId())) {
                        facts.computeIfAbsent(f.ref().unitId(), k -> new ArrayList<>()).add(f);
                      }
                    }));
    for (String u : expected.keySet()) {
      Figures incremental =
          QuarkusTransaction.requiringNew()
              .call(() -> store.cell(u, MONTH, FiguresKey.ALL, FiguresKey.ALL));
      Figures recomputed = Figures.recompute(facts.getOrDefault(u, List.of()));
      assertEquals(recomputed, incremental, u);
      assertEquals(List.of(), incremental.inconsistencies(), u);
      Expected x = expected.get(u);
      assertEquals(x.received, incremental.received(), u + " received");
      assertEquals(x.handled, incremental.handled(), u + " handled");
      assertEquals(x.handledOnTime, incremental.handledOnTime(), u + " handled on time");
      assertEquals(x.returnsApproved, incremental.returnsApproved(), u + " returns");
      assertEquals(x.returnsRefused, incremental.returnsRefused(), u + " returns refused");
      assertEquals(x.checksFailed, incremental.checksFailed(), u + " failed checks");
    }
    // and the admin operation over every cell of the month (all categories, townships) agrees
    JsonPath r =
        given()
            .queryParam("period", "2027-02")
            .post("/api/v1/admin/figures/recompute")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(r.getBoolean("equal"), r.prettify());
    assertTrue(r.getLong("facts") > orders, r.prettify());
    JsonPath y =
        given()
            .queryParam("period", "2027")
            .post("/api/v1/admin/figures/recompute")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertTrue(y.getBoolean("equal"), y.prettify());
    long subOrders = departments.stream().mapToLong(d -> expected.get(d).received).sum();
    assertTrue(subOrders >= 10, "sub-orders generated: " + subOrders);
  }

  /**
   * A sub-order of the township body's order {@code parent} to its department: signed for on time
   * or late; reported back on time, late, after expiry, or never (expired); a return asked, then
   * approved or refused.
   */
  private void subOrder(
      CaseEvents ev, String c, String parent, String unit, Instant t, Expected x, Random rnd) {
    String dept = unit + "-D";
    String so = parent + "-S1";
    Map<String, String> data = Map.of("parentOrderId", parent, "parentUnitId", unit);
    sendCase(ev, c, "REDISPATCH_TO_SUB_UNIT", so, dept, t, data);
    x.received++;
    if (rnd.nextInt(4) == 0) {
      clockBreached(c, SUB_SIGN, so, dept, t.plusSeconds(3600));
      clockStopped(c, SUB_SIGN, so, dept, t.plusSeconds(5400), false);
    } else {
      clockStopped(c, SUB_SIGN, so, dept, t.plusSeconds(600), true);
    }
    sendCase(ev, c, "SIGN_FOR_SUB_ORDER", so, dept, t.plusSeconds(600), data);
    int o = rnd.nextInt(100);
    Instant h = t.plusSeconds(3000);
    if (o < 15) {
      sendCase(ev, c, "REQUEST_SUB_ORDER_RETURN", so, dept, t.plusSeconds(900), data);
      sendCase(ev, c, "APPROVE_SUB_ORDER_RETURN", so, dept, t.plusSeconds(1200), data);
      x.returnsApproved++;
      return;
    }
    if (o < 30) {
      sendCase(ev, c, "REQUEST_SUB_ORDER_RETURN", so, dept, t.plusSeconds(900), data);
      sendCase(ev, c, "REFUSE_SUB_ORDER_RETURN", so, dept, t.plusSeconds(1200), data);
      x.returnsRefused++;
    }
    if (o < 60) {
      clockStopped(c, SUB_HANDLING, so, dept, h, true);
      sendCase(ev, c, "SUBMIT_SUB_FEEDBACK", so, dept, h, data);
      x.handled++;
      x.handledOnTime++;
    } else if (o < 75) {
      clockStopped(c, SUB_HANDLING, so, dept, h, false);
      sendCase(ev, c, "SUBMIT_SUB_FEEDBACK", so, dept, h, data);
      x.handled++;
    } else if (o < 88) {
      clockBreached(c, SUB_HANDLING, so, dept, h);
      clockStopped(c, SUB_HANDLING, so, dept, h.plusSeconds(600), false);
      sendCase(ev, c, "SUBMIT_SUB_FEEDBACK", so, dept, h.plusSeconds(600), data);
      x.handled++;
    } else {
      clockBreached(c, SUB_HANDLING, so, dept, h);
    }
  }

  private void dispatch(CaseEvents ev, String c, String order, String unit, Instant at) {
    sendCase(ev, c, "DISPATCH", order, unit, at, null);
  }

  private void sendCase(
      CaseEvents ev,
      String c,
      String transition,
      String order,
      String unit,
      Instant at,
      Map<String, String> data) {
    ev.step(c, transition, order, unit, at, "user-" + c, data);
    sent++;
  }

  private void sign(String c, String order, String unit, Instant t, Random rnd) {
    if (rnd.nextInt(5) == 0) {
      clockBreached(c, SIGN, order, unit, t.plusSeconds(3600));
      clockStopped(c, SIGN, order, unit, t.plusSeconds(5400), false);
    } else {
      clockStopped(c, SIGN, order, unit, t.plusSeconds(1200), true);
    }
  }

  private void handle(
      CaseEvents ev, String c, String order, String unit, Instant t, boolean onTime) {
    clockStopped(c, HANDLING, order, unit, t, onTime);
    sendCase(ev, c, "PASS_CHECK", order, unit, t.plusSeconds(1800), null);
  }

  private void clockStopped(
      String c, String stage, String order, String unit, Instant t, boolean onTime) {
    stopped(c, stage, order, unit, t, onTime);
    sent++;
  }

  private void clockBreached(String c, String stage, String order, String unit, Instant t) {
    breached(c, stage, order, unit, t);
    sent++;
  }
}
