package cn.szcg.dispatch.domain;

/** A change to the unit register was refused (maps to HTTP 409 / 422). */
public final class UnitRegisterException extends RuntimeException {

  private final String code;
  private final String messageZh;
  private final String messageEn;

  public UnitRegisterException(String code, String messageZh, String messageEn) {
    super(messageZh + " / " + messageEn);
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }

  public String code() {
    return code;
  }

  public String messageZh() {
    return messageZh;
  }

  public String messageEn() {
    return messageEn;
  }
}
