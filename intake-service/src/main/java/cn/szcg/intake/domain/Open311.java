package cn.szcg.intake.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the Open311 GeoReport v2 interface (issue 22, R-04 public reports, R-07 sharing):
 * which categories of the filing standard are services, what a service definition says, how a
 * report's state is told as a service request's status, which jurisdiction this is and how the
 * query parameters of {@code GET requests} are read. Plain Java; the HTTP shapes (JSON, XML) are
 * the resource's.
 */
public final class Open311 {

  /** The jurisdiction_id of this server: Minqing County (闽清县). */
  public static final String JURISDICTION = "minqing";

  /** Also accepted: the county's administrative division code (行政区划代码). */
  public static final String JURISDICTION_CODE = "350124";

  /** The spec's default window of GET requests when no dates are given: the last 90 days. */
  public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

  /** The spec's most requests one GET returns. */
  public static final int MAX_RESULTS = 1000;

  /** Most ids in one {@code service_request_id} or codes in one {@code service_code} list. */
  public static final int MAX_LIST = 100;

  private Open311() {}

  /** A service (服务类型) = a publicly reportable category (公众可报小类) of the filing standard. */
  public record Service(
      String serviceCode,
      String serviceName,
      String description,
      boolean metadata,
      String type,
      String keywords,
      String group) {}

  /** One value of a list attribute. */
  public record Value(String key, String name) {}

  /** One attribute of a service definition (the spec's fields). */
  public record Attribute(
      boolean variable,
      String code,
      String datatype,
      boolean required,
      String datatypeDescription,
      int order,
      String description,
      List<Value> values) {}

  /** The service definition: its attributes. */
  public record Definition(String serviceCode, List<Attribute> attributes) {}

  /** The kinds a citizen may choose (举报, 投诉): attribute {@code kind}; a consultation is not. */
  public static final List<Value> KINDS =
      List.of(new Value("REPORT", "举报 / report"), new Value("COMPLAINT", "投诉 / complaint"));

  /**
   * The services: every category of the filing standard in force whose {@code publicReportable}
   * flag is set (the categories the public may report directly, filing-standard.md §1), in the
   * standard's order. Name and description Chinese first, then English; the description is the
   * category's filing condition (立案条件: what makes a report a case), so that a citizen knows what
   * qualifies; the group is its major class (大类).
   */
  public static List<Service> services(Catalogue catalogue) {
    List<Service> out = new ArrayList<>();
    for (Category c : catalogue.categories()) {
      if (!c.publicReportable()) {
        continue;
      }
      String group =
          catalogue
              .majorClass(c.majorClassCode())
              .map(m -> both(m.nameZh(), m.nameEn()))
              .orElse(null);
      out.add(
          new Service(
              c.code(),
              both(c.nameZh(), c.nameEn()),
              c.filingCondition() == null ? null : c.filingCondition().toString(),
              true,
              "realtime",
              c.nameZh()
                  + ","
                  + c.nameEn()
                  + ","
                  + (c.type() == CategoryType.COMPONENT ? "部件" : "事件"),
              group));
    }
    return out;
  }

  /** The definition of one service, or empty when the code is not a public service. */
  public static Optional<Definition> definition(Catalogue catalogue, String serviceCode) {
    Optional<Category> c = catalogue.find(serviceCode);
    if (c.isEmpty() || !c.get().publicReportable()) {
      return Optional.empty();
    }
    return Optional.of(
        new Definition(
            serviceCode,
            List.of(
                new Attribute(
                    true,
                    "kind",
                    "singlevaluelist",
                    false,
                    "REPORT 举报 (default) or COMPLAINT 投诉",
                    1,
                    "举报还是投诉 / a report or a complaint",
                    KINDS))));
  }

  /** The kind from {@code attribute[kind]}: REPORT when absent; empty when not one of the list. */
  public static Optional<String> kind(String attribute) {
    if (attribute == null || attribute.isBlank()) {
      return Optional.of("REPORT");
    }
    String k = attribute.strip().toUpperCase(Locale.ROOT);
    return KINDS.stream().anyMatch(v -> v.key().equals(k)) ? Optional.of(k) : Optional.empty();
  }

  /**
   * The status of a service request: the spec's {@code open}/{@code closed}, with a detailed status
   * (the common extended statuses) and a note.
   */
  public record Status(String status, String detailed, BilingualText note) {
    public boolean open() {
      return "open".equals(status);
    }
  }

