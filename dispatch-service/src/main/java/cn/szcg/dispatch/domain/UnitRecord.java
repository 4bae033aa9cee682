package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One unit in the register with its dated history: the unit's data versions and every
 * holding of its contact roles. Immutable; each change returns a new record and keeps the past.
 */
public record UnitRecord(List<UnitVersion> versions, List<ContactAssignment> contacts) {

  public UnitRecord {
    if (versions == null || versions.isEmpty()) {
      throw new IllegalArgumentException("a unit record needs at least one version");
    }
    versions = List.copyOf(versions);
    contacts = List.copyOf(contacts == null ? List.of() : contacts);
  }

  /** Register a new unit (登记). */
  public static UnitRecord register(Unit unit, Instant validFrom, Instant recordedAt, String by) {
    return new UnitRecord(List.of(new UnitVersion(unit, validFrom, recordedAt, by)), List.of());
  }

  public String unitId() {
    return current().unitId();
  }

  /** The unit as registered now (latest version). */
  public Unit current() {
    return versions.get(versions.size() - 1).unit();
  }

  /** The unit as it was at {@code t}; empty before it was registered. */
  public Optional<Unit> unitAt(Instant t) {
    Unit found = null;
    for (UnitVersion v : versions) {
      if (!v.validFrom().isAfter(t)) {
        found = v.unit();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Change the unit's data (rename, (de)activate) from {@code validFrom} on. */
  public UnitRecord changeUnit(Unit changed, Instant validFrom, Instant recordedAt, String by) {
    if (!changed.unitId().equals(unitId())) {
      throw new UnitRegisterException("INVALID_INPUT", "单位编号不能变更", "the unit id cannot change");
    }
    UnitVersion last = versions.get(versions.size() - 1);
    if (!validFrom.isAfter(last.validFrom())) {
      throw new UnitRegisterException(
          "NOT_AFTER_LAST_CHANGE",
          "生效时间须晚于上次变更（" + last.validFrom() + "）",
          "a change must take effect after the last one (" + last.validFrom() + ")");
    }
    List<UnitVersion> vs = new ArrayList<>(versions);
    vs.add(new UnitVersion(changed, validFrom, recordedAt, by));
    return new UnitRecord(vs, contacts);
  }

  /**
   * Record that {@code person} holds {@code role} from {@code validFrom}. For a single-holder role
   * (leader in charge, head of handling organ) the previous holder's term ends at {@code
   * validFrom}; a daily receiver is added beside the current ones.
   */
  public UnitRecord assign(
      ContactRole role, ContactPerson person, Instant validFrom, Instant recordedAt, String by) {
    List<ContactAssignment> cs = new ArrayList<>(contacts);
    for (int i = 0; i < cs.size(); i++) {
      ContactAssignment a = cs.get(i);
      if (a.role() != role || !a.current()) {
        continue;
      }
      boolean replaces = role.single() || a.person().personId().equals(person.personId());
      if (!replaces) {
        continue;
      }
      if (!validFrom.isAfter(a.validFrom())) {
        throw new UnitRegisterException(
            "NOT_AFTER_LAST_CHANGE",
            role.labelZh() + "变更的生效时间须晚于现任的起始时间（" + a.validFrom() + "）",
            role
                + " change must take effect after the current holder's start ("
                + a.validFrom()
                + ")");
      }
      cs.set(i, a.endAt(validFrom));
    }
    cs.add(new ContactAssignment(unitId(), role, person, validFrom, null, recordedAt, by));
    return new UnitRecord(versions, cs);
  }

  /** End {@code personId}'s current holding of {@code role} at {@code validTo} (离任). */
  public UnitRecord end(ContactRole role, String personId, Instant validTo) {
    List<ContactAssignment> cs = new ArrayList<>(contacts);
    for (int i = 0; i < cs.size(); i++) {
      ContactAssignment a = cs.get(i);
      if (a.role() == role && a.current() && a.person().personId().equals(personId)) {
        if (!validTo.isAfter(a.validFrom())) {
          throw new UnitRegisterException(
              "NOT_AFTER_LAST_CHANGE",
              "离任时间须晚于任职起始时间",
              "the end must be after the start (" + a.validFrom() + ")");
        }
        cs.set(i, a.endAt(validTo));
        return new UnitRecord(versions, cs);
      }
    }
    throw new UnitRegisterException(
        "NO_SUCH_HOLDER",
        personId + " 当前不是 " + role.labelZh(),
        personId + " does not currently hold " + role);
  }

  /** Who held {@code role} at {@code t} (several for daily receivers), in order of start. */
  public List<ContactPerson> holdersAt(ContactRole role, Instant t) {
    return contacts.stream()
        .filter(a -> a.role() == role && a.activeAt(t))
        .sorted(Comparator.comparing(ContactAssignment::validFrom))
        .map(ContactAssignment::person)
        .toList();
  }

  /** 分管领导 at {@code t}. */
  public Optional<ContactPerson> leaderInChargeAt(Instant t) {
    return holdersAt(ContactRole.LEADER_IN_CHARGE, t).stream().findFirst();
  }

  /** 处置机构负责人 at {@code t}. */
  public Optional<ContactPerson> headOfHandlingOrganAt(Instant t) {
    return holdersAt(ContactRole.HEAD_OF_HANDLING_ORGAN, t).stream().findFirst();
  }

  /** 批办件接收人员 at {@code t}. */
  public List<ContactPerson> receiversAt(Instant t) {
    return holdersAt(ContactRole.DAILY_RECEIVER, t);
  }

  /** The full history of one role, oldest first. */
  public List<ContactAssignment> history(ContactRole role) {
    return contacts.stream()
        .filter(a -> a.role() == role)
        .sorted(Comparator.comparing(ContactAssignment::validFrom))
        .toList();
  }
}
