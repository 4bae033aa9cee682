package cn.szcg.sla.domain;

/** State of a stage clock at an instant. */
public enum ClockState {
  /** Before the clock's start. */
  NOT_STARTED,
  /** Running, before the warning moment. */
  RUNNING,
  /** Running, at or past the warning moment (预警), not past the deadline. */
  WARNING,
  /** Running past the deadline (超时). */
  BREACHED,
  /** Paused (挂起); the deadline moves by the paused time on resume. */
  PAUSED,
  /** Stopped at or before the deadline (按时). */
  STOPPED_ON_TIME,
  /** Stopped after the deadline (超时完成). */
  STOPPED_LATE
}
