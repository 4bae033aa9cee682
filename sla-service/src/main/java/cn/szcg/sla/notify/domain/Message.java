package cn.szcg.sla.notify.domain;

/**
 * One send on one outward channel: the notification id is its idempotency key. {@code phone} is
 * only ever put into the SMPP PDU (never logged: {@link #toString()} masks it).
 */
public record Message(
    String notificationId,
    Contact.Channel channel,
    int attempt,
    String text,
    String phone,
    String webhookKind,
    String webhookUrl,
    String webhookSecret) {

  @Override
  public String toString() {
    return "Message["
        + notificationId
        + " "
        + channel
        + " #"
        + attempt
        + " to "
        + PhoneMask.mask(phone)
        + "]";
  }
}
