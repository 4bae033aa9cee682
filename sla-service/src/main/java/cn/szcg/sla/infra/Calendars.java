package cn.szcg.sla.infra;

import cn.szcg.sla.domain.HolidayDataLoader;
import cn.szcg.sla.domain.StageClockPolicy;
import cn.szcg.sla.domain.WorkCalendar;
import jakarta.enterprise.context.ApplicationScoped;

/** The county's working-time calendar and clock policy in force. */
@ApplicationScoped
public class Calendars {

  private final WorkCalendar minqing = HolidayDataLoader.minqingCalendar();

  public WorkCalendar current() {
    return minqing;
  }

  public StageClockPolicy policy() {
    return StageClockPolicy.MINQING_2016;
  }
}
