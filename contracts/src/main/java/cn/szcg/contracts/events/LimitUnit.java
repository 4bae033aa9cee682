package cn.szcg.contracts.events;

/** Unit of a time limit (时限单位). Working units follow the county's calendar. */
public enum LimitUnit {
  NATURAL_MINUTES,
  NATURAL_HOURS,
  NATURAL_DAYS,
  WORKING_MINUTES,
  WORKING_HOURS,
  WORKING_DAYS;

  public boolean isWorkingTime() {
    return this == WORKING_MINUTES || this == WORKING_HOURS || this == WORKING_DAYS;
  }
}
