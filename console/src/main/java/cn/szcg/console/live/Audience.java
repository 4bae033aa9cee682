package cn.szcg.console.live;

import java.util.Set;

/**
 * Who besides the command center may hear of one change on the push channel (实时推送): the units
 * (处置责任单位) and collectors (信息采集员) the change concerns. Computed by the server from what the events
 * carry ({@link Audiences}); never sent — a frame is still only {kind, id, change, at}.
 *
 * <p>The rule mirrors how the owning services scope their reads, so a frame tells a person only
 * that something they may read has changed: dispatch-service lets a unit read the cases where it
 * holds or held an order or sub-order (and a township body its departments' sub-orders), a
 * collector the cases it was ordered to check; intake-service lets a collector read its own reports
 * and verification tasks.
 *
 * <p>A notification to a person (通知, sla's {@code notification-raised}, docs/notifications.md) is
 * personal: its audience names the recipient in {@code persons}, and only the recipient's own
 * streams hear of it — not the command center, not the recipient's unit.
 *
 * @param units unit ids (token claim {@code unit_id}) that may hear of the change
 * @param collectors collector ids (token claim {@code collector_id}) that may hear of it
 * @param persons realm usernames: when not empty, only their own streams hear of it
 */
public record Audience(Set<String> units, Set<String> collectors, Set<String> persons) {

  /** Nobody but the command center. */
  public static final Audience CENTER_ONLY = new Audience(Set.of(), Set.of());

  public Audience {
    units = Set.copyOf(units);
    collectors = Set.copyOf(collectors);
    persons = Set.copyOf(persons);
  }

  public Audience(Set<String> units, Set<String> collectors) {
    this(units, collectors, Set.of());
  }

  /** One person's own change (a notification): their streams only. */
  public static Audience person(String username) {
    return new Audience(Set.of(), Set.of(), Set.of(username));
  }

  /** Whether the stream of {@code username}, seen as {@code viewer}, hears of this change. */
  public boolean reaches(String username, Viewer viewer) {
    if (!persons.isEmpty()) {
      return username != null && persons.contains(username);
    }
    return viewer.admits(this);
  }

  /** The person a stream belongs to, as far as the push channel's scope goes. */
  public sealed interface Viewer {

    /** Whether this person may hear of a change with {@code audience}. */
    boolean admits(Audience audience);

    /** A role of the command center: every change (they read every case). */
    record Center() implements Viewer {
      @Override
      public boolean admits(Audience audience) {
        return true;
      }
    }

    /** A unit's receiver, leader or handler: changes of cases its unit holds or held. */
    record Unit(String unitId) implements Viewer {
      @Override
      public boolean admits(Audience audience) {
        return audience.units().contains(unitId);
      }
    }

    /** A collector: changes of its own reports and tasks. */
    record Collector(String collectorId) implements Viewer {
      @Override
      public boolean admits(Audience audience) {
        return audience.collectors().contains(collectorId);
      }
    }
  }
}
