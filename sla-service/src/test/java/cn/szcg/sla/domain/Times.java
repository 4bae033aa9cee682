package cn.szcg.sla.domain;

import cn.szcg.sla.infra.HolidayDataLoader;
import java.time.Instant;
import java.time.LocalDateTime;

/** Test helper: local Shanghai date-times as instants. */
final class Times {
  private Times() {}

  /** {@code t("2026-03-02T11:30")} → that wall-clock time in Asia/Shanghai. */
  static Instant t(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(WorkCalendar.SHANGHAI).toInstant();
  }

  /** The shipped Minqing calendar (work hours + China holidays 2016–2026), built once. */
  static final WorkCalendar MINQING = HolidayDataLoader.minqingCalendar();
}
