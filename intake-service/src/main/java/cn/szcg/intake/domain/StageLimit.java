package cn.szcg.intake.domain;

import cn.szcg.contracts.events.TimeLimit;

/**
 * An optional interim limit (阶段时限) inside the handling of a category, measured like the handling
 * limit from dispatch, e.g. illegal construction (违法建设): {@code STOP} 限时停工 within 2 working hours,
 * before the handling limit 限期拆除 (removal) of 5 working days. {@code key} is a stable machine key
 * (upper-case), unique within its category.
 */
public record StageLimit(String key, String nameZh, String nameEn, TimeLimit limit) {

  public BilingualText name() {
    return new BilingualText(nameZh, nameEn);
  }
}
