package cn.szcg.sla.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One year's State Council notice on holiday arrangements (部分节假日安排的通知), as transcribed into the
 * product's calendar data. A year may have several notices (e.g. 2020: the Spring Festival
 * extension); later notices override earlier ones date by date.
 */
public record HolidayNotice(int year, String title, String source, List<HolidayRule> holidays) {

  public HolidayNotice {
    Objects.requireNonNull(title, "title");
    source = source == null ? "" : source;
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }

  public List<DayOverride> dayOverrides() {
    List<DayOverride> out = new ArrayList<>();
    for (HolidayRule h : holidays) {
      out.addAll(h.dayOverrides());
    }
    return out;
  }
}
