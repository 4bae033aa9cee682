package cn.szcg.dispatch.domain;

/** Why handling is suspended (挂起/缓办 reason), recorded with the free-text reason. */
public enum SuspensionReason {
  /** 天气原因: e.g. a typhoon, heavy rain, freezing weather. */
  WEATHER("天气原因"),
  /** 司法程序: waiting for a court ruling or another legal procedure. */
  COURT_RULING("等待司法裁决"),
  /** 第三方原因: waiting for a third party (owner, utility, permit authority). */
  THIRD_PARTY("等待第三方"),
  /** 其他 (the text says what). */
  OTHER("其他");

  private final String labelZh;

  SuspensionReason(String labelZh) {
    this.labelZh = labelZh;
  }

  public String labelZh() {
    return labelZh;
  }
}
