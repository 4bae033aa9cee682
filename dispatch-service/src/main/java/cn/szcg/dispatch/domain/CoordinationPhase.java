package cn.szcg.dispatch.domain;

import static cn.szcg.dispatch.domain.Guards.guard;
import static cn.szcg.dispatch.domain.Guards.required;

import java.util.List;

/**
 * Coordination and emergencies (协调、报县政府、县政府指定、应急处置, R-17..R-19): no unit clearly responsible; the
 * binding agreement or designation puts an order in force.
 *
 * <p>One static method per command, each run on the {@link CaseStep} {@link DispatchCase#apply}
 * opened after the state, role and time checks; {@link CaseCommandRoutes} names the method of every
 * command.
 */
final class CoordinationPhase {

  private CoordinationPhase() {}

  static void recordAgreement(CaseStep s, CaseCommand.RecordCoordinationAgreement c) {
    CaseTransition t = s.t;
    String unit = required(t, c.agreedUnitId(), "MISSING_UNIT", "协调确定的单位", "agreed unit");
    String text = required(t, c.agreementText(), "MISSING_AGREEMENT", "协调意见", "agreement text");
    s.agreements.add(
        new CoordinationAgreement(
            unit, c.participatingUnitIds(), text, false, s.at, s.actor.userId()));
    s.addOrder(s.bindingOrder(unit, OrderOrigin.COORDINATION_AGREEMENT, c.requirements()));
    s.reason = text;
    s.data.put("origin", OrderOrigin.COORDINATION_AGREEMENT.name());
    s.data.put(
        "participatingUnitIds", s.agreements.get(s.agreements.size() - 1).participatingUnitIds());
    s.data.put("principle", "属地管辖 TERRITORIAL");
    s.data.put("binding", true);
    s.to = CaseState.DISPATCHED;
  }

  static void designateUnit(CaseStep s, CaseCommand.DesignateUnit c) {
    String unit = required(s.t, c.unitId(), "MISSING_UNIT", "指定单位", "designated unit");
    String text =
        "县政府指定 " + unit + (c.decisionReference() == null ? "" : "（" + c.decisionReference() + "）");
    s.agreements.add(
        new CoordinationAgreement(unit, List.of(), text, true, s.at, s.actor.userId()));
    s.addOrder(s.bindingOrder(unit, OrderOrigin.COUNTY_GOVERNMENT_DESIGNATION, c.requirements()));
    s.reason = text;
    s.data.put("origin", OrderOrigin.COUNTY_GOVERNMENT_DESIGNATION.name());
    s.data.put("decisionReference", c.decisionReference());
    s.data.put("afterEmergencyArrangement", s.before.state() == CaseState.EMERGENCY_ARRANGEMENT);
    s.data.put("binding", true);
    s.to = CaseState.DISPATCHED;
  }

  static void startEmergency(CaseStep s, CaseCommand.StartEmergencyArrangement c) {
    if (!s.before.emergency()) {
      throw guard(
          "NOT_AN_EMERGENCY",
          s.t,
          "只有突发事件才能由县政府先行应急处置",
          "only an emergency goes to the county government's emergency arrangement (R-18)");
    }
    s.reason = required(s.t, c.reason(), "MISSING_REASON", "原因", "reason");
    s.to = CaseState.EMERGENCY_ARRANGEMENT;
  }

  static void startCoordination(CaseStep s, CaseCommand.StartCoordination c) {
    s.reason = required(s.t, c.reason(), "MISSING_REASON", "协调原因", "reason");
    s.to = CaseState.COORDINATING;
  }

  static void escalate(CaseStep s, CaseCommand.EscalateToCountyGovernment c) {
    s.reason = required(s.t, c.reason(), "MISSING_REASON", "上报原因", "reason");
    s.to = CaseState.ESCALATED_TO_COUNTY_GOVERNMENT;
  }

  static void recordMeasures(CaseStep s, CaseCommand.RecordEmergencyMeasures c) {
    s.reason = required(s.t, c.measures(), "MISSING_MEASURES", "应急措施", "measures");
    s.to = CaseState.EMERGENCY_ARRANGEMENT;
  }
}
