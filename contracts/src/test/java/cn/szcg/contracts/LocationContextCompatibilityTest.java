package cn.szcg.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.envelope.EventCodec;
import cn.szcg.contracts.envelope.InvalidEventException;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.LocationContext;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.NearbyComponent;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code LocationContext.nearestComponents} (部件 near the point) was added to three published types
 * within v1: it must be additive both ways. Old consumers — the schemas as they were committed
 * before ({@code compat/location-context-v0}) and Java types without the field — read the new
 * events; new consumers read old events (the committed samples) with the field null.
 */
class LocationContextCompatibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

  /** The three event types that carry a {@link LocationContext}. */
  enum Carrier {
    REPORT_REGISTERED(EventType.REPORT_REGISTERED),
    LOCATION_RESOLVED(EventType.LOCATION_RESOLVED),
    CASE_FILED(EventType.CASE_FILED);

    final EventType type;

    Carrier(EventType type) {
      this.type = type;
    }
  }

  // the shapes an old consumer compiled against (no nearestComponents)
  public record OldContext(
      String townshipCode,
      String townshipName,
      String communityCode,
      String communityName,
      String gridCode,
      Zone zone) {}

  public record OldLocationResolved(String caseId, OldContext context, Instant resolvedAt) {}

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void newEventsValidateAgainstTheOldAndTheNewSchema(Carrier c) throws IOException {
    JsonNode sample = read("/compat/nearest-components/" + c.type.type() + ".json");
    assertEquals(2, sample.path("context").path("nearestComponents").size());
    for (String schema :
        List.of(
            "/schemas/" + c.type.schemaFile(),
            "/compat/location-context-v0/" + c.type.schemaFile())) {
      var errors = FACTORY.getSchema(read(schema)).validate(sample);
      assertTrue(errors.isEmpty(), schema + ": " + errors);
    }
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void newEventsParseWithTheirComponentsAndReserializeValid(Carrier c) throws IOException {
    JsonNode sample = read("/compat/nearest-components/" + c.type.type() + ".json");
    Record payload = EventCodec.payload(event(c.type, sample.toString()));
    LocationContext ctx = contextOf(payload);
    assertNotNull(ctx.nearestComponents());
    assertEquals(
        new NearbyComponent(
            "3501240101000001",
            "0101",
            "上水井盖",
            "梅城镇上水井盖",
            "DAMAGED",
            "县住房和城乡建设局",
            "闽清县自来水公司",
            "闽清县自来水公司",
            3.4),
        ctx.nearestComponents().get(0));
    assertEquals(17.0, ctx.nearestComponents().get(1).distanceM());
    JsonNode again = JSON.readTree(EventCodec.toJson(payload));
    assertEquals(sample.path("context"), again.path("context"));
    assertTrue(
        FACTORY.getSchema(read("/schemas/" + c.type.schemaFile())).validate(again).isEmpty());
    assertTrue(
        FACTORY
            .getSchema(read("/compat/location-context-v0/" + c.type.schemaFile()))
            .validate(again)
            .isEmpty(),
        "an old consumer's schema accepts what the new producer writes");
  }

  @ParameterizedTest
  @EnumSource(Carrier.class)
  void oldEventsParseWithoutComponents(Carrier c) throws IOException {
    JsonNode old = read("/samples/" + c.type.type() + ".json");
    LocationContext ctx = contextOf(EventCodec.payload(event(c.type, old.toString())));
    assertEquals("3501241000010007", ctx.gridCode());
    assertNull(ctx.nearestComponents());
  }

  @Test
  void anOldConsumerTypeReadsTheNewEventIgnoringTheComponents() throws IOException {
    JsonNode sample = read("/compat/nearest-components/cn.szcg.intake.location-resolved.v1.json");
    OldLocationResolved old =
        EventCodec.read(
            event(EventType.LOCATION_RESOLVED, sample.toString()), OldLocationResolved.class);
    assertEquals("3501241000010007", old.context().gridCode());
    assertEquals(Zone.URBAN, old.context().zone());
  }

  @Test
  void anOldProducersEventReadsIntoTheNewType() {
    String data =
        EventCodec.toJson(
            new OldLocationResolved(
                "case-1",
                new OldContext("350124100", "梅城镇", null, null, null, Zone.FRINGE),
                Instant.parse("2026-03-02T01:15:02Z")));
    LocationResolved r =
        (LocationResolved) EventCodec.payload(event(EventType.LOCATION_RESOLVED, data));
    assertEquals(
        new LocationContext("350124100", "梅城镇", null, null, null, Zone.FRINGE), r.context());
    assertNull(r.context().nearestComponents());
  }

  @Test
  void theSixArgumentConstructorKeepsOldCallersCompiling() {
    LocationContext six = new LocationContext("t", "tn", "c", "cn", "g", Zone.URBAN);
    assertNull(six.nearestComponents());
    LocationContext none = six.withNearestComponents(List.of());
    assertEquals(List.of(), none.nearestComponents());
    assertFalse(none.equals(six), "asked-and-none differs from not-asked");
    assertEquals(six, none.withNearestComponents(null));
  }

  @Test
  void aComponentWithoutItsIdIsRefusedBySchemaAndCodec() throws IOException {
    ObjectNode sample =
        (ObjectNode) read("/compat/nearest-components/cn.szcg.intake.case-filed.v1.json");
    ((ObjectNode) sample.path("context").path("nearestComponents").get(0)).remove("componentId");
    assertFalse(
        FACTORY
            .getSchema(read("/schemas/" + EventType.CASE_FILED.schemaFile()))
            .validate(sample)
            .isEmpty());
    assertThrows(
        InvalidEventException.class,
        () -> EventCodec.payload(event(EventType.CASE_FILED, sample.toString())),
        "and by the codec");
  }

  private static LocationContext contextOf(Record payload) {
    if (payload instanceof ReportRegistered r) {
      return r.context();
    }
    if (payload instanceof LocationResolved r) {
      return r.context();
    }
    return ((CaseFiled) payload).context();
  }

  private static CloudEvent event(EventType type, String data) {
    return new CloudEvent("id-1", "test", type.type(), "case-1", Instant.EPOCH, data);
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = LocationContextCompatibilityTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "missing resource " + resource);
      return JSON.readTree(in);
    }
  }
}
