package cn.szcg.dispatch.domain;

import java.time.Instant;
import java.util.List;

/**
 * A command on a case: one record per transition (except {@link CaseTransition#OPEN}, see {@link
 * DispatchCase#open}). Apply with {@link DispatchCase#apply(Actor, Instant, CaseCommand)}. Text
 * fields may be null where the guard does not require them.
 */
public sealed interface CaseCommand {

  /** The transition this command asks for. */
  CaseTransition transition();

  /**
   * 派遣. {@code returnDeadline}: end of the return window, computed by sla-service from the
   * dispatch instant.
   */
  record Dispatch(DispatchDecision decision, Instant returnDeadline, String requirements)
      implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.DISPATCH;
    }
  }

  /** 签收: the time of the command is the time of reading. */
  record SignFor(String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.SIGN_FOR;
    }
  }

  /** 批办 by the unit's leader in charge. */
  record ApproveByLeader(String instructions) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.APPROVE_BY_LEADER;
    }
  }

  /** 回退申请: reason and the unit proposed instead are required. */
  record RequestReturn(String reason, String proposedUnitId) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.REQUEST_RETURN;
    }
  }

  /** 同意回退 */
  record ApproveReturn(String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.APPROVE_RETURN;
    }
  }

  /** 驳回回退: reason required. */
  record RefuseReturn(String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.REFUSE_RETURN;
    }
  }

  /** 延期申请: reason and the requested new deadline (computed by sla-service) are required. */
  record RequestExtension(String reason, Instant requestedDeadline) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.REQUEST_EXTENSION;
    }
  }

  /** 同意延期: the granted deadline may differ from the requested one. */
  record GrantExtension(Instant grantedDeadline, String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.GRANT_EXTENSION;
    }
  }

  /** 驳回延期: reason required. */
  record RefuseExtension(String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.REFUSE_EXTENSION;
    }
  }

  /** 挂起 (缓办) by the shift lead: the kind of reason and its text are required. */
  record Suspend(SuspensionReason reasonCode, String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.SUSPEND;
    }
  }

  /** 恢复 by the shift lead. */
  record Resume(String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.RESUME;
    }
  }

  /**
   * 二级派遣: {@code subUnit} as looked up in the unit register. {@code returnDeadline}: end of the
   * department's return window (1 hour, as R-16); null: the sub-order cannot be returned.
   */
  record RedispatchToSubUnit(Unit subUnit, String requirements, Instant returnDeadline)
      implements CaseCommand {
    public RedispatchToSubUnit(Unit subUnit, String requirements) {
      this(subUnit, requirements, null);
    }

    public CaseTransition transition() {
      return CaseTransition.REDISPATCH_TO_SUB_UNIT;
    }
  }

  /** 二级签收 by the department the sub-order went to. */
  record SignForSubOrder(String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.SIGN_FOR_SUB_ORDER;
    }
  }

  /** 二级反馈 by the department to its township body; after-photos required. */
  record SubmitSubFeedback(String description, List<String> photoIds) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.SUBMIT_SUB_FEEDBACK;
    }
  }

  /** 二级回退申请 by the department: reason and the unit it suggests instead are required. */
  record RequestSubOrderReturn(String subOrderId, String reason, String suggestedUnitId)
      implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.REQUEST_SUB_ORDER_RETURN;
    }
  }

  /** 同意二级回退 by the township body. */
  record ApproveSubOrderReturn(String subOrderId, String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.APPROVE_SUB_ORDER_RETURN;
    }
  }

  /** 驳回二级回退 by the township body: reason required. */
  record RefuseSubOrderReturn(String subOrderId, String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.REFUSE_SUB_ORDER_RETURN;
    }
  }

  /** 处理反馈 to the center; after-photos required. */
  record SubmitFeedback(String description, List<String> photoIds) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.SUBMIT_FEEDBACK;
    }
  }

  /** 指令核查: the collector (user id) ordered to check on site. */
  record OrderCheck(String collectorId, String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.ORDER_CHECK;
    }
  }

  /** 核查通过: photos required (evidence, R-10). */
  record PassCheck(String note, List<String> photoIds) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.PASS_CHECK;
    }
  }

  /** 核查不通过: reason and photos required. */
  record FailCheck(String reason, List<String> photoIds) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.FAIL_CHECK;
    }
  }

  /** 结案 */
  record Close(String note) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.CLOSE;
    }
  }

  /** 协调: reason required (e.g. the matrix's "no unit found" explanation). */
  record StartCoordination(String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.START_COORDINATION;
    }
  }

  /** 协调一致: the agreed unit, the units that took part and the agreement's text. */
  record RecordCoordinationAgreement(
      String agreedUnitId,
      List<String> participatingUnitIds,
      String agreementText,
      String requirements)
      implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.RECORD_COORDINATION_AGREEMENT;
    }
  }

  /** 报县政府: reason required. */
  record EscalateToCountyGovernment(String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.ESCALATE_TO_COUNTY_GOVERNMENT;
    }
  }

  /** 县政府指定: the designated unit and the decision's reference (文号), optional requirements. */
  record DesignateUnit(String unitId, String decisionReference, String requirements)
      implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.DESIGNATE_UNIT;
    }
  }

  /** 应急处置: only for emergencies (突发事件). */
  record StartEmergencyArrangement(String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.START_EMERGENCY_ARRANGEMENT;
    }
  }

  /** 记录应急措施 taken under the county government's arrangement. */
  record RecordEmergencyMeasures(String measures) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.RECORD_EMERGENCY_MEASURES;
    }
  }

  /** 移交执法: the law-enforcement body and the reason. */
  record TransferToLawEnforcement(String enforcementBody, String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.TRANSFER_TO_LAW_ENFORCEMENT;
    }
  }

  /** 作废: reason required. */
  record Cancel(String reason) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.CANCEL;
    }
  }

  /** 满意度回访: only for public reports, once. */
  record RecordSatisfaction(SatisfactionLevel level, String comment) implements CaseCommand {
    public CaseTransition transition() {
      return CaseTransition.RECORD_SATISFACTION;
    }
  }
}
