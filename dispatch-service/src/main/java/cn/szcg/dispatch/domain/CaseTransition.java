package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.CaseState.*;
import static cn.szcg.dispatch.domain.Role.*;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The named transitions (操作) of the case state machine: where each may start, where it leads, who
 * may perform it and the regulation article behind it. Guards beyond state and role live in {@link
 * DispatchCase}; docs/case-lifecycle.md lists them.
 */
public enum CaseTransition {
  /** 接收立案: a filed case (intake {@code case-filed}) enters dispatch. */
  OPEN("接收立案", Set.of(), AWAITING_DISPATCH, roles(SYSTEM), "R-03 Art 7"),
  /** 派遣: the center sends the order to the unit the matrix proposed (or another, with reason). */
  DISPATCH(
      "派遣",
      Set.of(AWAITING_DISPATCH),
      DISPATCHED,
      roles(OPERATOR, SHIFT_LEAD, DISPATCHER),
      "R-02 R-12 Art 21"),
  /** 签收: the unit read and received the order (查阅接收). */
  SIGN_FOR("签收", Set.of(DISPATCHED), SIGNED_FOR, roles(UNIT_RECEIVER, UNIT_LEADER), "R-13 Art 22"),
  /** 批办: the unit's leader in charge approves the order; handling starts. */
  APPROVE_BY_LEADER("批办", Set.of(SIGNED_FOR), IN_HANDLING, roles(UNIT_LEADER), "R-13 Art 22"),
  /** 回退申请: not our job — within the return window, with reason and proposed unit. */
  REQUEST_RETURN(
      "回退申请",
      Set.of(DISPATCHED, SIGNED_FOR, IN_HANDLING),
      RETURN_REQUESTED,
      roles(UNIT_RECEIVER, UNIT_LEADER),
      "R-16 Art 25"),
  /** 同意回退: the order is withdrawn; the case awaits dispatch to another unit. */
  APPROVE_RETURN(
      "同意回退", Set.of(RETURN_REQUESTED), AWAITING_DISPATCH, roles(SHIFT_LEAD), "R-16 Art 25"),
  /** 驳回回退: the original unit goes on (back to the state before the request). */
  REFUSE_RETURN("驳回回退", Set.of(RETURN_REQUESTED), null, roles(SHIFT_LEAD), "R-16 Art 25"),
  /** 延期申请 (never for emergencies, R-20). */
  REQUEST_EXTENSION(
      "延期申请",
      Set.of(IN_HANDLING),
      EXTENSION_REQUESTED,
      roles(UNIT_HANDLER, UNIT_LEADER),
      "R-14 R-20 Art 23 Art 29"),
  /** 同意延期 */
  GRANT_EXTENSION(
      "同意延期",
      Set.of(EXTENSION_REQUESTED),
      IN_HANDLING,
      roles(SHIFT_LEAD, DISPATCHER),
      "R-14 Art 23"),
  /** 驳回延期 */
  REFUSE_EXTENSION(
      "驳回延期",
      Set.of(EXTENSION_REQUESTED),
      IN_HANDLING,
      roles(SHIFT_LEAD, DISPATCHER),
      "R-14 Art 23"),
  /**
   * 挂起 (缓办): the shift lead suspends handling for a recorded reason; the clocks pause (never for
   * emergencies: Art 29 不得缓办).
   */
  SUSPEND("挂起", Set.of(IN_HANDLING), SUSPENDED, roles(SHIFT_LEAD), "R-14 R-20 Art 29"),
  /** 恢复: handling goes on; the clocks resume and the deadline moves by the paused time. */
  RESUME("恢复", Set.of(SUSPENDED), IN_HANDLING, roles(SHIFT_LEAD), "R-14 Art 23"),
  /** 二级派遣: a township-level body re-dispatches to one of its own departments (两级指挥). */
  REDISPATCH_TO_SUB_UNIT(
      "二级派遣",
      Set.of(IN_HANDLING),
      IN_HANDLING,
      roles(UNIT_LEADER, UNIT_RECEIVER),
      "R-02 Art 6 Art 25"),
  /** 二级签收: the department signs for the sub-order. */
  SIGN_FOR_SUB_ORDER(
      "二级签收",
      Set.of(IN_HANDLING),
      IN_HANDLING,
      roles(UNIT_RECEIVER, UNIT_LEADER),
      "R-02 R-13 Art 22"),
  /** 二级反馈: the department reports to its township body (逐级反馈). */
  SUBMIT_SUB_FEEDBACK(
      "二级反馈",
      Set.of(IN_HANDLING),
      IN_HANDLING,
      roles(UNIT_HANDLER, UNIT_LEADER),
      "R-02 R-14 Art 23"),
  /**
   * 二级回退申请: the department asks, within 1 working hour of the sub-dispatch (as R-16), with a reason
   * and a suggested unit, to return the sub-order to its township body (同级数字城管工作机构); the sub-order
   * stays open and the department goes on until the township body approves.
   */
  REQUEST_SUB_ORDER_RETURN(
      "二级回退申请",
      Set.of(IN_HANDLING),
      IN_HANDLING,
      roles(UNIT_RECEIVER, UNIT_LEADER),
      "R-02 R-16 Art 25"),
  /** 同意二级回退: the township body withdraws the sub-order (status RETURNED); its clocks stop. */
  APPROVE_SUB_ORDER_RETURN(
      "同意二级回退",
      Set.of(IN_HANDLING),
      IN_HANDLING,
      roles(UNIT_LEADER, UNIT_RECEIVER),
      "R-02 R-16 Art 25"),
  /** 驳回二级回退: the township body refuses, with a reason; the department goes on. */
  REFUSE_SUB_ORDER_RETURN(
      "驳回二级回退",
      Set.of(IN_HANDLING),
      IN_HANDLING,
      roles(UNIT_LEADER, UNIT_RECEIVER),
      "R-02 R-16 Art 25"),
  /** 处理反馈: the unit reports the result to the center, with after-photos. */
  SUBMIT_FEEDBACK(
      "处理反馈",
      Set.of(IN_HANDLING),
      FEEDBACK_SUBMITTED,
      roles(UNIT_HANDLER, UNIT_LEADER),
      "R-14 Art 23"),
  /** 指令核查: the center orders a collector to check on site. */
  ORDER_CHECK(
      "指令核查",
      Set.of(FEEDBACK_SUBMITTED),
      CHECK_ORDERED,
      roles(OPERATOR, SHIFT_LEAD, DISPATCHER, SYSTEM),
      "R-15 Art 24"),
  /** 核查通过 */
  PASS_CHECK("核查通过", Set.of(CHECK_ORDERED), CHECK_PASSED, roles(COLLECTOR), "R-15 Art 24"),
  /** 核查不通过: dispatched again to the same unit; the second failure is overdue handling. */
  FAIL_CHECK(
      "核查不通过", Set.of(CHECK_ORDERED), DISPATCHED, roles(COLLECTOR), "R-15 R-24 Art 24 Art 33"),
  /** 结案 */
  CLOSE("结案", Set.of(CHECK_PASSED), CLOSED, roles(OPERATOR, SHIFT_LEAD), "R-03 R-15 Art 7 Art 24"),
  /** 协调: no unit clearly responsible (属地管辖). */
  START_COORDINATION(
      "协调",
      Set.of(AWAITING_DISPATCH, EMERGENCY_ARRANGEMENT),
      COORDINATING,
      roles(DISPATCHER, SHIFT_LEAD),
      "R-17 Art 26"),
  /** 协调一致: the agreement is recorded and binds the agreed unit; the order goes out. */
  RECORD_COORDINATION_AGREEMENT(
      "协调一致", Set.of(COORDINATING), DISPATCHED, roles(SHIFT_LEAD), "R-17 R-19 Art 26 Art 28"),
  /** 报县政府: the center could not settle it. */
  ESCALATE_TO_COUNTY_GOVERNMENT(
      "报县政府",
      Set.of(COORDINATING),
      ESCALATED_TO_COUNTY_GOVERNMENT,
      roles(SHIFT_LEAD),
      "R-17 Art 26"),
  /** 县政府指定: the county government designates the unit (binding). */
  DESIGNATE_UNIT(
      "县政府指定",
      Set.of(ESCALATED_TO_COUNTY_GOVERNMENT, EMERGENCY_ARRANGEMENT),
      DISPATCHED,
      roles(COUNTY_GOVERNMENT, SHIFT_LEAD),
      "R-17 R-18 Art 26 Art 27"),
  /** 应急处置: emergency without an identifiable unit; the county government arranges first. */
  START_EMERGENCY_ARRANGEMENT(
      "应急处置",
      Set.of(AWAITING_DISPATCH, COORDINATING),
      EMERGENCY_ARRANGEMENT,
      roles(SHIFT_LEAD, COUNTY_GOVERNMENT),
      "R-18 Art 27"),
  /** 记录应急措施 */
  RECORD_EMERGENCY_MEASURES(
      "记录应急措施",
      Set.of(EMERGENCY_ARRANGEMENT),
      EMERGENCY_ARRANGEMENT,
      roles(COUNTY_GOVERNMENT, SHIFT_LEAD),
      "R-18 Art 27"),
  /** 移交执法: a closing outcome of its own. */
  TRANSFER_TO_LAW_ENFORCEMENT(
      "移交执法",
      nonTerminal(),
      TRANSFERRED_TO_LAW_ENFORCEMENT,
      roles(SHIFT_LEAD, DISPATCHER),
      "R-21 Art 42"),
  /** 作废 (with reason). */
  CANCEL("作废", nonTerminal(), CANCELLED, roles(SHIFT_LEAD, ADMIN), "R-03"),
  /**
   * 满意度回访: the public reporter's satisfaction, after closing — by the center's operator, or by the
   * 12345 hotline platform for its own tickets (HOTLINE cases; the service hides every other case
   * from it).
   */
  RECORD_SATISFACTION(
      "满意度回访", Set.of(CLOSED), CLOSED, roles(OPERATOR, SYSTEM, HOTLINE_PLATFORM), "R-25 Art 34");

