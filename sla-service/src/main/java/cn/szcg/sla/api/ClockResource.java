package cn.szcg.sla.api;

import cn.szcg.platform.security.Caller;
import cn.szcg.platform.security.Roles;
import cn.szcg.platform.web.ProblemException;
import cn.szcg.sla.domain.ClockState;
import cn.szcg.sla.domain.StageClock;
import cn.szcg.sla.infra.ClockRecord;
import cn.szcg.sla.infra.ClockStore;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clocks of a case: what an operator shows a unit that disputes a breach. */
@Path("/api/v1/cases/{caseId}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "clocks", description = "计时 / the clocks of a case")
@RolesAllowed({
  Roles.OPERATOR,
  Roles.SHIFT_LEAD,
  Roles.DISPATCHER,
  Roles.SUPERVISION_OFFICE,
  Roles.EFFICIENCY_OFFICE,
  Roles.COUNTY_GOVERNMENT,
  Roles.ADMIN,
  Roles.UNIT_RECEIVER,
  Roles.UNIT_LEADER,
  Roles.UNIT_HANDLER
})
public class ClockResource {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd EEE HH:mm:ss", Locale.ENGLISH)
          .withZone(ZoneId.of("Asia/Shanghai"));

  @Inject ClockStore clocks;
  @Inject Caller caller;

  /**
   * One stage clock. {@code remaining}, {@code elapsed}, {@code budget} and {@code pausedTime} are
   * in the limit's own kind ({@code timeKind}: WORKING time on the calendar, or NATURAL time).
   */
  public record ClockView(
      String id,
      String stage,
      String stageName,
      String requirement,
      String orderId,
      String unitId,
      String zone,
      boolean emergency,
      int limitAmount,
      String limitUnit,
      String originalLimit,
      String timeKind,
      Instant startedAt,
      Instant warningAt,
      Instant deadline,
      String state,
      String stateNow,
      Instant now,
      Duration budget,
      Duration elapsed,
      Duration remaining,
      Duration pausedTime,
      List<StageClock.Pause> pauses,
      List<StageClock.Extension> extensions,
      Instant stoppedAt,
      String stopReason,
      Boolean onTime,
      Instant warnedAt,
      Boolean warnedLate,
      Instant breachedAt,
      Boolean breachedLate,
      String policyVersion,
      String calendarVersion,
      boolean calendarCertain,
      String parentOrderId,
      String parentUnitId,
      String explanation) {}

  @GET
  @Operation(operationId = "listCaseClocks", summary = "案件计时 / every clock of a case")
  public List<ClockView> clocks(@PathParam("caseId") String caseId) {
    Instant now = Instant.now();
    List<ClockRecord> all = ClockRecord.ofCase(caseId);
    if (caller.isUnitScoped()) {
      // a unit sees the clocks of its own orders only (a department: of its sub-orders; a township
      // body also the sub-orders it re-dispatched); another unit's case does not exist for it
      String unit = caller.unit();
      all =
          all.stream()
              .filter(c -> unit != null && (unit.equals(c.unitId) || unit.equals(c.parentUnitId)))
              .toList();
      if (all.isEmpty()) {
        throw ProblemException.notFound("case", caseId);
      }
    }
    return all.stream().map(c -> view(c, now)).toList();
  }

  private ClockView view(ClockRecord c, Instant now) {
    StageClock k = clocks.domain(c);
    ClockState st = k.state(now);
    Duration paused = k.pausedTime(now);
    String kind = k.countsWorkingTime() ? "WORKING" : "NATURAL";
    return new ClockView(
        c.id.toString(),
        c.stage,
        k.stage().chineseName(),
        k.stage().requirement(),
        c.orderId,
        c.unitId,
        c.zone,
        c.emergency,
        c.limitAmount,
        c.limitUnit,
        k.originalLimit().amount() + " " + k.originalLimit().unit(),
        kind,
        c.startedAt,
        c.warningAt,
        c.deadline,
        c.state,
        st.name(),
        now,
        k.budget(),
        k.elapsed(now),
        k.remaining(now),
        paused,
        k.pauses(),
        k.extensions(),
        c.stoppedAt,
        c.stopReason,
        c.onTime,
        c.warnedAt,
        c.warnedLate,
        c.breachedAt,
        c.breachedLate,
        c.policyVersion,
        c.calendarVersion,
        k.calendarCertain(),
        c.parentOrderId,
        c.parentUnitId,
        explain(c, k, st, now));
  }

  static String explain(ClockRecord c, StageClock k, ClockState st, Instant now) {
    String kindZh = k.countsWorkingTime() ? "工作时间" : "自然时间";
    String kindEn = k.countsWorkingTime() ? "working time" : "natural time";
    StringBuilder zh = new StringBuilder();
    StringBuilder en = new StringBuilder();
    zh.append(k.stage().chineseName())
        .append("（")
        .append(k.stage().requirement())
        .append("）时限 ")
        .append(k.limit().amount())
        .append(" ")
        .append(DeadlineResource.unitZh(k.limit().unit()));
    en.append(k.stage())
        .append(" (")
        .append(k.stage().requirement())
        .append(") limit ")
        .append(k.limit().amount())
        .append(" ")
        .append(k.limit().unit());
    if (k.emergency()) {
      zh.append("，突发事件按自然时间计（R-20）");
      en.append(", emergency: natural time (R-20)");
      if (k.stage().countsFromAcceptanceInEmergency()) {
        zh.append("，自受理之时起计算、不得缓办（第二十九条）");
        en.append(
            ", counted from acceptance (受理, the report's registration), not deferrable (Art 29)");
      }
    }
    if (k.stage() == cn.szcg.sla.domain.Stage.SUB_HANDLING) {
      zh.append("，二级派遣截止时间同上级单位处置截止时间");
      en.append(", a sub-order ends with its township body's handling deadline");
    }
    if ("FRINGE".equals(c.zone) && k.stage().doubledInFringe()) {
      zh.append("，城乡结合部时限加倍");
      en.append(", doubled in the urban-rural fringe");
    }
    zh.append("；").append(LOCAL.format(k.start())).append(" 起计，截止 ");
    zh.append(LOCAL.format(k.deadline())).append("，预警 ").append(LOCAL.format(k.warningAt()));
    en.append("; started ")
        .append(LOCAL.format(k.start()))
        .append(", due ")
        .append(LOCAL.format(k.deadline()))
        .append(", warning at ")
        .append(LOCAL.format(k.warningAt()));
    if (!k.extensions().isEmpty()) {
      zh.append("；延期 ").append(k.extensions().size()).append(" 次");
      en.append("; extended ").append(k.extensions().size()).append(" time(s)");
    }
    if (!k.pauses().isEmpty()) {
      Duration p = k.pausedTime(now);
      zh.append("；挂起 ").append(k.pauses().size()).append(" 次，共").append(kindZh);
      zh.append(" ").append(fmt(p));
      en.append("; suspended ").append(k.pauses().size()).append(" time(s), ");
      en.append(fmt(p)).append(" of ").append(kindEn);
      if (k.isPaused()) {
        StageClock.Pause open = k.pauses().get(k.pauses().size() - 1);
        zh.append("，").append(LOCAL.format(open.from())).append(" 起挂起中（").append(open.reason());
        zh.append("），恢复后截止时间顺延");
        en.append(", suspended since ")
            .append(LOCAL.format(open.from()))
            .append(" (")
            .append(open.reason())
            .append("); the deadline moves on resumption");
      }
    }
    if (k.isStopped()) {
      Instant s = k.stoppedAt().orElseThrow();
      boolean late = s.isAfter(k.deadline());
      zh.append("；").append(LOCAL.format(s)).append(" 停止（").append(nz(c.stopReason));
      zh.append("），").append(late ? "超时完成" : "按时");
      en.append("; stopped ")
          .append(LOCAL.format(s))
          .append(" (")
          .append(nz(c.stopReason))
          .append("), ")
          .append(late ? "late" : "on time");
    } else {
      Duration r = k.remaining(now);
      zh.append("；当前 ").append(st).append("，剩余").append(kindZh).append(" ").append(fmt(r));
      en.append("; now ").append(st).append(", ").append(kindEn).append(" left ").append(fmt(r));
    }
    if (!k.calendarCertain()) {
      int y = k.calendar().certainThroughYear().orElse(0);
      zh.append("；截止时间超出已录入节假日安排的最后一年（")
          .append(y)
          .append("），")
          .append(y + 1)
          .append(" 年法定节假日未知、按工作日计，录入通知后重算");
      en.append("; the deadline lies past the last year with a stored holiday notice (")
          .append(y)
          .append("): holidays of ")
          .append(y + 1)
          .append(" are unknown and count as working days; recomputed when the notice is stored");
    }
    zh.append("（日历 ").append(k.calendarVersion()).append("，规则 ").append(k.policyVersion());
    zh.append("）");
    en.append(" (calendar ")
        .append(k.calendarVersion())
        .append(", rules ")
        .append(k.policyVersion())
        .append(")");
    return zh + " / " + en;
  }

  static String fmt(Duration d) {
    String sign = d.isNegative() ? "-" : "";
    Duration a = d.abs();
    return sign + a.toHours() + "h" + String.format("%02d", a.toMinutesPart()) + "m";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
