package cn.szcg.dispatch.domain;

import java.util.Set;

/**
 * What the matrix needs to propose a unit.
 *
 * @param componentId the component (部件) of a component case, else null
 * @param maintainerUnitId the component's maintainer (管理维护单位) as gis-service knows it, else null
 * @param excludedUnitIds units not to propose: those whose return was approved, inactive units
 */
public record DispatchQuery(
    String categoryCode,
    AreaRef area,
    String componentId,
    String maintainerUnitId,
    Set<String> excludedUnitIds) {

  public DispatchQuery {
    area = area == null ? AreaRef.COUNTY : area;
    excludedUnitIds = excludedUnitIds == null ? Set.of() : Set.copyOf(excludedUnitIds);
  }

  /** An event case (事件): no component. */
  public static DispatchQuery of(String categoryCode, AreaRef area) {
    return new DispatchQuery(categoryCode, area, null, null, Set.of());
  }

  /** For a case: its category, area and component, excluding the units that returned it. */
  public static DispatchQuery forCase(DispatchCase c, String maintainerUnitId) {
    return new DispatchQuery(
        c.categoryCode(),
        c.area(),
        c.componentId(),
        maintainerUnitId,
        Set.copyOf(c.returnedUnitIds()));
  }
}
