package cn.szcg.intake.application;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.ReportKind;
import cn.szcg.intake.domain.DomainValidationException;
import cn.szcg.intake.domain.FieldViolation;
import cn.szcg.intake.domain.Open311;
import cn.szcg.intake.domain.ReportCommand;
import cn.szcg.intake.domain.ReportNumber;
import cn.szcg.intake.infra.FilingStandard;
import cn.szcg.intake.infra.Open311Store;
import cn.szcg.intake.infra.Report;
import cn.szcg.platform.web.Problem;
import cn.szcg.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case: an Open311 GeoReport v2 service request (issue 22) registered as a public report
 * (channel 政府网站 WEBSITE, R-04) through the same registration as every other channel, remembered as
 * an Open311 request of its app; its status read back. Idempotent per app: the same {@code
 * Idempotency-Key} — or, without one, the same form content on the same day (Asia/Shanghai) — gives
 * the same request, never a second report; the same key with other content is 422.
 */
@ApplicationScoped
public class Open311Requests {

  @Inject RegistrationService registration;
  @Inject AttachmentService attachments;
  @Inject Open311Store store;
  @Inject FilingStandard standard;

  /** The form of POST requests (the spec's parameters this server keeps). */
  public record Submission(
      String serviceCode,
      String lat,
      String lon,
      String address,
      String description,
      String firstName,
      String lastName,
      String phone,
      String kind,
      String mediaUrl) {}

  /** An uploaded {@code media} file. */
  public record Media(byte[] bytes, String contentType, String fileName) {}

  /** The request registered now ({@code created}) or before (a retry). */
  public record Submitted(Report report, boolean created) {}

  /** The idempotency namespace of an app (never shared with a bearer-token client). */
  public static String scope(String app) {
    return "open311:" + app;
  }

