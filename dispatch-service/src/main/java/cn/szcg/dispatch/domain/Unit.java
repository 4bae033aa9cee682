package cn.szcg.dispatch.domain;

import java.util.Objects;

/**
 * A responsible unit (处置责任单位) as registered.
 *
 * @param parentUnitId the township body of a {@link UnitKind#SUB_DEPARTMENT}; null otherwise
 * @param townshipCode the township a township body or sub-department belongs to; may be null
 */
public record Unit(
    String unitId,
    String name,
    UnitKind kind,
    String parentUnitId,
    String townshipCode,
    boolean active) {

  public Unit {
    if (unitId == null || unitId.isBlank()) {
      throw new IllegalArgumentException("unitId must not be blank");
    }
    Objects.requireNonNull(kind, "kind");
    if (kind == UnitKind.SUB_DEPARTMENT && (parentUnitId == null || parentUnitId.isBlank())) {
      throw new IllegalArgumentException("a sub-department needs its township body as parent");
    }
    if (kind != UnitKind.SUB_DEPARTMENT && parentUnitId != null) {
      throw new IllegalArgumentException("only a sub-department has a parent unit");
    }
  }

  Unit withActive(boolean a) {
    return new Unit(unitId, name, kind, parentUnitId, townshipCode, a);
  }
}
