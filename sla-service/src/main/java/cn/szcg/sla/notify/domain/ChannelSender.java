package cn.szcg.sla.notify.domain;

/** An outward channel (SMS over SMPP, a government IM robot's webhook). */
public interface ChannelSender {

  Contact.Channel channel();

  /**
   * Sends one message; returns the provider's reference (the SMSC's message id), or null.
   *
   * @throws SendFailure when the channel refused or could not be reached
   */
  String send(Message message) throws SendFailure;

  /** A failed send: {@code retryable} for an outage, not for a permanent refusal. */
  final class SendFailure extends Exception {
    private final boolean retryable;

    public SendFailure(String reason, boolean retryable) {
      super(reason);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
