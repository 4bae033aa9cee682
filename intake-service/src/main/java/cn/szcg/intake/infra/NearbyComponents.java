package cn.szcg.intake.infra;

import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.events.NearbyComponent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/**
 * The nearest components (部件) of a report as stored in {@code report.nearest_components} (jsonb):
 * the event shape {@link NearbyComponent}, written and read with the events' own mapper so that
 * what is stored is what the events carry.
 */
public final class NearbyComponents {

  private static final TypeReference<List<NearbyComponent>> LIST = new TypeReference<>() {};

  private NearbyComponents() {}

  /** JSON of the list; null for null (not asked). */
  public static String toJson(List<NearbyComponent> components) {
    return components == null ? null : EventCodec.toJson(components);
  }

  /** The stored list; null for null. */
  public static List<NearbyComponent> fromJson(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      return List.copyOf(EventCodec.mapper().readValue(json, LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report.nearest_components does not parse", e);
    }
  }
}
