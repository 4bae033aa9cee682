package cn.szcg.assessment.application;

import cn.szcg.assessment.infra.AccountabilityStore;
import cn.szcg.assessment.infra.EfficiencyWarningStore;
import cn.szcg.contracts.events.EfficiencyWarningAcknowledged;
import cn.szcg.contracts.events.EfficiencyWarningIssued;
import cn.szcg.platform.outbox.Outbox;
import cn.szcg.platform.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 效能告诫 (R-24, Art 33): the efficiency office (效能办) issues one from an Art 33 notice to the person
 * responsible (the notice's person, or the one the office names when the notice has none), with a
 * reason; one warning per notice per person. The person named — only that person — acknowledges it
 * (签收), once; asking again returns the same acknowledgement. Both are stored (append-only) and
 * published on {@code szcg.assessment} ({@link EfficiencyWarningIssued}, {@link
 * EfficiencyWarningAcknowledged}); the API's calls are in the audit trail.
 */
@ApplicationScoped
public class EfficiencyWarnings {

  static final int MAX_REASON = 2000;

  @Inject AccountabilityStore notices;
  @Inject EfficiencyWarningStore store;
  @Inject Outbox outbox;

  /** Issues a warning from notice {@code actionId}; 404 unknown notice, 409 if issued before. */
  public EfficiencyWarningStore.Warning issue(
      String actionId, String personId, String personName, String reason, String by, Instant now) {
    if (reason == null || reason.isBlank()) {
      throw ProblemException.invalidField("reasonZh", "required", "须填写告诫事由 / a reason is required");
    }
    if (reason.length() > MAX_REASON) {
      throw ProblemException.invalidField(
          "reasonZh", "size", "事由过长（最多 2000 字）/ at most 2000 characters");
    }
    if (personId != null && (personId.isBlank() || personId.length() > 200)) {
      throw ProblemException.invalidField("personId", "size", "责任人账号无效 / invalid person id");
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              AccountabilityStore.NoticeRow n = notices.notice(actionId);
              if (n == null) {
                throw ProblemException.notFound("notice", actionId);
              }
              String person = personId != null ? personId : n.personId();
              if (person == null) {
                throw ProblemException.invalidField(
                    "personId",
                    "required",
                    "该通报未登记责任人，须指定被告诫人 / the notice names no person: give personId");
              }
              String name =
                  personName != null
                      ? personName
                      : person.equals(n.personId()) ? n.personName() : null;
              EfficiencyWarningStore.Warning w =
                  new EfficiencyWarningStore.Warning(
                      "EW-" + UUID.randomUUID(),
                      actionId,
                      n.unitId(),
                      n.caseId(),
                      person,
                      name,
                      reason.strip(),
                      by,
                      now,
                      null);
              if (!store.insert(w)) {
                throw ProblemException.conflict(
                    "该通报已对此人发出效能告诫 / a warning from this notice to this person exists: "
                        + store.of(actionId, person).warningId());
              }
              outbox.publish(
                  n.caseId() != null ? n.caseId() : n.unitId(),
                  new EfficiencyWarningIssued(
                      w.warningId(),
                      actionId,
                      w.unitId(),
                      w.caseId(),
                      person,
                      name,
                      w.reasonZh(),
                      by,
                      now),
                  now);
              return w;
            });
  }

  /**
   * The person acknowledges; 404 for anyone else (the warning does not exist for them). Idempotent.
   */
  public EfficiencyWarningStore.Warning acknowledge(String warningId, String caller, Instant now) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              EfficiencyWarningStore.Warning w = store.find(warningId);
              if (w == null || !w.personId().equals(caller)) {
                throw ProblemException.notFound("warning", warningId);
              }
              if (store.acknowledge(warningId, caller, now)) {
                outbox.publish(
                    w.caseId() != null ? w.caseId() : w.unitId(),
                    new EfficiencyWarningAcknowledged(warningId, caller, now),
                    now);
              }
              return store.find(warningId);
            });
  }

  /** All warnings (person null) or one person's, newest first. */
  public List<EfficiencyWarningStore.Warning> list(String personId, int limit) {
    return QuarkusTransaction.requiringNew().call(() -> store.list(personId, limit));
  }
}
