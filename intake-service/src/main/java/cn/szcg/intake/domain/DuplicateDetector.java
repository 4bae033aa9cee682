package cn.szcg.intake.domain;

import cn.szcg.contracts.events.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Duplicate detection (R-05 practice; LESSONS: "reporters of the same problem each start a case").
 * A new arrival is proposed as a duplicate of every open case that
 *
 * <ul>
 *   <li>has the same category code,
 *   <li>lies within {@link DuplicatePolicy#radiusMetres()} (haversine distance),
 *   <li>was registered within {@link DuplicatePolicy#window()} of the arrival (either side), and
 *   <li>is in a state that still accepts duplicates ({@link IntakeState#acceptsDuplicates()}).
 * </ul>
 *
 * Matches are ordered nearest first, then most recent first. Only a proposal: the operator merges.
 * An arrival without a point or a category gets no proposal. The caller may pre-filter candidates
 * with {@link Geo#boxAround} on an index.
 */
public final class DuplicateDetector {

  private static final Comparator<DuplicateMatch> ORDER =
      Comparator.comparingDouble(DuplicateMatch::distanceMetres)
          .thenComparing(m -> m.candidate().registeredAt(), Comparator.reverseOrder())
          .thenComparing(m -> m.candidate().caseId());

  private DuplicateDetector() {}

  public static List<DuplicateMatch> findDuplicates(
      String categoryCode,
      GeoPoint point,
      Instant registeredAt,
      Collection<OpenCase> candidates,
      DuplicatePolicy policy) {
    List<DuplicateMatch> out = new ArrayList<>();
    if (categoryCode == null || point == null || registeredAt == null || candidates == null) {
      return out;
    }
    for (OpenCase c : candidates) {
      if (c == null
          || c.point() == null
          || c.registeredAt() == null
          || c.state() == null
          || !c.state().acceptsDuplicates()
          || !categoryCode.equals(c.categoryCode())) {
        continue;
      }
      Duration apart = Duration.between(c.registeredAt(), registeredAt).abs();
      if (apart.compareTo(policy.window()) > 0) {
        continue;
      }
      double d = Geo.haversineMetres(point, c.point());
      if (d <= policy.radiusMetres()) {
        out.add(new DuplicateMatch(c, d, apart));
      }
    }
    out.sort(ORDER);
    return out;
  }
}
