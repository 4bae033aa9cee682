package cn.szcg.contracts.events;

import cn.szcg.contracts.Nullable;
import java.util.List;

/**
 * Where a case is, as gis-service answers it: township (乡镇), community (社区/村), unit grid (万米单元网格)
 * and its zone at the time of registration, and the nearest components (部件) around the point,
 * nearest first.
 *
 * <p>{@code nearestComponents} was added later (additive, optional): null in events published
 * before it existed and when gis-service was not asked for components; an empty list when it was
 * asked and none lies within the radius. Consumers that predate it ignore it.
 */
public record LocationContext(
    @Nullable String townshipCode,
    @Nullable String townshipName,
    @Nullable String communityCode,
    @Nullable String communityName,
    @Nullable String gridCode,
    Zone zone,
    @Nullable List<NearbyComponent> nearestComponents) {

  public LocationContext {
    nearestComponents = nearestComponents == null ? null : List.copyOf(nearestComponents);
  }

  /** The context without components (the shape before {@code nearestComponents} existed). */
  public LocationContext(
      String townshipCode,
      String townshipName,
      String communityCode,
      String communityName,
      String gridCode,
      Zone zone) {
    this(townshipCode, townshipName, communityCode, communityName, gridCode, zone, null);
  }

  /** The same context with these nearest components. */
  public LocationContext withNearestComponents(List<NearbyComponent> components) {
    return new LocationContext(
        townshipCode, townshipName, communityCode, communityName, gridCode, zone, components);
  }
}
