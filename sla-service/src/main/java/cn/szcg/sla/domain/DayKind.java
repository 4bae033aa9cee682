package cn.szcg.sla.domain;

/** What an exception to the normal working week makes of a date. */
public enum DayKind {
  /** Official holiday or rest day (法定节假日/休息日): no work, even on a weekday. */
  OFF_DAY,
  /** Adjusted working day (调休补班): work, even on a Saturday or Sunday. */
  ADJUSTED_WORKDAY
}