  /**
   * The mapping (docs/api.md, "Open311 GeoReport v2"): intake's state before filing, the case's
   * state in dispatch-service after (as intake follows it from {@code szcg.cases}).
   *
   * <table>
   *   <tr><th>intake / case state</th><th>status</th><th>detailed</th></tr>
   *   <tr><td>REGISTERED</td><td>open</td><td>submitted</td></tr>
   *   <tr><td>VERIFICATION_PENDING, VERIFIED, REFUTED; FILED awaiting dispatch</td><td>open</td><td>acknowledged</td></tr>
   *   <tr><td>FILED, case dispatched … checked</td><td>open</td><td>in_progress</td></tr>
   *   <tr><td>case CLOSED</td><td>closed</td><td>fixed</td></tr>
   *   <tr><td>case TRANSFERRED_TO_LAW_ENFORCEMENT</td><td>closed</td><td>referred</td></tr>
   *   <tr><td>case CANCELLED</td><td>closed</td><td>cancelled</td></tr>
   *   <tr><td>REJECTED</td><td>closed</td><td>declined</td></tr>
   *   <tr><td>MERGED</td><td>closed</td><td>duplicate</td></tr>
   *   <tr><td>ANSWERED</td><td>closed</td><td>answered</td></tr>
   * </table>
   */
  public static Status status(IntakeState state, String caseState) {
    switch (state) {
      case REGISTERED:
        return open("submitted", "已登记，等待受理", "registered, awaiting the center");
      case VERIFICATION_PENDING:
      case VERIFIED:
      case REFUTED:
        return open("acknowledged", "已受理，正在现场核实", "acknowledged, being verified on site");
      case REJECTED:
        return closed("declined", "不予立案", "not filed as a case");
      case MERGED:
        return closed("duplicate", "与已有案件重复，已合并", "a duplicate, merged into an existing case");
      case ANSWERED:
        return closed("answered", "已答复", "answered");
      case FILED:
      default:
        break;
    }
    if (caseState == null || caseState.equals("AWAITING_DISPATCH")) {
      return open("acknowledged", "已立案，等待派遣", "filed as a case, awaiting dispatch");
    }
    return switch (caseState) {
      case "CLOSED" -> closed("fixed", "已处置并结案", "handled and closed");
      case "TRANSFERRED_TO_LAW_ENFORCEMENT" ->
          closed("referred", "已移交执法部门", "referred to law enforcement");
      case "CANCELLED" -> closed("cancelled", "已作废", "cancelled");
      default -> open("in_progress", "处置中", "being handled");
    };
  }

  private static Status open(String detailed, String zh, String en) {
    return new Status("open", detailed, BilingualText.of(zh, en));
  }

  private static Status closed(String detailed, String zh, String en) {
    return new Status("closed", detailed, BilingualText.of(zh, en));
  }

  /**
   * Whether {@code jurisdictionId} (optional in the spec: one jurisdiction here) is this county.
   */
  public static boolean isThisJurisdiction(String jurisdictionId) {
    return jurisdictionId == null
        || jurisdictionId.isBlank()
        || JURISDICTION.equalsIgnoreCase(jurisdictionId.strip())
        || JURISDICTION_CODE.equals(jurisdictionId.strip());
  }

  /** The query of GET requests, read and checked. */
  public record Query(
      Set<String> ids,
      Set<String> serviceCodes,
      Instant start,
      Instant end,
      Set<String> statuses) {}

  /**
   * Reads the parameters of {@code GET requests}: comma-separated {@code service_request_id},
   * {@code service_code} and {@code status} (open, closed), {@code start_date}/{@code end_date}
   * (ISO 8601 with offset). Without dates the last 90 days; one date alone is the 90 days from or
   * up to it; the window may not exceed 90 days (the spec's default, so a list stays bounded).
   * Violations name the parameter.
   */
  public static Query query(
      String ids,
      String serviceCodes,
      String startDate,
      String endDate,
      String status,
      Instant now) {
    List<FieldViolation> v = new ArrayList<>();
    Set<String> idSet = list(ids);
    Set<String> codes = list(serviceCodes);
    if (idSet.size() > MAX_LIST) {
      v.add(
          FieldViolation.of(
              "service_request_id", "too_many", "最多 " + MAX_LIST + " 个", "at most " + MAX_LIST));
    }
    if (codes.size() > MAX_LIST) {
      v.add(
          FieldViolation.of(
              "service_code", "too_many", "最多 " + MAX_LIST + " 个", "at most " + MAX_LIST));
    }
    Set<String> statuses = new LinkedHashSet<>();
    for (String s : list(status)) {
      String l = s.toLowerCase(Locale.ROOT);
      if (!l.equals("open") && !l.equals("closed")) {
        v.add(
            FieldViolation.of(
                "status", "unknown_status", "状态须为 open 或 closed", "status is open or closed"));
        break;
      }
      statuses.add(l);
    }
    Instant start = date("start_date", startDate, v);
    Instant end = date("end_date", endDate, v);
    if (start != null && end != null && !start.isBefore(end)) {
      v.add(
          FieldViolation.of(
              "end_date", "before_start", "结束时间须晚于开始时间", "end_date must be after start_date"));
    } else if (start != null
        && end != null
        && Duration.between(start, end).compareTo(DEFAULT_WINDOW) > 0) {
      v.add(
          FieldViolation.of(
              "end_date", "window_too_long", "时间窗口不得超过 90 天", "the window may not exceed 90 days"));
    }
    if (!v.isEmpty()) {
      throw new DomainValidationException("请求参数无效", "invalid parameters", v);
    }
    if (start == null && end == null) {
      end = now;
      start = now.minus(DEFAULT_WINDOW);
    } else if (start == null) {
      start = end.minus(DEFAULT_WINDOW);
    } else if (end == null) {
      end = start.plus(DEFAULT_WINDOW);
    }
    return new Query(idSet, codes, start, end, statuses);
  }

  private static Instant date(String field, String value, List<FieldViolation> v) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      v.add(
          FieldViolation.of(
              field,
              "bad_format",
              "时间须为带时区的 ISO 8601，如 2026-12-07T08:00:00+08:00",
              "a date-time is ISO 8601 with offset, e.g. 2026-12-07T08:00:00+08:00"));
      return null;
    }
  }

  private static Set<String> list(String csv) {
    Set<String> out = new LinkedHashSet<>();
    if (csv == null) {
      return out;
    }
    for (String s : csv.split(",")) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  private static String both(String zh, String en) {
    return en == null || en.isBlank() ? zh : zh + " / " + en;
  }
}
