package cn.szcg.console.live;

import cn.szcg.console.ConsoleConfig;
import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The audience of each change on the push channel (实时推送, ADR 0005): which units and collectors an
 * event concerns, from the event itself and from what earlier events said about the same case.
 *
 * <p>What the events carry (contracts' records; nothing is asked of another service):
 *
 * <ul>
 *   <li>dispatch's {@code case-transitioned} (szcg.cases): {@code unitId} — the order's unit, for a
 *       sub-order step the department —, {@code actorUnitId} (a unit person acted), {@code
 *       data.parentUnitId} (二级派遣: the township body), {@code data.collectorId} (指令核查: the collector
 *       ordered to check) and, for the collector's own 核查通过/不通过, {@code actorUserId} with {@code
 *       actorRole} COLLECTOR;
 *   <li>sla's clock events (szcg.clocks): {@code unitId} of the order the clock measures (no parent
 *       unit: a township body hears of its departments' clocks through the case it remembers);
 *   <li>intake's report events (szcg.intake): {@code collectorId} of the collector who reported it
 *       or who is asked to verify it.
 * </ul>
 *
 * <p>Not every event names everyone it concerns — 结案 names the last order's unit but not a
 * department that handled a sub-order; a clock of a sub-order does not name the township body; a
 * report's rejection does not name a verifying collector — so the console keeps a small map case →
 * units and collectors learned from the events it reads (bounded: the least recently seen cases are
 * forgotten first, {@code szcg.console.live.audience-cases}). A unit or collector once named for a
 * case stays in its audience, as dispatch-service lets a unit read a case it held an order of. The
 * map starts empty with the console: a case whose events came before the start is heard of by its
 * unit when the next event names the unit (most do: every order step carries the order's unit), and
 * the screens' 30 s poll covers the rest.
 *
 * <p>Each hears of the kinds its own service lets it read: a {@code report} change (intake) only
 * the collector of the report or of its verification, a {@code case} change (dispatch) the units
 * and the collector ordered to check, a {@code clock} change (sla) the units.
 */
@ApplicationScoped
public class Audiences {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

  private final Map<String, Known> known;

  @Inject
  Audiences(ConsoleConfig config) {
    this(config.live().audienceCases());
  }

  /** A map of at most {@code maxCases} cases (tests). */
  public Audiences(int maxCases) {
    this.known =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > maxCases;
          }
        };
  }

  private record Known(Set<String> units, Set<String> collectors) {}

  /**
   * The audience of an event about case {@code subject}: those it names and those earlier events
   * named for the same case; remembers the named ones.
   *
   * @param type CloudEvents {@code type}
   * @param subject the case id
   * @param data the event's JSON
   */
  public synchronized Audience of(String type, String subject, String data) {
    if (EventType.ofType(type).map(EventType::topic).orElse("").equals(Topics.NOTIFICATIONS)) {
      // a notification (通知) is personal: its recipient's streams only, nothing remembered
      return Audience.person(recipient(data));
    }
    Audience named = named(type, data);
    Known k = known.get(subject);
    if (k == null) {
      if (named.units().isEmpty() && named.collectors().isEmpty()) {
        return Audience.CENTER_ONLY;
      }
      k = new Known(new LinkedHashSet<>(), new LinkedHashSet<>());
      known.put(subject, k);
    }
    k.units().addAll(named.units());
    k.collectors().addAll(named.collectors());
    // each hears of what its own service lets it read: intake's reports the collector, dispatch's
    // case the units and the checking collector, sla's clocks the units
    String topic = EventType.ofType(type).map(EventType::topic).orElse("");
    return switch (topic) {
      case Topics.INTAKE -> new Audience(Set.of(), k.collectors());
      case Topics.CLOCKS -> new Audience(k.units(), Set.of());
      default -> new Audience(k.units(), k.collectors());
    };
  }

  /** Cases remembered. */
  public synchronized int size() {
    return known.size();
  }

  /** Those an event itself names (the rule above); nobody for anything unreadable. */
  static Audience named(String type, String data) {
    Optional<EventType> t = EventType.ofType(type);
    if (t.isEmpty() || data == null || data.isBlank()) {
      return Audience.CENTER_ONLY;
    }
    JsonNode json;
    try {
      json = EventCodec.mapper().readTree(data);
    } catch (Exception e) {
      return Audience.CENTER_ONLY;
    }
    if (json == null || !json.isObject()) {
      return Audience.CENTER_ONLY;
    }
    Set<String> units = new LinkedHashSet<>();
    Set<String> collectors = new LinkedHashSet<>();
    switch (t.get().topic()) {
      case Topics.CASES -> {
        add(units, json.path("unitId"));
        add(units, json.path("actorUnitId"));
        add(units, json.path("data").path("parentUnitId"));
        add(collectors, json.path("data").path("collectorId"));
        if ("COLLECTOR".equals(json.path("actorRole").asText(""))) {
          add(collectors, json.path("actorUserId"));
        }
      }
      case Topics.CLOCKS -> add(units, json.path("unitId"));
      case Topics.INTAKE -> add(collectors, json.path("collectorId"));
      default -> {
        // not pushed
      }
    }
    return new Audience(units, collectors);
  }

  /** The recipient of a notification-raised; "" (nobody's name) if unreadable. */
  static String recipient(String data) {
    try {
      String r = EventCodec.mapper().readTree(data).path("recipientId").asText("");
      return ID.matcher(r).matches() ? r : "";
    } catch (Exception e) {
      return "";
    }
  }

  private static void add(Set<String> to, JsonNode value) {
    if (value != null && value.isTextual() && ID.matcher(value.asText()).matches()) {
      to.add(value.asText());
    }
  }
}
