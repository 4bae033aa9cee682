package cn.szcg.intake.domain;

import java.time.LocalDate;

/**
 * A collector's training certificate (培训合格证, Art 16): valid from {@code validFrom} to {@code
 * validTo}, both days inclusive, in Asia/Shanghai; {@code validTo} null means no expiry.
 */
public record Certificate(String number, LocalDate validFrom, LocalDate validTo) {

  public Certificate {
    if (validFrom == null) {
      throw new IllegalArgumentException("validFrom is required");
    }
    if (validTo != null && validTo.isBefore(validFrom)) {
      throw new IllegalArgumentException("validTo before validFrom");
    }
  }
}
