package cn.szcg.dispatch.domain;

/**
 * A rule of the case lifecycle refused a command. The message is Chinese first, then English,
 * separated by " / "; {@link #messageZh()} and {@link #messageEn()} give each half. {@link #code()}
 * is a stable machine code for problem+json.
 */
public abstract class CaseDomainException extends RuntimeException {

  private final String code;
  private final String messageZh;
  private final String messageEn;

  protected CaseDomainException(String code, String messageZh, String messageEn) {
    super(messageZh + " / " + messageEn);
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  /** Stable code, e.g. {@code ILLEGAL_TRANSITION}, {@code RETURN_WINDOW_CLOSED}. */
  public String code() {
    return code;
  }

  public String messageZh() {
    return messageZh;
  }

  public String messageEn() {
    return messageEn;
  }

  /** Short title for problem+json, Chinese first with English. */
  public abstract String title();
}
