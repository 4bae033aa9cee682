package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.List;

/**
 * Who answered for a unit at an instant (for accountability notices, R-24/R-27): the unit as it
 * was, its leader in charge, head of handling organ and daily receivers (null / empty when none was
 * registered).
 */
public record Accountability(
    Unit unit,
    Instant at,
    ContactPerson leaderInCharge,
    ContactPerson headOfHandlingOrgan,
    List<ContactPerson> receivers) {
  public Accountability {
    receivers = List.copyOf(receivers);
  }
}
