package cn.szcg.assessment.domain;

import java.util.Objects;

/** A collector (信息采集员) and the collection unit (信息采集单位) employing them at the time. */
public record CollectorRef(String collectorId, String collectionUnitId) {
  public CollectorRef {
    Objects.requireNonNull(collectorId, "collectorId");
    Objects.requireNonNull(collectionUnitId, "collectionUnitId");
  }
}
