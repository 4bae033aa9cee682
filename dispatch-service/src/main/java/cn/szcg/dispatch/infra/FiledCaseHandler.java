package cn.szcg.dispatch.infra;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Takes every filed case (立案) from intake-service into dispatch: it now awaits dispatch. */
@ApplicationScoped
public class FiledCaseHandler implements EventHandler {

  @Override
  public String name() {
    return "filed-cases";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.INTAKE);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.CASE_FILED);
  }

  @Override
  public void handle(CloudEvent event, Record payload) {
    CaseFiled f = (CaseFiled) payload;
    if (DispatchCase.findById(f.caseId()) != null) {
      return; // the same case filed twice under different event ids changes nothing either
    }
    DispatchCase c = new DispatchCase();
    c.caseId = f.caseId();
    c.reportNo = f.reportNo();
    c.channel = f.channel().name();
    c.categoryCode = f.categoryCode();
    c.categoryName = f.categoryName();
    c.catalogueVersion = f.catalogueVersion();
    c.limitAmount = f.handlingLimit().amount();
    c.limitUnit = f.handlingLimit().unit().name();
    c.zone = f.zone().name();
    c.emergency = f.emergency();
    if (f.location() != null) {
      c.lon = f.location().lon();
      c.lat = f.location().lat();
    }
    if (f.context() != null) {
      c.townshipCode = f.context().townshipCode();
      c.communityCode = f.context().communityCode();
      c.gridCode = f.context().gridCode();
    }
    c.componentId = f.componentId();
    c.state = "AWAITING_DISPATCH";
    c.registeredAt = f.registeredAt();
    c.filedAt = f.filedAt();
    c.updatedAt = Instant.now();
    c.persist();
  }
}
