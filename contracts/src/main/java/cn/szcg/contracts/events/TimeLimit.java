package cn.szcg.contracts.events;

/** A time limit: an amount of a unit, e.g. 4 WORKING_HOURS. */
public record TimeLimit(int amount, LimitUnit unit) {}
