package cn.szcg.dispatch.domain;

import java.time.Instant;

/**
 * One dated holding of a contact role (变更记录): {@code person} held {@code role} for {@code unitId}
 * from {@code validFrom} (inclusive) to {@code validTo} (exclusive; null while current).
 */
public record ContactAssignment(
    String unitId,
    ContactRole role,
    ContactPerson person,
    Instant validFrom,
    Instant validTo,
    Instant recordedAt,
    String recordedBy) {

  public boolean activeAt(Instant t) {
    return !t.isBefore(validFrom) && (validTo == null || t.isBefore(validTo));
  }

  public boolean current() {
    return validTo == null;
  }

  ContactAssignment endAt(Instant end) {
    return new ContactAssignment(unitId, role, person, validFrom, end, recordedAt, recordedBy);
  }
}
