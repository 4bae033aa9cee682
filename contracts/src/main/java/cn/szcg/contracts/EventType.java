package cn.szcg.contracts;

import cn.szcg.contracts.events.AccountabilityNotice;
import cn.szcg.contracts.events.CaseFiled;
import cn.szcg.contracts.events.CaseTransitioned;
import cn.szcg.contracts.events.ClockBreached;
import cn.szcg.contracts.events.ClockDeadlineChanged;
import cn.szcg.contracts.events.ClockStarted;
import cn.szcg.contracts.events.ClockStopped;
import cn.szcg.contracts.events.ClockWarned;
import cn.szcg.contracts.events.CollectorDutyRecorded;
import cn.szcg.contracts.events.CollectorRegistered;
import cn.szcg.contracts.events.ConsultationAnswered;
import cn.szcg.contracts.events.EfficiencyWarningAcknowledged;
import cn.szcg.contracts.events.EfficiencyWarningIssued;
import cn.szcg.contracts.events.LocationResolved;
import cn.szcg.contracts.events.NotificationRaised;
import cn.szcg.contracts.events.PeriodicReportPublished;
import cn.szcg.contracts.events.ReportMerged;
import cn.szcg.contracts.events.ReportRegistered;
import cn.szcg.contracts.events.ReportRejected;
import cn.szcg.contracts.events.VerificationCompleted;
import cn.szcg.contracts.events.VerificationRequested;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of event types: CloudEvents {@code type} (versioned), the topic it travels on and
 * its payload class. To add an event: add a record in {@code events}, a constant here, regenerate
 * the schemas ({@code ./mvnw -pl contracts compile exec:java}) and add a sample under {@code
 * src/test/resources/samples}. See docs/architecture.md.
 */
public enum EventType {
  REPORT_REGISTERED("cn.szcg.intake.report-registered.v1", Topics.INTAKE, ReportRegistered.class),
  LOCATION_RESOLVED("cn.szcg.intake.location-resolved.v1", Topics.INTAKE, LocationResolved.class),
  VERIFICATION_REQUESTED(
      "cn.szcg.intake.verification-requested.v1", Topics.INTAKE, VerificationRequested.class),
  VERIFICATION_COMPLETED(
      "cn.szcg.intake.verification-completed.v1", Topics.INTAKE, VerificationCompleted.class),
  CASE_FILED("cn.szcg.intake.case-filed.v1", Topics.INTAKE, CaseFiled.class),
  REPORT_REJECTED("cn.szcg.intake.report-rejected.v1", Topics.INTAKE, ReportRejected.class),
  REPORT_MERGED("cn.szcg.intake.report-merged.v1", Topics.INTAKE, ReportMerged.class),
  CONSULTATION_ANSWERED(
      "cn.szcg.intake.consultation-answered.v1", Topics.INTAKE, ConsultationAnswered.class),
  COLLECTOR_DUTY_RECORDED(
      "cn.szcg.intake.collector-duty-recorded.v1", Topics.INTAKE, CollectorDutyRecorded.class),
  COLLECTOR_REGISTERED(
      "cn.szcg.intake.collector-registered.v1", Topics.INTAKE, CollectorRegistered.class),
  CASE_TRANSITIONED("cn.szcg.cases.case-transitioned.v1", Topics.CASES, CaseTransitioned.class),
  CLOCK_STARTED("cn.szcg.clocks.clock-started.v1", Topics.CLOCKS, ClockStarted.class),
  CLOCK_WARNED("cn.szcg.clocks.clock-warned.v1", Topics.CLOCKS, ClockWarned.class),
  CLOCK_BREACHED("cn.szcg.clocks.clock-breached.v1", Topics.CLOCKS, ClockBreached.class),
  CLOCK_STOPPED("cn.szcg.clocks.clock-stopped.v1", Topics.CLOCKS, ClockStopped.class),
  CLOCK_DEADLINE_CHANGED(
      "cn.szcg.clocks.clock-deadline-changed.v1", Topics.CLOCKS, ClockDeadlineChanged.class),
  ACCOUNTABILITY_NOTICE(
      "cn.szcg.assessment.accountability-notice.v1", Topics.ASSESSMENT, AccountabilityNotice.class),
  PERIODIC_REPORT_PUBLISHED(
      "cn.szcg.assessment.periodic-report-published.v1",
      Topics.ASSESSMENT,
      PeriodicReportPublished.class),
  EFFICIENCY_WARNING_ISSUED(
      "cn.szcg.assessment.efficiency-warning-issued.v1",
      Topics.ASSESSMENT,
      EfficiencyWarningIssued.class),
  EFFICIENCY_WARNING_ACKNOWLEDGED(
      "cn.szcg.assessment.efficiency-warning-acknowledged.v1",
      Topics.ASSESSMENT,
      EfficiencyWarningAcknowledged.class),
  NOTIFICATION_RAISED(
      "cn.szcg.notifications.notification-raised.v1",
      Topics.NOTIFICATIONS,
      NotificationRaised.class);

  private final String type;
  private final String topic;
  private final Class<? extends Record> payloadType;

  EventType(String type, String topic, Class<? extends Record> payloadType) {
    this.type = type;
    this.topic = topic;
    this.payloadType = payloadType;
  }

  /** The CloudEvents {@code type} attribute, e.g. {@code cn.szcg.intake.case-filed.v1}. */
  public String type() {
    return type;
  }

  public String topic() {
    return topic;
  }

  public Class<? extends Record> payloadType() {
    return payloadType;
  }

  /** File name of the JSON Schema of this type under {@code /schemas}. */
  public String schemaFile() {
    return type + ".schema.json";
  }

  public static Optional<EventType> ofType(String type) {
    return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
  }

  public static EventType ofPayload(Class<?> payloadClass) {
    return Arrays.stream(values())
        .filter(t -> t.payloadType.equals(payloadClass))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an event payload: " + payloadClass));
  }
}
