package cn.szcg.dispatch.application;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.dispatch.infra.CaseProblems;
import cn.szcg.platform.inbox.BatchingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes every filed case (立案) from intake-service into dispatch: the domain case opens (接收立案, state
 * 待派遣 AWAITING_DISPATCH) and the OPEN step goes out on szcg.cases; what the unit must see of the
 * problem is kept beside it ({@link CaseProblems}). A poll's cases are opened together ({@link
 * CaseOpening.Openings}: a few round trips per poll, issue 23).
 */
@ApplicationScoped
public class FiledCaseHandler extends BatchingEventHandler<CaseOpening.Openings> {

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
  protected CaseOpening.Openings openBatch(List<Delivery> deliveries) {
    Set<String> cases = new LinkedHashSet<>();
    for (Delivery d : deliveries) {
      if (d.payload() instanceof CaseFiled f) {
        cases.add(f.caseId());
      }
    }
    return opening.openBatch(cases);
  }

  @Override
  protected void apply(CaseOpening.Openings batch, CloudEvent event, Record payload) {
    // the same case filed twice under different event ids changes nothing either
    batch.add((CaseFiled) payload);
  }
}
