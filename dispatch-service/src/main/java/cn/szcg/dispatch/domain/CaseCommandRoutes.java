package cn.szcg.dispatch.domain;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Which phase method applies which {@link CaseCommand}: one line per command, grouped by phase
 * ({@link DispatchPhase}, {@link ReturnPhase}, {@link DeferralPhase}, {@link SubOrderPhase}, {@link
 * CheckPhase}, {@link CoordinationPhase}, {@link ClosingPhase}). Every permitted command type has
 * exactly one route (CaseCommandRoutesTest).
 */
final class CaseCommandRoutes {

  private static final Map<Class<? extends CaseCommand>, BiConsumer<CaseStep, CaseCommand>> ROUTES =
      Map.ofEntries(
          // dispatch and sign-for
          route(CaseCommand.Dispatch.class, DispatchPhase::dispatch),
          route(CaseCommand.SignFor.class, DispatchPhase::signFor),
          route(CaseCommand.ApproveByLeader.class, DispatchPhase::approveByLeader),
          // returns
          route(CaseCommand.RequestReturn.class, ReturnPhase::requestReturn),
          route(CaseCommand.ApproveReturn.class, ReturnPhase::approveReturn),
          route(CaseCommand.RefuseReturn.class, ReturnPhase::refuseReturn),
          // extensions and suspension
          route(CaseCommand.RequestExtension.class, DeferralPhase::requestExtension),
          route(CaseCommand.GrantExtension.class, DeferralPhase::grantExtension),
          route(CaseCommand.RefuseExtension.class, DeferralPhase::refuseExtension),
          route(CaseCommand.Suspend.class, DeferralPhase::suspend),
          route(CaseCommand.Resume.class, DeferralPhase::resume),
          // sub-orders
          route(CaseCommand.RedispatchToSubUnit.class, SubOrderPhase::redispatchToSubUnit),
          route(CaseCommand.SignForSubOrder.class, SubOrderPhase::signForSubOrder),
          route(CaseCommand.SubmitSubFeedback.class, SubOrderPhase::submitSubFeedback),
          route(CaseCommand.RequestSubOrderReturn.class, SubOrderPhase::requestSubOrderReturn),
          route(CaseCommand.ApproveSubOrderReturn.class, SubOrderPhase::approveSubOrderReturn),
          route(CaseCommand.RefuseSubOrderReturn.class, SubOrderPhase::refuseSubOrderReturn),
          // feedback and checks
          route(CaseCommand.SubmitFeedback.class, CheckPhase::submitFeedback),
          route(CaseCommand.OrderCheck.class, CheckPhase::orderCheck),
          route(CaseCommand.PassCheck.class, CheckPhase::passCheck),
          route(CaseCommand.FailCheck.class, CheckPhase::failCheck),
          // coordination and emergencies
          route(CaseCommand.StartCoordination.class, CoordinationPhase::startCoordination),
          route(CaseCommand.RecordCoordinationAgreement.class, CoordinationPhase::recordAgreement),
          route(CaseCommand.EscalateToCountyGovernment.class, CoordinationPhase::escalate),
          route(CaseCommand.DesignateUnit.class, CoordinationPhase::designateUnit),
          route(CaseCommand.StartEmergencyArrangement.class, CoordinationPhase::startEmergency),
          route(CaseCommand.RecordEmergencyMeasures.class, CoordinationPhase::recordMeasures),
          // closing outcomes
          route(CaseCommand.Close.class, ClosingPhase::close),
          route(CaseCommand.RecordSatisfaction.class, ClosingPhase::recordSatisfaction),
          route(CaseCommand.TransferToLawEnforcement.class, ClosingPhase::transfer),
          route(CaseCommand.Cancel.class, ClosingPhase::cancel));

  private CaseCommandRoutes() {}

  /** Applies {@code command} to the step through its phase; unknown commands are refused. */
  static void apply(CaseStep s, CaseCommand command) {
    BiConsumer<CaseStep, CaseCommand> r = ROUTES.get(command.getClass());
    if (r == null) {
      throw new IllegalArgumentException("unknown command " + command);
    }
    r.accept(s, command);
  }

  /** The command types with a route (for the completeness test). */
  static java.util.Set<Class<? extends CaseCommand>> routed() {
    return ROUTES.keySet();
  }

  private static <C extends CaseCommand>
      Map.Entry<Class<? extends CaseCommand>, BiConsumer<CaseStep, CaseCommand>> route(
          Class<C> type, BiConsumer<CaseStep, C> phase) {
    return Map.entry(type, (s, c) -> phase.accept(s, type.cast(c)));
  }
}
