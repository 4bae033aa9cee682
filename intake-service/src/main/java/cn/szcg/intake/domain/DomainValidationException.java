package cn.szcg.intake.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a command or a catalogue edit breaks one or more field rules. Carries every violation
 * found (not only the first), so an API can answer with the complete field list.
 */
public class DomainValidationException extends RuntimeException {

  private final transient List<FieldViolation> violations;

  public DomainValidationException(
      String titleZh, String titleEn, List<FieldViolation> violations) {
    super(
        titleZh
            + " / "
            + titleEn
            + ": "
            + violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public List<FieldViolation> violations() {
    return violations;
  }

  /** Whether a violation with this field path and code is present. */
  public boolean has(String field, String code) {
    return violations.stream().anyMatch(v -> v.field().equals(field) && v.code().equals(code));
  }
}
