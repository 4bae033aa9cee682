package cn.szcg.sla.infra;

import cn.szcg.sla.domain.CalendarHorizon;
import cn.szcg.sla.domain.WorkCalendar;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Where the calendar's knowledge ends (docs/sla-calendar.md §2): the health check {@code calendar}
 * and the gauge {@code szcg_calendar_certain_horizon_days}.
 *
 * <p>From 1 December (Asia/Shanghai) of a year whose next-year holiday notice is not stored, the
 * check reports {@code status: DEGRADED} in its data. Its own health status stays UP on purpose: it
 * is a readiness and a wellness check, and a DOWN readiness check would take every instance out of
 * the load balancer for a missing document that only an administrator can supply — the clocks and
 * the API keep working, with deadlines past the horizon marked {@code calendarCertain: false}.
 * Monitoring alerts on the gauge (≤ 31) or on the data field, not on the HTTP status.
 *
 * <p>The time comes from a {@link Clock} ({@link #useClock} in tests), never from the wall clock
 * directly, so tests do not depend on today's date.
 */
@Readiness
@Wellness
@ApplicationScoped
public class CalendarHealth implements HealthCheck {

  /** Prometheus name {@code szcg_calendar_certain_horizon_days}. */
  public static final String GAUGE = "szcg.calendar.certain.horizon.days";

  @Inject Calendars calendars;
  @Inject MeterRegistry registry;

  private volatile Clock clock = Clock.system(WorkCalendar.SHANGHAI);

  void registerGauge(@Observes StartupEvent e) {
    Gauge.builder(GAUGE, this, CalendarHealth::daysLeftOrNaN)
        .description(
            "days of certain holiday horizon left: today up to 31 December of the last year with a"
                + " stored holiday notice (节假日安排)")
        .baseUnit("days")
        .register(registry);
  }

  /** The time source (tests set a fixed clock; production the system clock). */
  public void useClock(Clock c) {
    this.clock = c == null ? Clock.system(WorkCalendar.SHANGHAI) : c;
  }

  /** Today in Asia/Shanghai by the time source. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(WorkCalendar.SHANGHAI));
  }

  double daysLeftOrNaN() {
    try {
      return CalendarHorizon.of(calendars.current()).daysLeft(today());
    } catch (RuntimeException ex) {
      return Double.NaN;
    }
  }

  @Override
  public HealthCheckResponse call() {
    var b = HealthCheckResponse.named("calendar").up();
    try {
      CalendarHorizon h = CalendarHorizon.of(calendars.current());
      LocalDate today = today();
      CalendarHorizon.Status st = h.status(today);
      b.withData("status", st.name())
          .withData("today", today.toString())
          .withData("lastNoticeYear", h.lastCertainYear())
          .withData("certainUntil", h.firstUncertainDay().minusDays(1).toString())
          .withData("certainHorizonDays", h.daysLeft(today))
          .withData("calendarVersion", calendars.current().version());
      if (st == CalendarHorizon.Status.DEGRADED) {
        int missing = h.lastCertainYear() + 1;
        b.withData(
            "message",
            missing
                + " 年节假日安排通知未录入：此后法定节假日按工作日计，请录入通知（PUT /api/v1/calendar/years/"
                + missing
                + "）/ the "
                + missing
                + " holiday notice is not stored: its holidays count as working days until it is"
                + " (PUT /api/v1/calendar/years/"
                + missing
                + ")");
      }
    } catch (RuntimeException ex) {
      b.withData("status", "UNKNOWN").withData("error", String.valueOf(ex.getMessage()));
    }
    return b.build();
  }
}
