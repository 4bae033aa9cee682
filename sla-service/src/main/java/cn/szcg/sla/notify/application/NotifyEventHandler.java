package cn.szcg.sla.notify.application;

import cn.szcg.contracts.EventType;
import cn.szcg.contracts.Topics;
import cn.szcg.contracts.envelope.CloudEvent;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.platform.inbox.BatchingEventHandler;
import cn.szcg.sla.notify.domain.Audience;
import cn.szcg.sla.notify.domain.Intent;
import cn.szcg.sla.notify.domain.Routing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notify part's own consumer (group {@code sla-service.notify}, apart from the clocks'): every
 * event that tells someone something ({@link Routing}) becomes notifications in the same
 * transaction as the inbox record of the event, so a redelivered event raises nothing twice.
 */
@ApplicationScoped
public class NotifyEventHandler extends BatchingEventHandler<Notifier.Batch> {

  @Inject Notifier notifier;

  @Override
  public String name() {
    return "notify";
  }

  @Override
  public List<String> topics() {
    return List.of(Topics.CASES, Topics.CLOCKS, Topics.INTAKE, Topics.ASSESSMENT);
  }

  @Override
  public Set<EventType> types() {
    return Set.of(
        EventType.CASE_FILED,
        EventType.CASE_TRANSITIONED,
        EventType.CLOCK_WARNED,
        EventType.CLOCK_BREACHED,
        EventType.VERIFICATION_REQUESTED,
        EventType.REPORT_REJECTED,
        EventType.ACCOUNTABILITY_NOTICE,
        EventType.EFFICIENCY_WARNING_ISSUED,
        EventType.PERIODIC_REPORT_PUBLISHED);
  }

  /**
   * Issue 21: a poll is applied set-based — the recipients of all its events are looked up in one
   * statement here, the notifications, deliveries and outbox events written at the end in a few
   * ({@link Notifier.Batch}), not ~9 round trips per event.
   */
  @Override
  protected Notifier.Batch openBatch(List<Delivery> deliveries) {
    Set<Audience> audiences = new LinkedHashSet<>();
    Set<String> cases = new LinkedHashSet<>();
    Map<String, String> filed = new LinkedHashMap<>();
    for (Delivery d : deliveries) {
      if (d.payload() instanceof CaseFiled f && f.reportNo() != null) {
        filed.putIfAbsent(f.caseId(), f.reportNo()); // tells nobody; names the case later
      }
      for (Intent intent : Routing.route(d.payload())) {
        audiences.add(intent.audience());
        if (intent.caseId() != null) {
          cases.add(intent.caseId());
        }
      }
    }
    return notifier.batch(audiences, cases, filed, Instant.now());
  }

  @Override
  protected void apply(Notifier.Batch batch, CloudEvent event, Record payload) {
    for (Intent intent : Routing.route(payload, batch::caseLabel)) {
      batch.add(event.id(), intent);
    }
  }
}
