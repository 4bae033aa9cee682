package cn.szcg.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.envelope.InvalidEventException;
import cn.szcg.contracts.schema.SchemaGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type has a committed JSON Schema that agrees with its Java record, and a committed
 * sample (an event as it was once published) that validates against the schema and still parses
 * into the Java type — old events must keep parsing.
 */
class SchemaAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  @ParameterizedTest
  @EnumSource(EventType.class)
  void committedSchemaEqualsTheSchemaOfTheJavaType(EventType type) throws IOException {
    JsonNode committed = read("/schemas/" + type.schemaFile());
    assertEquals(
        SchemaGenerator.schemaOf(type),
        committed,
        "schema of "
            + type.type()
            + " disagrees with "
            + type.payloadType().getSimpleName()
            + ": regenerate with ./mvnw -pl contracts compile exec:java and review the change");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void sampleValidatesAgainstSchemaAndParsesIntoTheJavaType(EventType type) throws IOException {
    JsonNode sample = read("/samples/" + type.type() + ".json");
    JsonSchema schema = FACTORY.getSchema(read("/schemas/" + type.schemaFile()));
    Set<ValidationMessage> errors = schema.validate(sample);
    assertTrue(errors.isEmpty(), type.type() + " sample invalid: " + errors);

    CloudEvent event =
        new CloudEvent(
            "id-1", "test", type.type(), "case-1", Instant.EPOCH, JSON.writeValueAsString(sample));
    Record payload = EventCodec.payload(event);
    assertEquals(type.payloadType(), payload.getClass());

    // Re-serialized, the Java value still validates (the producer side agrees too).
    JsonNode again = JSON.readTree(EventCodec.toJson(payload));
    assertTrue(schema.validate(again).isEmpty(), type.type() + " re-serialized invalid");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void aMissingRequiredFieldIsRefusedBySchemaAndCodec(EventType type) throws IOException {
    JsonNode schemaNode = read("/schemas/" + type.schemaFile());
    String required = schemaNode.get("required").get(0).asText();
    com.fasterxml.jackson.databind.node.ObjectNode sample =
        (com.fasterxml.jackson.databind.node.ObjectNode) read("/samples/" + type.type() + ".json");
    sample.remove(required);
    assertFalse(FACTORY.getSchema(schemaNode).validate(sample).isEmpty());
    CloudEvent event =
        new CloudEvent("id-1", "test", type.type(), "case-1", Instant.EPOCH, sample.toString());
    if (!isPrimitive(type, required)) {
      assertThrows(InvalidEventException.class, () -> EventCodec.payload(event));
    }
  }

  private static boolean isPrimitive(EventType type, String field) {
    for (var c : type.payloadType().getRecordComponents()) {
      if (c.getName().equals(field)) {
        return c.getType().isPrimitive();
      }
    }
    return false;
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = SchemaAgreementTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "missing resource " + resource);
      return JSON.readTree(in);
    }
  }
}
