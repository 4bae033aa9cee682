package cn.szcg.contracts.envelope;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Nullable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns payload records into CloudEvents and back. Unknown JSON properties are ignored so that a
 * consumer keeps reading events to which a producer added optional fields (forward compatibility).
 */
public final class EventCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private EventCodec() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Wraps a payload into a new event with a fresh id. */
  public static CloudEvent wrap(String source, String subject, Instant time, Record payload) {
    EventType type = EventType.ofPayload(payload.getClass());
    return new CloudEvent(
        UUID.randomUUID().toString(), source, type.type(), subject, time, toJson(payload));
  }

  public static String toJson(Object payload) {
    try {
      return MAPPER.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialize " + payload.getClass(), e);
    }
  }

  /** The event's type from the catalogue; {@link InvalidEventException} if unknown. */
  public static EventType typeOf(CloudEvent event) {
    return EventType.ofType(event.type())
        .orElseThrow(() -> new InvalidEventException("unknown event type " + event.type()));
  }

  /** The payload of the event as its catalogued Java type. */
  public static Record payload(CloudEvent event) {
    return read(event, typeOf(event).payloadType());
  }

  /** Every component not marked {@link Nullable} must be present, in nested records too. */
  /** A required (not {@code @Nullable}, not primitive) component of a record type. */
  private record Required(String name, java.lang.invoke.MethodHandle accessor) {}

  /**
   * The required components per record type, looked up once: reading them reflectively on every
   * event (getRecordComponents parses generic signatures) was a large part of a consumer's time.
   */
  private static final ClassValue<List<Required>> REQUIRED =
      new ClassValue<>() {
        @Override
        protected List<Required> computeValue(Class<?> type) {
          List<Required> out = new ArrayList<>();
          java.lang.invoke.MethodHandles.Lookup lookup =
              java.lang.invoke.MethodHandles.publicLookup();
          for (RecordComponent c : type.getRecordComponents()) {
            if (c.isAnnotationPresent(Nullable.class) || c.getType().isPrimitive()) {
              continue;
            }
            java.lang.reflect.Method accessor = c.getAccessor();
            try {
              out.add(new Required(c.getName(), lookup.unreflect(accessor)));
            } catch (IllegalAccessException e) {
              // a record that is not public (e.g. in a test): reflective access, as before
              accessor.trySetAccessible();
              try {
                out.add(
                    new Required(
                        c.getName(), java.lang.invoke.MethodHandles.lookup().unreflect(accessor)));
              } catch (IllegalAccessException again) {
                throw new IllegalStateException(again);
              }
            }
          }
          return List.copyOf(out);
        }
      };

  private static void requireFields(String type, Record record) {
    for (Required c : REQUIRED.get(record.getClass())) {
      Object v;
      try {
        v = c.accessor().invoke(record);
      } catch (Throwable e) {
        throw new IllegalStateException(e);
      }
      if (v == null) {
        throw new InvalidEventException(type + ": required field '" + c.name() + "' is missing");
      }
      if (v instanceof Record nested) {
        requireFields(type, nested);
      }
    }
  }

  public static <T> T read(CloudEvent event, Class<T> type) {
    try {
      T value = MAPPER.readValue(event.data(), type);
      if (value == null) {
        throw new InvalidEventException("data is null for " + event.type());
      }
      if (value instanceof Record r) {
        requireFields(event.type(), r);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new InvalidEventException(
          "data of " + event.type() + " does not parse: " + e.getOriginalMessage(), e);
    }
  }
}
