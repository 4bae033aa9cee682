package cn.szcg.contracts;

import java.util.List;

/**
 * Every Kafka topic of the suite, in one place. Records are keyed by case id so that the events of
 * one case stay in order (one partition per case).
 */
public final class Topics {
  /**
   * intake-service: registered, verification, filed, rejected, merged, consultation answered; and
   * collectors' duty shifts (keyed by shift id) and register changes (keyed by collector id).
   */
  public static final String INTAKE = "szcg.intake";

  /** dispatch-service: every transition of a case (案件) and its dispatch orders (派遣指令). */
  public static final String CASES = "szcg.cases";

  /** sla-service: clocks started, warned, breached, stopped. */
  public static final String CLOCKS = "szcg.clocks";

  /** assessment-service: notices (通报) and escalations to the efficiency office (效能办). */
  public static final String ASSESSMENT = "szcg.assessment";

  /**
   * Notifications to people (通知): one event per notification, keyed by recipient, for the console's
   * inbox. Carries no contact details.
   */
  public static final String NOTIFICATIONS = "szcg.notifications";

  /** Events a consumer could not read, with the reason in the headers. */
  public static final String DEAD_LETTER = "szcg.dead-letter";

  private Topics() {}

  public static List<String> all() {
    return List.of(INTAKE, CASES, CLOCKS, ASSESSMENT, NOTIFICATIONS, DEAD_LETTER);
  }
}
