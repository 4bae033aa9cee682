package cn.szcg.console.live;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.EventCodec;
import java.time.Instant;
import java.util.Optional;

/**
 * What the push channel (实时推送) says about one event of the suite: which kind of thing changed
 * ({@code report} 上报/受理, {@code case} 案件, {@code clock} 计时), its id (the case id — intake's report
 * and dispatch's case share it), the change (the event type, or dispatch's transition) and when.
 * Never more: no description, position, reporter, unit or category — the browser re-reads what it
 * needs through the owning service, which scopes every read.
 *
 * @param kind {@code report}, {@code case} or {@code clock}
 * @param id the case id (subject of the CloudEvent)
 * @param change e.g. {@code report-registered}, {@code case-filed}, {@code DISPATCH}, {@code
 *     clock-warned}
 * @param at the event's time (CloudEvents {@code time})
 */
public record Change(String kind, String id, String change, Instant at) {

  /**
   * The change an event of the suite announces, or empty for events the console does not push
   * (collectors' duty shifts and register, assessment notices, unknown types). Only the envelope is
   * read, and for a case transition the name of the transition.
   *
   * @param type CloudEvents {@code type}, e.g. {@code cn.szcg.intake.report-registered.v1}
   * @param subject CloudEvents {@code subject}: the case id
   * @param time CloudEvents {@code time}
   * @param data the JSON data (read for {@code transition} of a case transition only)
   */
  public static Optional<Change> of(String type, String subject, Instant time, String data) {
    Optional<EventType> known = EventType.ofType(type);
    if (known.isEmpty() || subject == null || subject.isBlank() || time == null) {
      return Optional.empty();
    }
    EventType t = known.get();
    if (t == EventType.COLLECTOR_DUTY_RECORDED || t == EventType.COLLECTOR_REGISTERED) {
      return Optional.empty(); // keyed by shift / collector, not a report
    }
    return switch (t.topic()) {
      case Topics.INTAKE -> Optional.of(new Change("report", subject, shortName(type), time));
      case Topics.CLOCKS -> Optional.of(new Change("clock", subject, shortName(type), time));
      case Topics.CASES -> Optional.of(new Change("case", subject, transition(type, data), time));
        // a notification to a person (通知): the frame names the notification and its kind, the
        // browser re-reads its inbox; only the recipient's streams get it (Audiences)
      case Topics.NOTIFICATIONS -> notification(data, time);
      default -> Optional.empty();
    };
  }

  /** A notification-raised: {@code {kind: notification, id: <notification id>, change: <kind>}}. */
  private static Optional<Change> notification(String data, Instant time) {
    try {
      var json = EventCodec.mapper().readTree(data);
      String id = json.path("notificationId").asText("");
      String kind = json.path("kind").asText("");
      if (!id.matches("[A-Za-z0-9_\\-]{1,100}") || !kind.matches("[A-Z_]{1,64}")) {
        return Optional.empty();
      }
      return Optional.of(new Change("notification", id, kind, time));
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /** {@code cn.szcg.intake.report-registered.v1} → {@code report-registered}. */
  static String shortName(String type) {
    String s = type;
    int v = s.lastIndexOf(".v");
    if (v > 0) {
      s = s.substring(0, v);
    }
    return s.substring(s.lastIndexOf('.') + 1);
  }

  /** The transition of a case-transitioned event ({@code DISPATCH} …); the type if unreadable. */
  private static String transition(String type, String data) {
    try {
      String tr = EventCodec.mapper().readTree(data).path("transition").asText("");
      return tr.isBlank() || !tr.matches("[A-Za-z0-9_\\-]{1,64}") ? shortName(type) : tr;
    } catch (Exception e) {
      return shortName(type);
    }
  }

  /** The SSE data line's JSON: exactly kind, id, change, at. */
  public String toJson() {
    return "{\"kind\":"
        + quote(kind)
        + ",\"id\":"
        + quote(id)
        + ",\"change\":"
        + quote(change)
        + ",\"at\":"
        + quote(at.toString())
        + "}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
