package cn.szcg.intake.domain;

import java.time.LocalDate;

/**
 * A collection unit (信息采集单位, Art 14): the contractor employing collectors. Its contract runs from
 * {@code contractFrom} to {@code contractTo}, both days inclusive (Asia/Shanghai); {@code
 * contractTo} null means open-ended. {@code terminated} marks a contract ended early (Art 20).
 */
public record CollectionUnit(
    String id, String name, LocalDate contractFrom, LocalDate contractTo, boolean terminated) {

  public CollectionUnit {
    if (contractFrom == null) {
      throw new IllegalArgumentException("contractFrom is required");
    }
    if (contractTo != null && contractTo.isBefore(contractFrom)) {
      throw new IllegalArgumentException("contractTo before contractFrom");
    }
  }
}
