package cn.szcg.intake.domain;

/**
 * The answer of {@link CollectorEligibility}: allowed, or refused with a reason and a message
 * (Chinese first, English too).
 */
public record Eligibility(boolean allowed, Reason reason, BilingualText message) {

  /** Why a collector may not report. */
  public enum Reason {
    /** 已停用 */
    DEACTIVATED,
    /** 不属于该采集单位 */
    UNIT_MISMATCH,
    /** 合同尚未生效 */
    UNIT_CONTRACT_NOT_STARTED,
    /** 合同已到期或已终止 */
    UNIT_CONTRACT_ENDED,
    /** 未取得培训合格证 */
    UNCERTIFIED,
    /** 合格证尚未生效 */
    CERTIFICATE_NOT_YET_VALID,
    /** 合格证已过期 */
    CERTIFICATE_EXPIRED
  }

  private static final Eligibility ALLOWED =
      new Eligibility(true, null, new BilingualText("允许上报", "allowed to report"));

  public static Eligibility allowedToReport() {
    return ALLOWED;
  }

  public static Eligibility refused(Reason reason, String zh, String en) {
    return new Eligibility(false, reason, new BilingualText(zh, en));
  }
}
