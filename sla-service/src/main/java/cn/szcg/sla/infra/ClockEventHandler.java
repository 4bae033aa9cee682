package cn.szcg.sla.infra;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.Zone;
import cn.szcg.platform.inbox.EventHandler;
import cn.szcg.sla.domain.Stage;
import cn.szcg.sla.domain.StageClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Starts the R-12 clock (registration → dispatch: 1 working hour, 2 in the urban-rural fringe) when
 * a report is registered. Consultations are answered, never filed: they get no clock.
 */
@ApplicationScoped
public class IntakeClockHandler implements EventHandler {

  @Inject Calendars calendars;

  @Override
  public String name() {
    return "intake-clocks";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.REPORT_REGISTERED);
  }

  @Override
  public void handle(CloudEvent event, Record payload) {
    ReportRegistered r = (ReportRegistered) payload;
    if (r.kind() == ReportKind.CONSULTATION) {
      return;
    }
    Zone zone = r.context() == null ? Zone.URBAN : r.context().zone();
    start(r.caseId(), Stage.REGISTRATION_TO_DISPATCH, zone, false, r.registeredAt());
  }

  void start(String caseId, Stage stage, Zone zone, boolean emergency, Instant at) {
    StageClock clock =
        StageClock.start(calendars.current(), calendars.policy(), stage, zone, emergency, null, at);
    ClockRecord c = new ClockRecord();
    c.id = UUID.randomUUID();
    c.caseId = caseId;
    c.stage = stage.name();
    c.zone = zone.name();
    c.emergency = emergency;
    c.limitAmount = clock.limit().amount();
    c.limitUnit = clock.limit().unit().name();
    c.startedAt = at;
    c.warningAt = clock.warningAt();
    c.deadline = clock.deadline();
    c.state = "RUNNING";
    c.policyVersion = calendars.policy().version();
    c.calendarVersion = calendars.current().version();
    c.persist();
  }
}
