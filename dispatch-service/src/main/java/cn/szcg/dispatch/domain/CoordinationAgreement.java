package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.List;

/**
 * An agreement reached by coordination (协调一致意见, R-17/R-19) by the territorial principle (属地管辖), or
 * a designation by the county government. It binds the agreed unit: its order cannot be returned.
 *
 * @param byCountyGovernment true when the county government designated the unit (R-17 second part,
 *
 */
public record CoordinationAgreement(
    String agreedUnitId,
    List<String> participatingUnitIds,
    String text,
    boolean byCountyGovernment,
    Instant at,
    String recordedBy) {
  public CoordinationAgreement {
    participatingUnitIds =
        participatingUnitIds == null ? List.of() : List.copyOf(participatingUnitIds);
  }
}
