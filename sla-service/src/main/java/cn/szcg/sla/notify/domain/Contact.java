package cn.szcg.sla.notify.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * One person of the contact directory and their own choices. {@code phone} never leaves the service
 * except inside an SMPP PDU ({@link PhoneMask}).
 */
public record Contact(
    String personId,
    String displayName,
    String role,
    String unitId,
    String collectorId,
    boolean onDuty,
    String phone,
    String webhookKind,
    String webhookUrl,
    String webhookSecret,
    boolean smsEnabled,
    boolean webhookEnabled,
    QuietHours quiet) {

  /** The outward channels of a notification besides the console inbox (always). */
  public enum Channel {
    CONSOLE,
    SMS,
    WEBHOOK
  }

  /**
   * The channels a notification goes by: the console always; SMS when a phone is known and the
   * person chose it — or the notification is urgent (a breach reaches the leader by SMS even if
   * they turned SMS off); the webhook when configured and chosen.
   */
  public Set<Channel> channels(boolean urgent) {
    Set<Channel> out = EnumSet.of(Channel.CONSOLE);
    if (phone != null && !phone.isBlank() && (smsEnabled || urgent)) {
      out.add(Channel.SMS);
    }
    if (webhookUrl != null && !webhookUrl.isBlank() && webhookEnabled) {
      out.add(Channel.WEBHOOK);
    }
    return out;
  }
}
