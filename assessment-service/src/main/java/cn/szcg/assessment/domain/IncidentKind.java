package cn.szcg.assessment.domain;

/** The three kinds of incident that Art 33 holds a unit to account for. */
public enum IncidentKind {
  /** Art 33(1): order not read and received in time (未及时查阅接收). */
  LATE_SIGN_FOR("未及时查阅接收", "late sign-for", "第三十三条第（一）项"),
  /**
   * Art 33(2): overdue handling (逾期处置: finished after the limit, or failed the check twice) or
   * expired and not handled (过期未处置). One order yields at most one incident of this kind: use the
   * incident id "{orderId}:OVERDUE_OR_EXPIRED_HANDLING" so an expiry followed by late handling is
   * counted once.
   */
  OVERDUE_OR_EXPIRED_HANDLING("未及时处置", "overdue or expired handling", "第三十三条第（二）项"),
  /** Art 33(3): handling not to standard (未按规范要求处置: an on-site check failed). */
  NOT_TO_STANDARD("未按规范要求处置", "handling not to standard", "第三十三条第（三）项");

  private final String zh;
  private final String en;
  private final String article;

  IncidentKind(String zh, String en, String article) {
    this.zh = zh;
    this.en = en;
    this.article = article;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The clause of the regulation (Chinese). */
  public String article() {
    return article;
  }
}
