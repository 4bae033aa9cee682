package cn.szcg.sla.domain;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.contracts.events.Zone;
import java.util.Objects;

/**
 * The timed stages of a case (环节时限) under the Minqing regulation (闽清县数字化城市管理实施暂行规定, 2016). Each has
 * a base limit; some are doubled in the urban-rural fringe (城乡结合部).
 */
public enum Stage {
  /** R-12 (Art 21): verify, file and dispatch (核实立案、派遣) within 1 working hour, 2 in the fringe. */
  REGISTRATION_TO_DISPATCH("立案派遣", "R-12", new TimeLimit(1, LimitUnit.WORKING_HOURS), true),
  /** R-13 (Art 22): the unit reads and receives (查阅接收, sign for) within 1 working hour. */
  DISPATCH_TO_SIGN_FOR("签收", "R-13", new TimeLimit(1, LimitUnit.WORKING_HOURS), false),
  /** R-14 (Art 23): handling (处置) within the filing standard's limit of the category. */
  HANDLING("处置", "R-14", null, false),
  /** R-15 (Art 24): on-site check (核查) within 1 working hour of feedback, 2 in the fringe. */
  FEEDBACK_TO_CHECK("核查", "R-15", new TimeLimit(1, LimitUnit.WORKING_HOURS), true),
  /**
   * R-16 (Art 25): a unit may ask to return (回退) an order within 1 hour of dispatch. Read as 1
   * WORKING hour (see docs/sla-calendar.md: the chapter's other hours are working hours, Art 29
   * makes natural time the exception for emergencies, and a unit reads orders only in working time
   * under Art 22).
   */
  RETURN_WINDOW("回退申请", "R-16", new TimeLimit(1, LimitUnit.WORKING_HOURS), false),
  /**
   * R-13 for a sub-order (二级派遣, R-02, Art 25): the department (下属部门) a township body re-dispatches
   * to signs for the sub-order within 1 working hour, as a unit signs for its order.
   */
  SUB_DISPATCH_TO_SIGN_FOR("二级签收", "R-13", new TimeLimit(1, LimitUnit.WORKING_HOURS), false),
  /**
   * R-14 for a sub-order: the department handles it by the township body's own current HANDLING
   * deadline (a department never gets more time than its township body has).
   */
  SUB_HANDLING("二级处置", "R-14", null, false);

  private final String chineseName;
  private final String requirement;
  private final TimeLimit baseLimit;
  private final boolean doubledInFringe;

  Stage(String chineseName, String requirement, TimeLimit baseLimit, boolean doubledInFringe) {
    this.chineseName = chineseName;
    this.requirement = requirement;
    this.baseLimit = baseLimit;
    this.doubledInFringe = doubledInFringe;
  }

  public String chineseName() {
    return chineseName;
  }

  /** The requirement id, e.g. "R-12". */
  public String requirement() {
    return requirement;
  }

  /**
   * The regulation's fixed limit; null for HANDLING and SUB_HANDLING (they come from the filing
   * standard).
   */
  public TimeLimit baseLimit() {
    return baseLimit;
  }

  public boolean doubledInFringe() {
    return doubledInFringe;
  }

  /**
   * Whether an emergency's clock of this stage counts from acceptance (受理, the report's
   * registration) rather than from its own starting event: R-20 (Art 29, "必须从受理之时起计算处置时限") names
   * the handling time limit (处置时限), so HANDLING and SUB_HANDLING; REGISTRATION_TO_DISPATCH starts
   * at the registration anyway. Sign-for, return window and check measure a step that cannot begin
   * before its own event (docs/sla-clocks.md §1b).
   */
  public boolean countsFromAcceptanceInEmergency() {
    return this == HANDLING || this == SUB_HANDLING || this == REGISTRATION_TO_DISPATCH;
  }

  /** A clock of a sub-order (二级派遣), keyed by the sub-order's own order id. */
  public boolean isSubOrder() {
    return this == SUB_DISPATCH_TO_SIGN_FOR || this == SUB_HANDLING;
  }

  /**
   * The limit of this stage.
   *
   * @param zone zone of the case's grid; FRINGE doubles REGISTRATION_TO_DISPATCH and
   *     FEEDBACK_TO_CHECK
   * @param emergency 突发事件: every working unit becomes the natural unit of the same amount
   * @param categoryLimit the filing standard's limit of the category; required for HANDLING,
   *     ignored otherwise
   */
  public TimeLimit limit(Zone zone, boolean emergency, TimeLimit categoryLimit) {
    TimeLimit limit;
    if (this == HANDLING || this == SUB_HANDLING) {
      Objects.requireNonNull(categoryLimit, this + " needs the category's limit (R-14)");
      if (categoryLimit.amount() < 0 || categoryLimit.unit() == null) {
        throw new IllegalArgumentException("bad category limit: " + categoryLimit);
      }
      limit = categoryLimit;
    } else {
      limit = baseLimit;
      if (doubledInFringe && zone == Zone.FRINGE) {
        limit = new TimeLimit(Math.multiplyExact(limit.amount(), 2), limit.unit());
      }
    }
    return emergency ? toNatural(limit) : limit;
  }

  /** The natural-time unit of the same amount: 2 WORKING_HOURS → 2 NATURAL_HOURS. */
  public static TimeLimit toNatural(TimeLimit limit) {
    LimitUnit u =
        switch (limit.unit()) {
          case WORKING_MINUTES, NATURAL_MINUTES -> LimitUnit.NATURAL_MINUTES;
          case WORKING_HOURS, NATURAL_HOURS -> LimitUnit.NATURAL_HOURS;
          case WORKING_DAYS, NATURAL_DAYS -> LimitUnit.NATURAL_DAYS;
        };
    return new TimeLimit(limit.amount(), u);
  }
}
