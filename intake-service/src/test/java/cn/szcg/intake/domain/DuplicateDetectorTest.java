package cn.szcg.intake.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.events.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Duplicate detection: same category, within 50 m and 24 h of an open case. */
class DuplicateDetectorTest {

  static final GeoPoint HERE = new GeoPoint(118.8600, 26.2200);
  static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
  // one metre of latitude in degrees
  static final double M = 1.0 / 111_195.0;

  static GeoPoint north(double metres) {
    return new GeoPoint(HERE.lon(), HERE.lat() + metres * M);
  }

  static OpenCase open(String id, String cat, GeoPoint p, Instant at) {
    return new OpenCase(id, cat, p, at, IntakeState.FILED);
  }

  @Test
  void haversineMatchesKnownDistances() {
    // one degree of latitude is about 111.195 km on the mean sphere
    double d = Geo.haversineMetres(new GeoPoint(118.86, 26.0), new GeoPoint(118.86, 27.0));
    assertEquals(111_195, d, 1.0);
    assertEquals(0.0, Geo.haversineMetres(HERE, HERE), 1e-9);
    // one degree of longitude at 26.22° N is cos(26.22°) × 111.195 km ≈ 99.77 km
    double lon = Geo.haversineMetres(new GeoPoint(118.0, 26.22), new GeoPoint(119.0, 26.22));
    assertEquals(111_195 * Math.cos(Math.toRadians(26.22)), lon, 20);
  }

  @Test
  void proposesNearbyOpenCasesOfTheSameCategoryNearestFirst() {
    List<OpenCase> cands =
        List.of(
            open("far-40", "E-0101", north(40), NOW.minus(Duration.ofHours(1))),
            open("near-10", "E-0101", north(10), NOW.minus(Duration.ofHours(20))),
            open("too-far-60", "E-0101", north(60), NOW.minus(Duration.ofHours(1))),
            open("other-cat", "E-0103", north(5), NOW.minus(Duration.ofHours(1))),
            open("too-old", "E-0101", north(5), NOW.minus(Duration.ofHours(25))),
            new OpenCase("rejected", "E-0101", north(1), NOW, IntakeState.REJECTED),
            new OpenCase("merged", "E-0101", north(1), NOW, IntakeState.MERGED),
            new OpenCase("pending", "E-0101", north(30), NOW, IntakeState.VERIFICATION_PENDING));
    List<DuplicateMatch> m =
        DuplicateDetector.findDuplicates("E-0101", HERE, NOW, cands, DuplicatePolicy.DEFAULT);
    assertEquals(
        List.of("near-10", "pending", "far-40"),
        m.stream().map(x -> x.candidate().caseId()).toList());
    assertEquals(10, m.get(0).distanceMetres(), 0.1);
    assertEquals(Duration.ofHours(20), m.get(0).timeApart());
  }

  @Test
  void radiusAndWindowAreConfigurableAndInclusive() {
    List<OpenCase> cands = List.of(open("a", "E-0101", north(60), NOW.minus(Duration.ofHours(48))));
    assertTrue(
        DuplicateDetector.findDuplicates("E-0101", HERE, NOW, cands, DuplicatePolicy.DEFAULT)
            .isEmpty());
    assertEquals(
        1,
        DuplicateDetector.findDuplicates(
                "E-0101", HERE, NOW, cands, new DuplicatePolicy(100, Duration.ofHours(48)))
            .size());
  }

  @Test
  void equalDistancesPreferTheMostRecentCase() {
    List<OpenCase> cands =
        List.of(
            open("older", "E-0101", north(20), NOW.minus(Duration.ofHours(5))),
            open("newer", "E-0101", north(20), NOW.minus(Duration.ofHours(1))));
    List<DuplicateMatch> m =
        DuplicateDetector.findDuplicates("E-0101", HERE, NOW, cands, DuplicatePolicy.DEFAULT);
    assertEquals("newer", m.get(0).candidate().caseId());
  }

  @Test
  void noPointOrNoCategoryMeansNoProposal() {
    List<OpenCase> cands = List.of(open("a", "E-0101", HERE, NOW));
    assertTrue(
        DuplicateDetector.findDuplicates(null, HERE, NOW, cands, DuplicatePolicy.DEFAULT)
            .isEmpty());
    assertTrue(
        DuplicateDetector.findDuplicates("E-0101", null, NOW, cands, DuplicatePolicy.DEFAULT)
            .isEmpty());
  }

  @Test
  void theSearchBoxContainsTheWholeRadius() {
    BoundingBox box = Geo.boxAround(HERE, 50);
    assertTrue(box.contains(north(49.9)));
    assertTrue(
        box.contains(
            new GeoPoint(HERE.lon() + 49.9 * M / Math.cos(Math.toRadians(26.22)), HERE.lat())));
    assertTrue(!box.contains(north(51)));
  }
}
