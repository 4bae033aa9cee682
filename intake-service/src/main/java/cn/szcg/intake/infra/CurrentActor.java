package cn.szcg.intake.infra;

import cn.szcg.intake.domain.Actor;
import cn.szcg.intake.domain.ChannelPermissions.Submitter;
import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * The acting user of the current request, from its verified bearer token (platform {@link Caller}).
 * Every mutating endpoint records {@link #id()} (the account) with what it did; the domain role of
 * a decision is the strongest intake role the token holds (shift lead over operator).
 */
@RequestScoped
public class CurrentActor {

  @Inject Caller caller;

  /** Who acts, in the role the intake rules know: 值班长, 受理员, 信息采集员, else an automated client. */
  public Actor actor() {
    if (caller.has(Roles.SHIFT_LEAD)) {
      return Actor.shiftLead(id());
    }
    if (caller.has(Roles.OPERATOR)) {
      return Actor.operator(id());
    }
    if (caller.has(Roles.COLLECTOR) && caller.collectorId() != null) {
      return Actor.collector(caller.collectorId());
    }
    return new Actor(id(), Actor.Role.SYSTEM);
  }

  /** The account (preferred_username) that acts. */
  public String id() {
    return caller.username();
  }

  /** The collector id of a collector's token ({@code collector_id}), or null. */
  public String collectorId() {
    return caller.collectorId();
  }

  public Caller caller() {
    return caller;
  }

  /** What the caller may submit as (the channels follow from it, {@code ChannelPermissions}). */
  public Set<Submitter> submitters() {
    Set<Submitter> s = EnumSet.noneOf(Submitter.class);
    if (caller.has(Roles.COLLECTOR)) {
      s.add(Submitter.COLLECTOR);
    }
    if (caller.has(Roles.OPERATOR) || caller.has(Roles.SHIFT_LEAD)) {
      s.add(Submitter.CENTER_OPERATOR);
    }
    if (caller.has(Roles.HOTLINE_PLATFORM)) {
      s.add(Submitter.HOTLINE_PLATFORM);
    }
    if (caller.has(Roles.COUNTY_SYSTEM)) {
      s.add(Submitter.COUNTY_SYSTEM);
    }
    return s;
  }

  /** A machine client (hotline platform, county systems) rather than a person. */
  public boolean isMachine() {
    return caller.hasAny(Roles.MACHINE_ROLES) && !caller.isCenter() && !caller.has(Roles.COLLECTOR);
  }

  /**
   * The namespace of {@code Idempotency-Key}s: the token's client ({@code azp}) for machine clients
   * (the hotline platform retries its tickets under its own client id), and client plus account for
   * people, whose apps share one client (a collector must never get another collector's report back
   * by replaying their key). Never taken from a request header.
   */
  public String idempotencyScope() {
    String client = caller.clientId();
    if (client == null) {
      client = "unknown-client";
    }
    return isMachine() ? client : client + "/" + caller.subject();
  }
}
