package cn.szcg.sla.notify.domain;

/** What a notification (通知) is about; the names of {@code NotificationRaised.kind}. */
public enum Kind {
  /** 新派遣指令: a new order (or sub-order) for a unit. */
  NEW_ORDER,
  /** 预警: a clock reached its warning point. */
  CLOCK_WARNING,
  /** 超时: a clock passed its deadline (always urgent). */
  CLOCK_BREACH,
  /** 核实/核查任务: a verification or check task for a collector. */
  TASK,
  /** 不予立案: a collector's report was refused. */
  REPORT_REFUSED,
  /** 回退: a return asked, approved or refused — whoever must act next. */
  REPORT_RETURNED,
  /** Art 33 通报 (center or efficiency office). */
  ACCOUNTABILITY_NOTICE,
  /** 效能告诫. */
  EFFICIENCY_WARNING,
  /** 定期通报. */
  PERIODIC_REPORT
}