  /** The Open311 request whose token (the report's id) is {@code token}; empty if none. */
  public Optional<Report> byToken(String token) {
    UUID id;
    try {
      id = UUID.fromString(token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return store.byReportId(id).map(Open311Store.Row::report);
  }

  /**
   * The Open311 requests (of every app) matching the query's ids, service codes and dates, newest
   * first; more than {@link Open311#MAX_RESULTS} so that a status filter still fills a page.
   */
  public List<Open311Store.Row> list(Open311.Query q) {
    return store.list(q.ids(), q.serviceCodes(), q.start(), q.end(), 5 * Open311.MAX_RESULTS);
  }

  /** One Open311 request by its service_request_id (the report number); empty if none. */
  public Optional<Open311Store.Row> one(String serviceRequestId) {
    return store.byReportNo(serviceRequestId);
  }

  public Submitted submit(
      String app, Submission s, String idempotencyKey, Media media, Instant now) {
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
      throw ProblemException.invalidField(
          "Idempotency-Key", "invalid", "长度须为1至128个字符 / 1 to 128 characters");
    }
    ReportCommand arrival = command(s, now);
    String hash = hash(s, media);
    String key =
        idempotencyKey != null
            ? idempotencyKey
            : "auto:" + hash + ":" + LocalDate.ofInstant(now, ReportNumber.ZONE);
    String scope = scope(app);
    var previous = registration.findPrevious(scope, key, null);
    if (previous.isPresent()) {
      return replay(previous.get().report(), hash, app, s, now);
    }
    var prepared = registration.prepare(arrival, now);
    Report r;
    try {
      r = registration.register(arrival, null, prepared, scope, key, hash, scope, now);
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      var winner = registration.findPrevious(scope, key, null);
      if (winner.isPresent()) {
        return replay(winner.get().report(), hash, app, s, now);
      }
      throw e;
    }
    store.record(r.id, app, blankToNull(s.mediaUrl()), r.registeredAt);
    if (media != null && media.bytes() != null && media.bytes().length > 0) {
      attachments.store(
          r.id, "BEFORE", null, media.fileName(), media.contentType(), media.bytes(), scope, now);
    }
    return new Submitted(r, true);
  }

  private Submitted replay(Report first, String hash, String app, Submission s, Instant now) {
    if (first.requestHash != null && !first.requestHash.equals(hash)) {
      throw new ProblemException(
          422,
          "idempotency-key-reused",
          "幂等键已用于另一请求 / Idempotency-Key reused",
          "该幂等键已用于内容不同的请求（"
              + first.reportNo
              + "）/ this Idempotency-Key was used for a different request ("
              + first.reportNo
              + ")",
          List.of(
              new Problem.FieldError(
                  "Idempotency-Key",
                  "reused",
                  "幂等键已用于内容不同的请求 / the key was used for a different request")));
    }
    // a retry after a crash between registration and this row: record it now
    store.record(first.id, app, blankToNull(s.mediaUrl()), first.registeredAt);
    return new Submitted(first, false);
  }

  /**
   * The arrival as the domain's command: a public report (举报, or 投诉 by {@code attribute[kind]}) of
   * the service's category on channel WEBSITE; the reporter's name and phone kept for the center
   * only. Open311's own rules first (400 naming the spec's parameter); the channel's rules follow
   * in {@link RegistrationService#prepare}.
   */
  ReportCommand command(Submission s, Instant now) {
    List<FieldViolation> v = new ArrayList<>();
    String code = blankToNull(s.serviceCode());
    if (code == null) {
      v.add(FieldViolation.of("service_code", "required", "必须指明服务类型", "service_code is required"));
    } else if (Open311.definition(standard.inForce(now), code).isEmpty()) {
      v.add(
          FieldViolation.of(
              "service_code",
              "unknown_service",
              "不是公众可报的服务类型 " + code,
              "not a service of this jurisdiction: " + code));
    }
    Double lat = number("lat", s.lat(), v);
    Double lon = number("long", s.lon(), v);
    if ((lat == null) != (lon == null) && v.isEmpty()) {
      v.add(
          FieldViolation.of(
              lat == null ? "lat" : "long", "required", "经纬度须成对给出", "lat and long go together"));
    }
    if (lat == null && lon == null && blankToNull(s.address()) == null) {
      v.add(
          FieldViolation.of(
              "lat",
              "required",
              "须给出位置（lat/long）或地址（address_string）",
              "a location (lat/long) or address_string is required"));
    }
    Optional<String> kind = Open311.kind(s.kind());
    if (kind.isEmpty()) {
      v.add(
          FieldViolation.of(
              "attribute[kind]", "unknown_value", "须为 REPORT 或 COMPLAINT", "REPORT or COMPLAINT"));
    }
    String media = blankToNull(s.mediaUrl());
    if (media != null && !httpUrl(media)) {
      v.add(
          FieldViolation.of(
              "media_url",
              "bad_url",
              "须为 http(s) 地址，不超过 1024 个字符",
              "an http(s) URL of at most 1024 characters"));
    }
    if (!v.isEmpty()) {
      throw new DomainValidationException("请求参数无效", "invalid request", v);
    }
    return new ReportCommand(
        Channel.WEBSITE,
        ReportKind.valueOf(kind.get()),
        code,
        lat == null ? null : new GeoPoint(lon, lat),
        blankToNull(s.address()),
        s.description(),
        null,
        null,
        "open311:" + UUID.randomUUID(),
        null,
        name(s.firstName(), s.lastName()),
        blankToNull(s.phone()),
        List.of());
  }

  /** The reporter's name: 姓 + 名 for Chinese names, "first last" otherwise; null when none. */
  static String name(String first, String last) {
    String f = blankToNull(first);
    String l = blankToNull(last);
    if (f == null || l == null) {
      return f != null ? f : l;
    }
    boolean cjk =
        (f + l)
            .codePoints()
            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    return cjk ? l + f : f + " " + l;
  }

  private static boolean httpUrl(String s) {
    if (s.length() > 1024) {
      return false;
    }
    try {
      URI u = URI.create(s);
      return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
          && u.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Double number(String field, String value, List<FieldViolation> v) {
    if (blankToNull(value) == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(value.strip());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // below
    }
    v.add(FieldViolation.of(field, "not_a_number", "须为数字（WGS84 度）", "a number (WGS84 degrees)"));
    return null;
  }

  /** SHA-256 of the form's fields as kept (and of the uploaded file): the request's identity. */
  static String hash(Submission s, Media media) {
    StringBuilder b = new StringBuilder();
    for (String f :
        new String[] {
          s.serviceCode(),
          s.lat(),
          s.lon(),
          s.address(),
          s.description(),
          s.firstName(),
          s.lastName(),
          s.phone(),
          s.kind(),
          s.mediaUrl()
        }) {
      String x = f == null ? "" : f.strip();
      b.append(x.length()).append(':').append(x).append('|');
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(b.toString().getBytes(StandardCharsets.UTF_8));
      if (media != null && media.bytes() != null) {
        md.update(media.bytes());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
