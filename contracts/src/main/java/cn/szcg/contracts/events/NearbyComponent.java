package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.util.Objects;

/**
 * A component (部件) near the reported point, as gis-service's {@code locate} answers it: its
 * 16-digit id (部件标识码), class (小类, e.g. {@code 0101} 上水井盖), state and who is responsible for it
 * (主管部门, 权属单位, 养护单位), and its distance from the point on the WGS84 spheroid in metres, rounded to
 * 0.1 m (0 for a point inside a polygon component).
 */
public record NearbyComponent(
    String componentId,
    String classCode,
    @Nullable String className,
    @Nullable String name,
    @Nullable String state,
    @Nullable String department,
    @Nullable String owner,
    @Nullable String maintainer,
    double distanceM) {

  /**
   * The id and class are required inside the list too ({@code EventCodec} checks the required
   * fields of nested records, not of list elements): a component without them does not parse.
   */
  public NearbyComponent {
    Objects.requireNonNull(componentId, "componentId");
    Objects.requireNonNull(classCode, "classCode");
  }
}
