package cn.szcg.sla.api;

import cn.szcg.contracts.events.LimitUnit;
import cn.szcg.contracts.events.TimeLimit;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.sla.domain.WorkCalendar;
import cn.szcg.sla.infra.Calendars;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The deadline calculator (时限计算器): what the hotline tells a citizen and what an operator answers to
 * "when is this due?". Same arithmetic as the clocks ({@link WorkCalendar#deadline}).
 */
@Path("/api/v1/deadlines")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "deadlines", description = "时限计算 / deadline calculator")
public class DeadlineResource {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd EEE HH:mm", java.util.Locale.ENGLISH);

  @Inject Calendars calendars;

  /**
   * Request: start (ISO-8601 instant), amount ≥ 0, unit (LimitUnit), calendar version (optional).
   */
  public record DeadlineRequest(
      @Schema(example = "2026-12-07T02:00:00Z") String start,
      @Schema(example = "2") Integer amount,
      @Schema(
              type = SchemaType.STRING,
              enumeration = {
                "NATURAL_MINUTES",
                "NATURAL_HOURS",
                "NATURAL_DAYS",
                "WORKING_MINUTES",
                "WORKING_HOURS",
                "WORKING_DAYS"
              },
              example = "WORKING_HOURS")
          String unit, // LimitUnit's constants (a String field: the server names a wrong one)
      String calendar) {}

  /** Answer: the deadline, the working time between start and deadline, and why. */
  public record DeadlineAnswer(
      Instant start,
      int amount,
      LimitUnit unit,
      String calendarVersion,
      Instant countsFrom,
      Instant deadline,
      Duration workingTimeSpanned,
      Duration naturalTimeSpanned,
      String deadlineLocal,
      boolean calendarCertain,
      Integer certainThroughYear,
      String explanation) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "computeDeadline", summary = "计算时限 / compute a deadline")
  public DeadlineAnswer compute(DeadlineRequest req) {
    if (req == null) {
      throw ProblemException.invalidField("body", "required", "请求体不能为空 / body is required");
    }
    return answer(req.start(), req.amount(), req.unit(), req.calendar());
  }

  @GET
  @Operation(
      operationId = "computeDeadlineByQuery",
      summary = "计算时限（查询参数）/ compute a deadline (query parameters)")
  public DeadlineAnswer computeGet(
      @QueryParam("start") String start,
      @QueryParam("amount") String amount,
      @Parameter(schema = @Schema(implementation = LimitUnit.class)) @QueryParam("unit")
          String unit,
      @QueryParam("calendar") String calendar) {
    Integer n = null;
    if (amount != null) {
      try {
        n = Integer.valueOf(amount.trim());
      } catch (NumberFormatException e) {
        throw ProblemException.invalidField(
            "amount", "not-a-number", "数量须为整数 / amount must be an integer");
      }
    }
    return answer(start, n, unit, calendar);
  }

  private DeadlineAnswer answer(String startText, Integer amount, String unitText, String cal) {
    List<Problem.FieldError> errors = new ArrayList<>();
    Instant start = null;
    if (startText == null || startText.isBlank()) {
      errors.add(new Problem.FieldError("start", "required", "开始时间必填 / start is required"));
    } else {
      try {
        start = Instant.parse(startText.trim());
      } catch (DateTimeParseException e) {
        try {
          start = java.time.OffsetDateTime.parse(startText.trim()).toInstant();
        } catch (DateTimeParseException e2) {
          errors.add(
              new Problem.FieldError(
                  "start",
                  "bad-instant",
                  "开始时间须为 ISO-8601 时刻，如 2026-03-02T01:15:00Z / start must be an ISO-8601"
                      + " instant, e.g. 2026-03-02T01:15:00Z"));
        }
      }
    }
    if (amount == null) {
      errors.add(new Problem.FieldError("amount", "required", "数量必填 / amount is required"));
    } else if (amount < 0) {
      errors.add(
          new Problem.FieldError("amount", "negative", "数量不能为负 / amount must not be negative"));
    } else if (amount > 100_000) {
      errors.add(new Problem.FieldError("amount", "too-large", "数量过大（≤100000）/ amount ≤ 100000"));
    }
    LimitUnit unit = null;
    if (unitText == null || unitText.isBlank()) {
      errors.add(new Problem.FieldError("unit", "required", "单位必填 / unit is required"));
    } else {
      try {
        unit = LimitUnit.valueOf(unitText.trim());
      } catch (IllegalArgumentException e) {
        errors.add(
            new Problem.FieldError(
                "unit",
                "unknown-unit",
                "未知单位 / unknown unit; one of " + Arrays.toString(LimitUnit.values())));
      }
    }
    WorkCalendar calendar = calendars.current();
    if (cal != null && !cal.isBlank()) {
      if (!calendars.knows(cal.trim())) {
        errors.add(
            new Problem.FieldError(
                "calendar", "unknown-calendar", "未知日历版本 / unknown calendar version " + cal));
      } else {
        calendar = calendars.byVersion(cal.trim());
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.badRequest(
          errors.stream().map(f -> f.field() + ": " + f.message()).toList().toString(), errors);
    }
    TimeLimit limit = new TimeLimit(amount, unit);
    Instant deadline;
    try {
      deadline = calendar.deadline(start, limit);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw ProblemException.invalidField(
          "start", "out-of-range", "超出日历范围 / outside the calendar's range: " + e.getMessage());
    }
    Instant from = unit.isWorkingTime() ? calendar.nextWorkingMoment(start) : start;
    Duration working = calendar.workingTimeBetween(start, deadline);
    // a working-time deadline past the last year with a stored holiday notice is not certain: that
    // year's official holidays are unknown and counted as working days (docs/sla-calendar.md §2)
    boolean certain = !unit.isWorkingTime() || calendar.isCertain(deadline);
    Integer through =
        calendar.certainThroughYear().isPresent() ? calendar.certainThroughYear().getAsInt() : null;
    String why = explain(calendar, start, from, limit, deadline, working);
    if (!certain) {
      int sep = why.indexOf(" / ");
      why =
          why.substring(0, sep)
              + "；截止时间超出已录入节假日安排的最后一年（"
              + through
              + "），其后法定节假日未知、按工作日计"
              + why.substring(sep)
              + "; the deadline lies past the last year with a stored holiday notice ("
              + through
              + "): later official holidays are unknown and count as working days";
    }
    return new DeadlineAnswer(
        start,
        amount,
        unit,
        calendar.version(),
        from,
        deadline,
        working,
        Duration.between(start, deadline),
        LOCAL.format(deadline.atZone(calendar.zone())),
        certain,
        through,
        why);
  }

  static String explain(
      WorkCalendar cal,
      Instant start,
      Instant from,
      TimeLimit limit,
      Instant deadline,
      Duration w) {
    ZonedDateTime s = start.atZone(cal.zone());
    ZonedDateTime d = deadline.atZone(cal.zone());
    StringBuilder zh = new StringBuilder();
    StringBuilder en = new StringBuilder();
    String when = LOCAL.format(s);
    if (!limit.unit().isWorkingTime()) {
      zh.append("自然时间：").append(when).append(" 起加 ").append(limit.amount()).append(" ");
      zh.append(unitZh(limit.unit())).append("，节假日和夜间照常计算");
      en.append("Natural time: ")
          .append(limit.amount())
          .append(" ")
          .append(limit.unit())
          .append(" added to ")
          .append(when)
          .append("; nights and holidays count");
    } else {
      if (!from.equals(start)) {
        String f = LOCAL.format(from.atZone(cal.zone()));
        zh.append(when).append(" 不在工作时间，从下一个工作时刻 ").append(f).append(" 起计；");
        en.append(when)
            .append(" is outside working time; counting starts at the next working moment ")
            .append(f)
            .append("; ");
      }
      if (limit.unit() == cn.szcg.contracts.events.LimitUnit.WORKING_DAYS) {
        zh.append(limit.amount()).append(" 个工作日 = 第 ").append(limit.amount());
        zh.append(" 个工作日的同一工作时刻（不是 N×24 小时）");
        en.append(limit.amount())
            .append(" working day(s) = the same working moment ")
            .append(limit.amount())
            .append(" working day(s) later (not N × 24 h)");
      } else {
        zh.append("计 ").append(limit.amount()).append(" ").append(unitZh(limit.unit()));
        zh.append("，只计工作时段 ").append(cal.defaultPeriods()).append("，跳过周末、节假日（调休上班日照常计）");
        en.append(limit.amount())
            .append(" ")
            .append(limit.unit())
            .append(" counted in the work periods ")
            .append(cal.defaultPeriods())
            .append(" only, skipping weekends and holidays (adjusted working days count)");
      }
    }
    long h = w.toHours();
    long m = w.toMinutesPart();
    zh.append("。截止 ").append(LOCAL.format(d)).append("（跨工作时间 ").append(h).append(" 小时 ");
    zh.append(m).append(" 分；日历版本 ").append(cal.version()).append("）");
    en.append(". Due ")
        .append(LOCAL.format(d))
        .append(" (")
        .append(h)
        .append(" h ")
        .append(m)
        .append(" min of working time; calendar ")
        .append(cal.version())
        .append(")");
    return zh + " / " + en;
  }

  static String unitZh(LimitUnit u) {
    return switch (u) {
      case NATURAL_MINUTES -> "自然分钟";
      case NATURAL_HOURS -> "自然小时";
      case NATURAL_DAYS -> "自然日";
      case WORKING_MINUTES -> "工作分钟";
      case WORKING_HOURS -> "工作小时";
      case WORKING_DAYS -> "工作日";
    };
  }
}
