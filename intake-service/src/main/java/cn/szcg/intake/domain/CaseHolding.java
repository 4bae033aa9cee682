package cn.szcg.intake.domain;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who comes to hold a filed case through one step in dispatch-service ({@code case-transitioned} on
 * szcg.cases), so that intake can show them the problem: the unit an order
 * is addressed to reads what was reported, where, and the photos — while it holds the order and
 * afterwards; nobody else outside the center does.
 *
 * <table>
 *   <caption>Steps that make a holder</caption>
 *   <tr><th>transition</th><th>holder</th><th>taken from</th></tr>
 *   <tr><td>DISPATCH 派遣, REDISPATCH, FAIL_CHECK (the next round's order to the same unit),
 *   RECORD_COORDINATION_AGREEMENT 协调一致, DESIGNATE_UNIT 县政府指定</td><td>{@link Kind#UNIT} (处置责任单位)</td>
 *   <td>{@code unitId}</td></tr>
 *   <tr><td>REDISPATCH_TO_SUB_UNIT 二级派遣</td><td>{@link Kind#DEPARTMENT} (下属部门, R-02)</td>
 *   <td>{@code unitId} (the department the sub-order is addressed to)</td></tr>
 *   <tr><td>ORDER_CHECK 指令核查</td><td>{@link Kind#COLLECTOR} (核查采集员)</td>
 *   <td>{@code data.collectorId}</td></tr>
 * </table>
 *
 * Every other step (sign-for, feedback, return, closing…) makes no new holder, and no step takes a
 * holding away (an approved return, a closed case: the unit still reads what it worked on). A step
 * without the id it needs makes none.
 */
public final class CaseHolding {

  /** What kind of holder. */
  public enum Kind {
    /** 处置责任单位: the unit an order is addressed to. */
    UNIT,
    /** 下属部门: a township body's department with a sub-order (二级派遣). */
    DEPARTMENT,
    /** 信息采集员 ordered to check the case on site (核查). */
    COLLECTOR
  }

  /** One holding: who, of which kind, for which order (null when the step names none). */
  public record Holder(Kind kind, String id, String orderId) {}

  /** Steps that put an order in force for the step's {@code unitId}. */
  static final Set<String> UNIT_ORDER_STEPS =
      Set.of(
          "DISPATCH",
          "REDISPATCH",
          "FAIL_CHECK",
          "RECORD_COORDINATION_AGREEMENT",
          "DESIGNATE_UNIT");

  private CaseHolding() {}

  /** The holder this step makes, if any. */
  public static Optional<Holder> of(
      String transition, String unitId, String orderId, Map<String, String> data) {
    if (transition == null) {
      return Optional.empty();
    }
    if (UNIT_ORDER_STEPS.contains(transition)) {
      return holder(Kind.UNIT, unitId, orderId);
    }
    if ("REDISPATCH_TO_SUB_UNIT".equals(transition)) {
      return holder(Kind.DEPARTMENT, unitId, orderId);
    }
    if ("ORDER_CHECK".equals(transition)) {
      return holder(Kind.COLLECTOR, data == null ? null : data.get("collectorId"), orderId);
    }
    return Optional.empty();
  }

  private static Optional<Holder> holder(Kind kind, String id, String orderId) {
    if (id == null || id.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new Holder(kind, id.strip(), orderId == null || orderId.isBlank() ? null : orderId));
  }
}
