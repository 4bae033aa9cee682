package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of responsible units (处置责任单位备案, R-27) with the two-level structure: level-1
 * units the center dispatches to, and township bodies' sub-departments. Immutable.
 */
public final class UnitRegister {

  private final Map<String, UnitRecord> records;

  public UnitRegister(Collection<UnitRecord> records) {
    Map<String, UnitRecord> m = new LinkedHashMap<>();
    for (UnitRecord r : records) {
      if (m.put(r.unitId(), r) != null) {
        throw new UnitRegisterException(
            "DUPLICATE_UNIT", "单位编号重复：" + r.unitId(), "duplicate unit id " + r.unitId());
      }
    }
    for (UnitRecord r : m.values()) {
      checkParent(m, r.current());
    }
    this.records = Map.copyOf(m);
  }

  public static UnitRegister empty() {
    return new UnitRegister(List.of());
  }

  /** Register a new unit. A sub-department's parent must be a registered township body. */
  public UnitRegister register(Unit unit, Instant validFrom, Instant recordedAt, String by) {
    if (records.containsKey(unit.unitId())) {
      throw new UnitRegisterException(
          "DUPLICATE_UNIT", "单位已登记：" + unit.unitId(), "unit already registered " + unit.unitId());
    }
    return with(UnitRecord.register(unit, validFrom, recordedAt, by));
  }

  /** Replace (or add) one unit's record, e.g. after {@link UnitRecord#assign}. */
  public UnitRegister with(UnitRecord record) {
    Map<String, UnitRecord> m = new LinkedHashMap<>(records);
    m.put(record.unitId(), record);
    return new UnitRegister(m.values());
  }

  public Optional<UnitRecord> find(String unitId) {
    return Optional.ofNullable(records.get(unitId));
  }

  /** The unit record, or {@code UNKNOWN_UNIT}. */
  public UnitRecord get(String unitId) {
    return find(unitId)
        .orElseThrow(
            () ->
                new UnitRegisterException(
                    "UNKNOWN_UNIT", "未登记的单位：" + unitId, "unknown unit " + unitId));
  }

  public Collection<UnitRecord> all() {
    return records.values();
  }

  /** Active sub-departments of a township body now. */
  public List<Unit> subUnitsOf(String unitId) {
    return records.values().stream()
        .map(UnitRecord::current)
        .filter(u -> unitId.equals(u.parentUnitId()) && u.active())
        .toList();
  }

  /** Who answered for {@code unitId} at {@code t} (for accountability notices). */
  public Accountability accountableAt(String unitId, Instant t) {
    UnitRecord r = get(unitId);
    Unit u =
        r.unitAt(t)
            .orElseThrow(
                () ->
                    new UnitRegisterException(
                        "NOT_YET_REGISTERED",
                        "单位 " + unitId + " 在 " + t + " 尚未登记",
                        "unit " + unitId + " was not registered at " + t));
    return new Accountability(
        u,
        t,
        r.leaderInChargeAt(t).orElse(null),
        r.headOfHandlingOrganAt(t).orElse(null),
        r.receiversAt(t));
  }

  private static void checkParent(Map<String, UnitRecord> m, Unit u) {
    if (u.kind() != UnitKind.SUB_DEPARTMENT) {
      return;
    }
    UnitRecord parent = m.get(u.parentUnitId());
    if (parent == null || parent.current().kind() != UnitKind.TOWNSHIP_BODY) {
      throw new UnitRegisterException(
          "INVALID_PARENT",
          "下属部门 " + u.unitId() + " 的上级须为已登记的乡镇工作机构",
          "sub-department " + u.unitId() + " needs a registered township body as parent");
    }
  }
}
