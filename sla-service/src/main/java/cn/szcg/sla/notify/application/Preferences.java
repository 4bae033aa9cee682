package cn.szcg.sla.notify.application;

import cn.szcg.platform.web.ProblemException;
import cn.szcg.sla.notify.domain.Contact;
import cn.szcg.sla.notify.domain.PhoneMask;
import cn.szcg.sla.notify.domain.QuietHours;
import cn.szcg.sla.notify.infra.NotifyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** A person's own choices: channels and quiet hours (免打扰时段, Asia/Shanghai). */
@ApplicationScoped
public class Preferences {

  @Inject NotifyStore store;

  /** What a person sees of their entry: the phone masked. */
  public record View(
      String personId,
      String displayName,
      String role,
      String unitId,
      String phone,
      boolean smsEnabled,
      String webhookKind,
      boolean webhookConfigured,
      boolean webhookEnabled,
      String quietStart,
      String quietEnd) {}

  /** The choices a person may change. */
  public record Choices(
      Boolean smsEnabled, Boolean webhookEnabled, String quietStart, String quietEnd) {}

  @Transactional
  public View mine(String personId, String role, String unitId) {
    return view(store.contact(personId).orElseGet(() -> blank(personId, role, unitId)));
  }

  @Transactional
  public View update(String personId, String role, String unitId, Choices c) {
    if (c == null) {
      throw ProblemException.invalidField("body", "REQUIRED", "请求体为空 / the body is missing");
    }
    QuietHours quiet = quiet(c.quietStart(), c.quietEnd());
    Contact old = store.contact(personId).orElseGet(() -> blank(personId, role, unitId));
    Contact next =
        new Contact(
            old.personId(),
            old.displayName(),
            old.role(),
            old.unitId(),
            old.collectorId(),
            old.onDuty(),
            old.phone(),
            old.webhookKind(),
            old.webhookUrl(),
            old.webhookSecret(),
            c.smsEnabled() == null ? old.smsEnabled() : c.smsEnabled(),
            c.webhookEnabled() == null ? old.webhookEnabled() : c.webhookEnabled(),
            quiet);
    store.upsertContact(next);
    return view(next);
  }

  static QuietHours quiet(String start, String end) {
    boolean s = start != null && !start.isBlank();
    boolean e = end != null && !end.isBlank();
    if (!s && !e) {
      return null;
    }
    if (!s) {
      throw ProblemException.invalidField(
          "quietStart", "REQUIRED", "免打扰开始时间必填 / quietStart is required with quietEnd");
    }
    if (!e) {
      throw ProblemException.invalidField(
          "quietEnd", "REQUIRED", "免打扰结束时间必填 / quietEnd is required with quietStart");
    }
    LocalTime a = time("quietStart", start);
    LocalTime b = time("quietEnd", end);
    if (a.equals(b)) {
      throw ProblemException.invalidField(
          "quietEnd", "EMPTY_WINDOW", "免打扰时段不能为空 / quietEnd must differ from quietStart");
    }
    return new QuietHours(a, b);
  }

  private static LocalTime time(String field, String v) {
    if (!v.matches("\\d{2}:\\d{2}")) {
      throw ProblemException.invalidField(
          field, "FORMAT", "时间格式应为 HH:mm / " + field + " must be HH:mm");
    }
    try {
      return LocalTime.parse(v);
    } catch (DateTimeParseException e) {
      throw ProblemException.invalidField(
          field, "FORMAT", "时间无效 / " + field + " is not a time of day");
    }
  }

  private static Contact blank(String personId, String role, String unitId) {
    return new Contact(
        personId,
        personId,
        role == null ? "" : role,
        unitId,
        null,
        true,
        null,
        null,
        null,
        null,
        true,
        false,
        null);
  }

  private static View view(Contact c) {
    return new View(
        c.personId(),
        c.displayName(),
        c.role(),
        c.unitId(),
        PhoneMask.mask(c.phone()),
        c.smsEnabled(),
        c.webhookKind(),
        c.webhookUrl() != null && !c.webhookUrl().isBlank(),
        c.webhookEnabled(),
        c.quiet() == null ? null : c.quiet().start().toString(),
        c.quiet() == null ? null : c.quiet().end().toString());
  }
}
