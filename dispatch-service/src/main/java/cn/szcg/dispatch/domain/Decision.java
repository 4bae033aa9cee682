package cn.szcg.dispatch.domain;

/** The center's decision on a unit's request (return, extension). */
public enum Decision {
  /** 待审核 */
  PENDING,
  /** 同意 */
  APPROVED,
  /** 驳回 */
  REFUSED,
  /** 已失效: the case was cancelled or transferred before the center decided. */
  LAPSED
}
