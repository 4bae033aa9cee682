package cn.szcg.assessment.domain;

/**
 * Counters of a center operator (受理员/值班长) in a period. Mergeable like {@link Figures}.
 *
 * @param filed cases filed (立案)
 * @param filedOnTime filed within the limit (R-12: 1 working hour of registration, 2 in the fringe)
 * @param dispatched dispatch orders sent (派遣)
 * @param dispatchesReturned of those, returned with the center's approval (回退: a wrong unit)
 * @param closed cases closed (结案)
 * @param closedOnTime closed within the limit after a passed check
 */
public record OperatorFigures(
    long filed,
    long filedOnTime,
    long dispatched,
    long dispatchesReturned,
    long closed,
    long closedOnTime) {
  public static final OperatorFigures ZERO = new OperatorFigures(0, 0, 0, 0, 0, 0);

  public OperatorFigures plus(OperatorFigures o) {
    return new OperatorFigures(
        filed + o.filed,
        filedOnTime + o.filedOnTime,
        dispatched + o.dispatched,
        dispatchesReturned + o.dispatchesReturned,
        closed + o.closed,
        closedOnTime + o.closedOnTime);
  }

  public static OperatorFigures apply(OperatorFigures f, OperatorFact fact) {
    return f.plus(fact.delta());
  }

  public boolean active() {
    return filed + dispatched + closed > 0;
  }
}
