package cn.szcg.contracts.schema;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Nullable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Derives the JSON Schema (draft 2020-12) of an event payload from its Java record. The schemas are
 * committed under {@code src/main/resources/schemas} for the county's other systems; a test fails
 * when a committed schema and its Java type disagree. Run {@code main} to regenerate them.
 */
public final class SchemaGenerator {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SchemaGenerator() {}

  public static ObjectNode schemaOf(EventType type) {
    ObjectNode root = F.objectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "urn:szcg:schema:" + type.type());
    root.put("title", type.payloadType().getSimpleName());
    root.put("description", "data of CloudEvents type " + type.type() + " on " + type.topic());
    objectSchema(type.payloadType(), root);
    return root;
  }

  private static void objectSchema(Class<?> recordType, ObjectNode node) {
    node.put("type", "object");
    ObjectNode props = node.putObject("properties");
    ArrayNode required = F.arrayNode();
    for (RecordComponent c : recordType.getRecordComponents()) {
      boolean nullable = c.isAnnotationPresent(Nullable.class);
      ObjectNode p = typeSchema(c.getGenericType());
      if (nullable) {
        p.set("type", F.arrayNode().add(p.get("type").asText()).add("null"));
        if (p.has("enum")) {
          ((ArrayNode) p.get("enum")).addNull();
        }
      } else {
        required.add(c.getName());
      }
      props.set(c.getName(), p);
    }
    node.set("required", required);
  }

  private static ObjectNode typeSchema(Type t) {
    ObjectNode s = F.objectNode();
    if (t instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        s.put("type", "array");
        s.set("items", typeSchema(pt.getActualTypeArguments()[0]));
        return s;
      }
      if (Map.class.isAssignableFrom(raw)) {
        s.put("type", "object");
        s.set("additionalProperties", typeSchema(pt.getActualTypeArguments()[1]));
        return s;
      }
      throw new IllegalArgumentException("unsupported generic type " + t);
    }
    Class<?> c = (Class<?>) t;
    if (c == String.class) {
      s.put("type", "string");
    } else if (c == Instant.class) {
      s.put("type", "string");
      s.put("format", "date-time");
    } else if (c == LocalDate.class) {
      s.put("type", "string");
      s.put("format", "date");
    } else if (c == UUID.class) {
      s.put("type", "string");
      s.put("format", "uuid");
    } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      s.put("type", "integer");
    } else if (c == double.class || c == Double.class || c == BigDecimal.class) {
      s.put("type", "number");
    } else if (c == boolean.class || c == Boolean.class) {
      s.put("type", "boolean");
    } else if (c.isEnum()) {
      s.put("type", "string");
      ArrayNode values = s.putArray("enum");
      for (Object v : c.getEnumConstants()) {
        values.add(((Enum<?>) v).name());
      }
    } else if (c.isRecord()) {
      objectSchema(c, s);
    } else {
      throw new IllegalArgumentException("unsupported field type " + c);
    }
    return s;
  }

  public static String render(EventType type) {
    try {
      return PRETTY.writeValueAsString(schemaOf(type)) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "contracts/src/main/resources/schemas");
    Files.createDirectories(dir);
    for (EventType type : EventType.values()) {
      Path file = dir.resolve(type.schemaFile());
      Files.writeString(file, render(type));
      System.out.println("wrote " + file);
    }
  }
}