  private final String labelZh;
  private final Set<CaseState> from;
  private final CaseState to;
  private final Set<Role> roles;
  private final String regulation;

  CaseTransition(
      String labelZh, Set<CaseState> from, CaseState to, Set<Role> roles, String regulation) {
    this.labelZh = labelZh;
    this.from =
        from.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(from));
    this.to = to;
    this.roles = roles;
    this.regulation = regulation;
  }

  public String labelZh() {
    return labelZh;
  }

  /** States this transition may start from (empty for {@link #OPEN}). */
  public Set<CaseState> from() {
    return from;
  }

  /**
   * The state it leads to; {@code null} for {@link #REFUSE_RETURN}, which goes back to the state
   * before the return request.
   */
  public CaseState to() {
    return to;
  }

  /** Roles allowed to perform it. */
  public Set<Role> roles() {
    return roles;
  }

  /** Requirement ids and articles, e.g. "R-16 Art 25". */
  public String regulation() {
    return regulation;
  }

  public boolean allowedFrom(CaseState state) {
    return from.contains(state);
  }

  public boolean allowedFor(Role role) {
    return roles.contains(role);
  }

  /** All transitions that may start from {@code state}, in declaration order. */
  public static List<CaseTransition> allowedFromState(CaseState state) {
    return Arrays.stream(values()).filter(t -> t.allowedFrom(state)).toList();
  }

  private static Set<Role> roles(Role first, Role... rest) {
    return Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  private static Set<CaseState> nonTerminal() {
    EnumSet<CaseState> s = EnumSet.noneOf(CaseState.class);
    for (CaseState c : CaseState.values()) {
      if (!c.terminal()) {
        s.add(c);
      }
    }
    return s;
  }
}
