package cn.szcg.assessment.application;

import cn.szcg.assessment.domain.CollectorFigures;
import cn.szcg.assessment.domain.CollectorScoring;
import cn.szcg.assessment.domain.CommendationPolicy;
import cn.szcg.assessment.domain.Figures;
import cn.szcg.assessment.domain.OperatorFigures;
import cn.szcg.assessment.domain.OperatorScoring;
import cn.szcg.assessment.domain.Period;
import cn.szcg.assessment.domain.StaffCommendationPolicy;
import cn.szcg.assessment.infra.AccountabilityStore;
import cn.szcg.assessment.infra.CollectorRegister;
import cn.szcg.assessment.infra.FigureStore;
import cn.szcg.assessment.infra.StaffFigureStore;
import cn.szcg.assessment.infra.UnitNames;
import cn.szcg.assessment.infra.WeightStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The yearly commendation candidates (年度通报表扬, Art 34, R-25) of every kind the center assesses:
 * responsible units ({@link CommendationPolicy}), information collectors and center operators
 * ({@link StaffCommendationPolicy}), each with names where known (unit names from {@link
 * UnitNames}, collector names from the collector register; operators by id).
 */
@ApplicationScoped
public class Commendations {

  @Inject FigureStore figures;
  @Inject StaffFigureStore staffFigures;
  @Inject AccountabilityStore accountability;
  @Inject WeightStore weights;
  @Inject UnitNames unitNames;
  @Inject CollectorRegister collectors;

  /**
   * Units (top-level {@code candidates} / {@code excluded}, as before), collectors and operators.
   */
  public record Year(
      List<CommendationPolicy.Candidate> candidates,
      Map<String, List<String>> excluded,
      StaffCommendationPolicy.Result collectors,
      StaffCommendationPolicy.Result operators) {}

  public Year of(int year) {
    Period p = Period.year(year);
    Map<String, Figures> cells = figures.cellsOfPeriod(p, null, null);
    Map<String, String> names = unitNames.namesOf(cells.keySet());
    List<CommendationPolicy.Input> units = new ArrayList<>();
    cells.forEach(
        (unit, f) ->
            units.add(new CommendationPolicy.Input(unit, names.getOrDefault(unit, unit), f)));
    CommendationPolicy.Result u =
        CommendationPolicy.DEFAULT.evaluate(
            units, accountability.escalatedUnits(year), weights.scoring());

    Map<String, long[]> collectorCells = staffFigures.subjectCells("COLLECTOR", p);
    Map<String, String> collectorNames = collectors.namesOf(collectorCells.keySet());
    List<StaffCommendationPolicy.Input<CollectorFigures>> cin = new ArrayList<>();
    collectorCells.forEach(
        (id, v) ->
            cin.add(
                new StaffCommendationPolicy.Input<>(
                    id,
                    collectorNames.getOrDefault(id, id),
                    StaffFigureStore.collectorFigures(v))));
    List<StaffCommendationPolicy.Input<OperatorFigures>> oin = new ArrayList<>();
    staffFigures
        .subjectCells("OPERATOR", p)
        .forEach(
            (id, v) ->
                oin.add(
                    new StaffCommendationPolicy.Input<>(
                        id, id, StaffFigureStore.operatorFigures(v))));
    return new Year(
        u.candidates(),
        u.excluded(),
        StaffCommendationPolicy.Collectors.DEFAULT.evaluate(cin, CollectorScoring.defaults()),
        StaffCommendationPolicy.Operators.DEFAULT.evaluate(oin, OperatorScoring.defaults()));
  }
}
