package cn.szcg.assessment.infra;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.platform.inbox.BatchingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Turns the lifecycle of dispatch orders ({@code cases}: CaseTransitioned; {@code clocks}:
 * ClockStopped / ClockBreached; {@code intake}: CaseFiled for the township) into unit facts, figure
 * cells and Art 33 incidents. One consumer thread reads the three topics, so one
 * case's events are applied one at a time; the topics interleave arbitrarily.
 *
 * <p>Per poll, not per event: a {@link UnitFiguresBatch} reads ahead what the poll's events touch
 * ({@link OrderTrackStore}, {@link ParkedEvents}), {@link UnitFactMapping} applies each event to it
 * (the rules are the domain's), and the batch writes it back at the end (facts, cells, incidents).
 *
 * <p>The people named in a notice (责任人 person on duty, 分管领导 leader in charge, 单位主要负责人 head) come
 * from dispatch-service's DISPATCH / SIGN_FOR data ({@code personOnDutyId/Name}, {@code
 * leaderInChargeId/Name}, {@code headId/Name}, each may be absent), as registered at that time; the
 * user who signed for the order (SIGN_FOR actorUserId) takes precedence as the person on duty.
 */
@ApplicationScoped
public class UnitFiguresHandler extends BatchingEventHandler<UnitFiguresBatch> {

  @Inject OrderTrackStore tracks;
  @Inject ParkedEvents parked;
  @Inject FigureStore figures;
  @Inject AccountabilityStore accountability;
  @Inject UnitNames unitNames;

  @Override
  public String name() {
    return "unit-figures";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE, Topics.CASES, Topics.CLOCKS);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.CASE_FILED,
        EventType.CASE_TRANSITIONED,
        EventType.CLOCK_STOPPED,
        EventType.CLOCK_BREACHED);
  }

  @Override
  protected UnitFiguresBatch openBatch(List<Delivery> deliveries) {
    UnitFiguresBatch b = new UnitFiguresBatch(tracks, parked, figures, accountability, unitNames);
    b.readAhead(UnitFactMapping.keysOf(deliveries));
    return b;
  }

  @Override
  protected void apply(UnitFiguresBatch batch, CloudEvent event, Record payload) {
    new UnitFactMapping(batch).apply(event, payload);
  }
}
