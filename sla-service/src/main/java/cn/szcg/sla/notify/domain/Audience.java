package cn.szcg.sla.notify.domain;

/**
 * Who is to be told, before the directory turns it into persons: a named person, the holders of a
 * role in a unit (only those on duty), the holders of a center role, or a collector by collector
 * id.
 */
public sealed interface Audience {

  /** A person named by realm username (e.g. the person of an Art 33 notice). */
  record Person(String personId) implements Audience {}

  /** The holders of {@code role} in {@code unitId} on duty (接收员 unit-receiver, 领导 unit-leader). */
  record UnitRole(String unitId, String role) implements Audience {}

  /** The holders of a center role (值班长 shift-lead, 派遣员 dispatcher, 督查室, 效能办). */
  record CenterRole(String role) implements Audience {}

  /** A field collector by collector id (C0001). */
  record Collector(String collectorId) implements Audience {}
}
