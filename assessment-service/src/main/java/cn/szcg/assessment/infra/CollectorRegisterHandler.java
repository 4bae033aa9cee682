package cn.szcg.assessment.infra;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.contracts.events.CollectorRegistered;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Keeps the {@link CollectorRegister} (collector → collection unit) from intake's {@code
 * collector-registered} and the unit a newly recorded duty shift ({@code collector-duty-recorded})
 * carries, exactly once through the inbox (issue 7, R-11).
 */
@ApplicationScoped
public class CollectorRegisterHandler implements EventHandler {

  @Inject CollectorRegister register;

  @Override
  public String name() {
    return "collector-register";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.COLLECTOR_REGISTERED, EventType.COLLECTOR_DUTY_RECORDED);
  }

  @Override
  public void handle(CloudEvent event, Record payload) {
    if (payload instanceof CollectorRegistered r) {
      register.registered(r);
    } else if (payload instanceof CollectorDutyRecorded d) {
      register.onDuty(d);
    }
  }
}
