package cn.szcg.assessment.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.assessment.application.PeriodicReports;
import cn.szcg.assessment.domain.Period;
import cn.szcg.testsupport.KafkaTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The periodic 通报 of a month of a county with 100,000 cases (docs/assessment.md, 定期通报), excluded
 * from the normal run. Run: SZCG_TEST_DB_SUFFIX=_x ./mvnw -o -pl assessment-service test
 * -Dszcg.excludedGroups=none -Dgroups=benchmark -Dtest=PeriodicReportBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false
 *
 * <p>Store, generated in SQL (untimed): May 2033 with {@code bench.units} (200) units whose month
 * cells hold {@code bench.cases} (100,000) orders, and the month's Art 33 notices — one per 10
 * cases (10,000: a bad month) — and 200 效能告诫. Timed: sealing the month's 通报 (read, PDF, xlsx,
 * hashes, anchor, outbox), as the closing job does it.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@Tag("benchmark")
class PeriodicReportBenchmarkTest {

  @Inject EntityManager em;
  @Inject PeriodicReports reports;
  @Inject PeriodicReportDocuments documents;

  static int intProp(String name, int def) {
    return Integer.parseInt(System.getProperty(name, String.valueOf(def)));
  }

  @Test
  void aMonthOfAHundredThousandCases() throws Exception {
    int units = intProp("bench.units", 200);
    int cases = intProp("bench.cases", 100_000);
    int notices = cases / 10;
    long t0 = System.nanoTime();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              em.createNativeQuery(
                      "INSERT INTO figure_cell (subject_id, period, category_code, township_code,"
                          + " received, signed_on_time, signed_late, handled, handled_on_time,"
                          + " overdue_handling, expired_unhandled, checked, reworked,"
                          + " extended_orders, satisfied, dissatisfied)"
                          + " SELECT 'PB-' || lpad(u::text, 4, '0'), '2033-05', '*', '*', r,"
                          + " r * 9 / 10, r / 10, r * 8 / 10, r * (60 + u % 35) / 100, r / 10,"
                          + " r / 10, r * 8 / 10, r * ((u % 7) + 1) / 100, r / 20, r / 2, r / 20"
                          + " FROM generate_series(1, ?1) u CROSS JOIN LATERAL (SELECT (?2 / ?1 +"
                          + " CASE WHEN u <= ?2 % ?1 THEN 1 ELSE 0 END)::bigint AS r) x")
                  .setParameter(1, units)
                  .setParameter(2, cases)
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO unit_name (unit_id, name, named_at) SELECT 'PB-' ||"
                          + " lpad(u::text, 4, '0'), '闽清县第' || u || '责任单位', now() FROM"
                          + " generate_series(1, ?1) u")
                  .setParameter(1, units)
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO accountability_notice (action_id, type, level, unit_id, kind,"
                          + " month, ordinal, incident_id, case_id, person_id, person_name,"
                          + " person_missing, title_zh, title_en, issued_at) SELECT 'PBN-' || i,"
                          + " CASE WHEN i % 3 = 0 THEN 'EFFICIENCY_OFFICE_NOTICE' ELSE"
                          + " 'CENTER_NOTICE' END, 'UNIT', 'PB-' || lpad((i % ?2 + 1)::text, 4,"
                          + " '0'), 'LATE_SIGN_FOR', '2033-05', i / ?2 + 1, 'PBI-' || i, 'PBC-' ||"
                          + " i, 'P-' || (i % ?2), '张值班', false, '超时签收通报：案件 PBC-' || i || '"
                          + " 未在1个工作小时内签收', 'late sign-for', timestamptz '2033-05-01"
                          + " 00:00+08' + (i % 30) * interval '1 day' + (i % 86400) * interval '1"
                          + " second' FROM generate_series(1, ?1) i")
                  .setParameter(1, notices)
                  .setParameter(2, units)
                  .executeUpdate();
              em.createNativeQuery(
                      "INSERT INTO efficiency_warning (warning_id, notice_action_id, unit_id,"
                          + " case_id, person_id, person_name, reason_zh, issued_by, issued_at)"
                          + " SELECT 'PBW-' || i, 'PBN-' || (i * 3), 'PB-' || lpad((i * 3 % ?1 +"
                          + " 1)::text, 4, '0'), 'PBC-' || (i * 3), 'P-' || i, '王五', '本月三次超时签收，"
                          + "予以效能告诫', 'eff-1', timestamptz '2033-05-20 10:00+08' + i * interval '1"
                          + " minute' FROM generate_series(1, 200) i")
                  .setParameter(1, units)
                  .executeUpdate();
            });
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "ANALYZE figure_cell, accountability_notice, efficiency_warning")
                    .executeUpdate());
    System.out.printf(
        "BENCH periodic report: store generated in %d ms (%d units, %d cases, %d notices, 200"
            + " warnings)%n",
        (System.nanoTime() - t0) / 1_000_000, units, cases, notices);

    double[] load = new double[3];
    try {
      var os = ManagementFactory.getOperatingSystemMXBean();
      load[0] = os.getSystemLoadAverage();
    } catch (RuntimeException e) {
      load[0] = -1;
    }
    long start = System.nanoTime();
    PeriodicReports.Outcome o =
        reports.close(
            Period.month(2033, 5), Instant.parse("2033-06-03T16:00:00Z"), "bench", "admin");
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(o.created());
    assertEquals(units, o.report().unitIds().size());
    byte[] pdf = reports.document("MONTH-2033-05", true);
    byte[] xlsx = reports.document("MONTH-2033-05", false);
    int pages;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      pages = doc.getNumberOfPages();
    }
    System.out.printf(
        "BENCH periodic report MONTH-2033-05: sealed in %d ms (load average before %.1f); PDF %d"
            + " pages %d KB, xlsx %d KB%n",
        ms, load[0], pages, pdf.length / 1024, xlsx.length / 1024);
    // its parts, once more (the sealing's own are not timed separately)
    long a = System.nanoTime();
    var content =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    reports.content(Period.month(2033, 5), Instant.parse("2033-06-03T16:00:00Z")));
    long b = System.nanoTime();
    documents.pdf(content);
    long c = System.nanoTime();
    documents.xlsx(content);
    long d = System.nanoTime();
    System.out.printf(
        "BENCH periodic report parts: read %d ms, PDF %d ms, xlsx %d ms (load average %.1f)%n",
        (b - a) / 1_000_000,
        (c - b) / 1_000_000,
        (d - c) / 1_000_000,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    assertTrue(ms < 30_000, "a month's 通报 in < 30 s: " + ms + " ms");
  }
}
