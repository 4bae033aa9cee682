package cn.szcg.dispatch.application;

import cn.szcg.dispatch.application.CaseCommands.Result;
import cn.szcg.dispatch.domain.CaseCommand;
import cn.szcg.dispatch.domain.DispatchCase;
import cn.szcg.dispatch.domain.DispatchDecision;
import cn.szcg.dispatch.domain.DispatchProposal;
import cn.szcg.dispatch.domain.Unit;
import cn.szcg.dispatch.domain.UnitRecord;
import cn.szcg.dispatch.domain.UnitRegister;
import cn.szcg.dispatch.infra.CaseEntity;
import cn.szcg.dispatch.infra.CaseStore;
import cn.szcg.dispatch.infra.ComponentMaintainers;
import cn.szcg.dispatch.infra.UnitStore;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a case goes (派遣, R-02, R-16, R-17, R-19): the responsibility matrix's proposal, the
 * dispatch decision (confirm the proposal or override it with a reason), the township body's
 * re-dispatch to its department (二级派遣), coordination agreements, the county government's
 * designation, and the units a return request suggests. Every unit named in a request is checked
 * against the unit register first (400 naming the field: unknown, inactive, or a sub-department
 * where only a first-level unit may be dispatched).
 *
 * <p>The register and gis-service are read before the command's transaction ({@link
 * CaseCommands#execute}), so no row lock waits on them; these methods have no transaction of their
 * own.
 */
@ApplicationScoped
public class Dispatching {

  @Inject CaseCommands commands;
  @Inject CaseStore store;
  @Inject UnitStore units;
  @Inject Proposals proposals;
  @Inject ComponentMaintainers maintainers;

  /** Provisional return window until sla-service's RETURN_WINDOW clock arrives. */
  @ConfigProperty(name = "szcg.dispatch.provisional-return-window", defaultValue = "PT1H")
  Duration provisionalReturnWindow;

  /** The matrix's proposal for a case, with the register it was made from. */
  public record ProposalFor(
      DispatchCase dispatchCase, UnitRegister register, Proposals.Proposal p) {}

  /**
   * The matrix's proposal for case {@code caseId} (component maintainer from gis-service first).
   */
  public ProposalFor proposal(String caseId) {
    CaseEntity e = store.find(caseId);
    DispatchCase c = store.domain(e);
    UnitRegister reg = units.load();
    return new ProposalFor(
        c, reg, proposals.propose(c, reg, maintainers.lookup(c.componentId(), reg)));
  }

