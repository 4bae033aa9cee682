package cn.szcg.dispatch.application;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.dispatch.infra.CaseProblems;
import cn.szcg.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Takes every filed case (立案) from intake-service into dispatch: the domain case opens (接收立案, state
 * 待派遣 AWAITING_DISPATCH) and the OPEN step goes out on szcg.cases; what the unit must see of the
 * problem is kept beside it ({@link CaseProblems}).
 */
@ApplicationScoped
public class FiledCaseHandler implements EventHandler {

  @Inject CaseOpening opening;

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
    // the same case filed twice under different event ids changes nothing either
    CaseFiled f = (CaseFiled) payload;
    opening.caseFiled(f);
  }
}