  /**
   * 派遣: without {@code unitId} the matrix's proposal is confirmed (400 on {@code unitId} when the
   * matrix found none); with a unit, that unit with {@code overrideReason}. The order gets a
   * provisional return deadline until sla-service's RETURN_WINDOW clock arrives.
   */
  public Result dispatch(
      String caseId,
      String unitId,
      String overrideReason,
      List<String> cooperatingUnitIds,
      String requirements) {
    CaseEntity e = store.find(caseId);
    UnitRegister reg = units.load();
    // gis-service is asked before the transaction, so no row lock waits on it
    ComponentMaintainers.Lookup m = maintainers.lookup(e.componentId, reg);
    List<String> cooperating = cooperatingUnitIds == null ? List.of() : cooperatingUnitIds;
    for (int i = 0; i < cooperating.size(); i++) {
      requireDispatchable(reg, cooperating.get(i), "cooperatingUnitIds[" + i + "]");
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    if (!cooperating.isEmpty()) {
      extra.put("cooperatingUnitIds", cooperating);
    }
    extra.put("returnDeadlineSource", "PROVISIONAL");
    if (m.status() == ComponentMaintainers.Status.GIS_UNAVAILABLE) {
      extra.put("maintainerLookup", m.status().name());
    }
    return commands.execute(
        caseId,
        (c, actor, at) -> {
          DispatchProposal p = proposals.propose(c, reg, m).proposal();
          DispatchDecision d;
          if (unitId == null) {
            if (!(p instanceof DispatchProposal.UnitFound f)) {
              throw ProblemException.invalidField(
                  "unitId",
                  "required",
                  "责任矩阵未找到责任单位，须指定单位（并说明理由）或发起协调 / the matrix found no unit: give"
                      + " unitId with overrideReason, or start coordination — "
                      + p.explanationZh());
            }
            d = DispatchDecision.confirm(f);
          } else {
            requireDispatchable(reg, unitId, "unitId");
            d = DispatchDecision.override(p, unitId, overrideReason);
          }
          return new CaseCommand.Dispatch(d, at.plus(provisionalReturnWindow), requirements);
        },
        extra);
  }

  /**
   * 二级派遣: a township body re-dispatches to one of its departments. The department's return
   * window (二级回退, as R-16) is provisional until sla-service's sign-for clock of the sub-order (1
   * working hour) gives the working-time deadline (ClockHandler).
   */
  public Result redispatchToSubUnit(String caseId, String subUnitId, String requirements) {
    Unit sub = requireUnit(units.load(), subUnitId, "subUnitId");
    return commands.execute(
        caseId,
        (c, a, at) ->
            new CaseCommand.RedispatchToSubUnit(
                sub, requirements, at.plus(provisionalReturnWindow)));
  }

  /** 回退申请 with the unit the requester suggests (400 on {@code proposedUnitId} if unknown). */
  public Result requestReturn(String caseId, String reason, String proposedUnitId) {
    requireUnit(units.load(), proposedUnitId, "proposedUnitId");
    return commands.execute(
        caseId, (c, a, at) -> new CaseCommand.RequestReturn(reason, proposedUnitId));
  }

  /** 二级回退申请 with the unit the department suggests (400 on {@code suggestedUnitId}). */
  public Result requestSubOrderReturn(
      String caseId, String subOrderId, String reason, String suggestedUnitId) {
    requireUnit(units.load(), suggestedUnitId, "suggestedUnitId");
    return commands.onSubOrder(
        caseId,
        subOrderId,
        (c, a, at) -> new CaseCommand.RequestSubOrderReturn(subOrderId, reason, suggestedUnitId));
  }

  /** 协调一致: the binding agreement sends the order to the agreed unit. */
  public Result recordAgreement(
      String caseId,
      String agreedUnitId,
      List<String> participatingUnitIds,
      String agreementText,
      String requirements) {
    UnitRegister reg = units.load();
    requireDispatchable(reg, agreedUnitId, "agreedUnitId");
    List<String> parts = participatingUnitIds == null ? List.of() : participatingUnitIds;
    for (int i = 0; i < parts.size(); i++) {
      requireUnit(reg, parts.get(i), "participatingUnitIds[" + i + "]");
    }
    return commands.execute(
        caseId,
        (c, a, at) ->
            new CaseCommand.RecordCoordinationAgreement(
                agreedUnitId, parts, agreementText, requirements));
  }

  /** 县政府指定: the county government's binding designation of the unit. */
  public Result designate(
      String caseId, String unitId, String decisionReference, String requirements) {
    requireDispatchable(units.load(), unitId, "unitId");
    return commands.execute(
        caseId,
        (c, a, at) -> new CaseCommand.DesignateUnit(unitId, decisionReference, requirements));
  }

  private static Unit requireUnit(UnitRegister reg, String unitId, String field) {
    return reg.find(unitId)
        .map(UnitRecord::current)
        .orElseThrow(
            () ->
                ProblemException.invalidField(
                    field, "unknown-unit", "未登记的单位 / unknown unit " + unitId));
  }

  private static void requireDispatchable(UnitRegister reg, String unitId, String field) {
    Unit u = requireUnit(reg, unitId, field);
    if (!u.active()) {
      throw ProblemException.invalidField(field, "inactive-unit", "单位已停用 / unit is inactive");
    }
    if (u.kind().dispatchLevel() != 1) {
      throw ProblemException.invalidField(
          field,
          "sub-department",
          "乡镇下属部门只能由其乡镇二级派遣 / a township's department receives sub-orders from its township"
              + " only");
    }
  }
}
