package cn.szcg.intake.domain;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.ReportKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Field rules for registering an arrival. Pure: the caller passes the
 * catalogue version in force and the server clock. Returns every violation; an empty list means the
 * arrival may be registered. (Collector eligibility, R-09, is a separate check: {@link
 * CollectorEligibility}.)
 *
 * <table>
 *   <caption>Rules per channel</caption>
 *   <tr><th>rule</th><th>PATROL</th><th>VIDEO</th><th>LEADER / MEDIA</th><th>WEBSITE / WEIBO /
 *   HOTLINE / PHONE 来电 / WALK_IN 来访</th></tr>
 *   <tr><td>kinds allowed</td><td>REPORT</td><td>REPORT</td><td>REPORT, COMPLAINT</td>
 *   <td>REPORT, COMPLAINT, CONSULTATION</td></tr>
 *   <tr><td>categoryCode</td><td>required</td><td>required</td><td>optional</td>
 *   <td>optional; must be public-reportable if given</td></tr>
 *   <tr><td>location</td><td>required</td><td>optional</td><td>optional</td><td>optional</td></tr>
 *   <tr><td>other</td><td>collectorId</td><td>cameraId, sourceRef</td><td>description</td>
 *   <td>description; sourceRef for the pushed WEBSITE / WEIBO / HOTLINE</td></tr>
 * </table>
 *
 * <p>Everywhere: a given category must exist in the catalogue; a given point must be valid and
 * inside the service area; description, address, name and source reference within their lengths;
 * device time not more than {@link IntakeRules#maxClockSkew()} ahead of the server; phone a Chinese
 * mobile or landline number; attachments per {@link AttachmentPolicy}.
 */
public final class IntakeValidator {

  private static final Set<ReportKind> REPORT_ONLY = EnumSet.of(ReportKind.REPORT);
  private static final Set<ReportKind> NO_CONSULTATION =
      EnumSet.of(ReportKind.REPORT, ReportKind.COMPLAINT);
  private static final Set<ReportKind> ALL_KINDS = EnumSet.allOf(ReportKind.class);

  private final IntakeRules rules;

  public IntakeValidator(IntakeRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  public IntakeRules rules() {
    return rules;
  }

  /** The kinds an arrival on this channel may have. */
  public static Set<ReportKind> kindsAllowed(Channel channel) {
    return switch (channel) {
      case PATROL, VIDEO -> REPORT_ONLY;
      case LEADER, MEDIA -> NO_CONSULTATION;
      case WEBSITE, WEIBO, HOTLINE, PHONE, WALK_IN -> ALL_KINDS;
    };
  }

  /** Whether the channel requires a category at registration (collector and video reports). */
  public static boolean categoryRequired(Channel channel) {
    return channel == Channel.PATROL || channel == Channel.VIDEO;
  }

  /** All violations of {@code cmd}; empty when it may be registered. */
  public List<FieldViolation> validate(ReportCommand cmd, Catalogue catalogue, Instant now) {
    List<FieldViolation> out = new ArrayList<>();
    Channel ch = cmd.channel();
    ReportKind kind = cmd.kind();
    if (ch == null) {
      out.add(req("channel", "渠道", "channel"));
    }
    if (kind == null) {
      out.add(req("kind", "诉求类型", "kind"));
    }
    if (ch != null && kind != null && !kindsAllowed(ch).contains(kind)) {
      out.add(
          v(
              "kind",
              "kind_not_allowed",
              "渠道 " + ch + " 不接受 " + kind + " 类诉求，只接受 " + kindsAllowed(ch),
              "channel " + ch + " does not accept " + kind + ", only " + kindsAllowed(ch)));
    }

    // category
    String code = blankToNull(cmd.categoryCode());
    if (code == null) {
      if (ch != null && categoryRequired(ch)) {
        out.add(req("categoryCode", "问题分类", "category"));
      }
    } else {
      Optional<Category> cat = catalogue.find(code);
      if (cat.isEmpty()) {
        out.add(
            v(
                "categoryCode",
                "unknown_category",
                "立案、结案规范第 " + catalogue.version() + " 版中没有分类 " + code,
                "category " + code + " is not in filing standard version " + catalogue.version()));
      } else if (ch != null && ch.isPublic() && !cat.get().publicReportable()) {
        out.add(
            v(
                "categoryCode",
                "not_public",
                "分类 " + code + "（" + cat.get().nameZh() + "）不接受公众直接上报",
                "category "
                    + code
                    + " ("
                    + cat.get().nameEn()
                    + ") cannot be reported by the public"));
      }
    }

    // location
    if (cmd.location() == null) {
      if (ch == Channel.PATROL) {
        out.add(req("location", "位置坐标", "location"));
      }
    } else if (!Geo.isValid(cmd.location())) {
      out.add(
          v(
              "location",
              "invalid_coordinates",
              "坐标无效（经度 -180..180，纬度 -90..90）",
              "invalid coordinates (lon -180..180, lat -90..90)"));
    } else if (!rules.serviceArea().contains(cmd.location())) {
      out.add(
          v(
              "location",
              "out_of_area",
              "位置不在闽清县服务范围内：" + cmd.location().lon() + "," + cmd.location().lat(),
              "location outside the county's service area: "
                  + cmd.location().lon()
                  + ","
                  + cmd.location().lat()));
    }

    // channel-specific identifiers
    if (ch == Channel.PATROL && blankToNull(cmd.collectorId()) == null) {
      out.add(req("collectorId", "信息采集员", "collector id"));
    }
    if (ch == Channel.VIDEO && blankToNull(cmd.cameraId()) == null) {
      out.add(req("cameraId", "视频监控点编号", "camera id"));
    }
    maxLen(out, "cameraId", cmd.cameraId(), 64);
    maxLen(out, "collectorId", cmd.collectorId(), 64);
    if (ch != null && rules.pushedChannels().contains(ch) && blankToNull(cmd.sourceRef()) == null) {
      out.add(req("sourceRef", "来源系统编号", "source reference"));
    }
    maxLen(out, "sourceRef", cmd.sourceRef(), rules.sourceRefMaxLength());

    // description
    String desc = cmd.description();
    if (blankToNull(desc) == null) {
      if (ch != null && ch != Channel.PATROL && ch != Channel.VIDEO) {
        out.add(req("description", "问题描述", "description"));
      }
    } else {
      maxLen(out, "description", desc.strip(), rules.descriptionMaxLength());
    }
    maxLen(out, "address", cmd.address(), rules.addressMaxLength());

    // device time
    if (cmd.deviceTime() != null && cmd.deviceTime().isAfter(now.plus(rules.maxClockSkew()))) {
      out.add(
          v(
              "deviceTime",
              "in_future",
              "设备时间 " + cmd.deviceTime() + " 晚于服务器时间超过 " + rules.maxClockSkew().toMinutes() + " 分钟",
              "device time "
                  + cmd.deviceTime()
                  + " is more than "
                  + rules.maxClockSkew().toMinutes()
                  + " minutes ahead of the server"));
    }

    // reporter
    maxLen(out, "reporterName", cmd.reporterName(), rules.reporterNameMaxLength());
    if (blankToNull(cmd.reporterPhone()) != null && !PhoneNumbers.isValid(cmd.reporterPhone())) {
      out.add(
          v(
              "reporterPhone",
              "bad_format",
              "电话号码格式错误，应为手机号（1[3-9] 开头 11 位）或带区号的固定电话（如 0591-22334455）",
              "phone must be a Chinese mobile (11 digits starting 1[3-9]) or a landline with area"
                  + " code (e.g. 0591-22334455)"));
    }

    // attachments
    out.addAll(rules.attachments().validate(cmd.attachments(), "attachments"));
    if (ch == Channel.PATROL
        && rules.patrolPhotoRequired()
        && cmd.attachments().stream()
            .noneMatch(a -> a != null && AttachmentPolicy.isImage(a.contentType()))) {
      out.add(
          v(
              "attachments",
              "photo_required",
              "巡查上报须附至少一张现场照片",
              "a patrol report needs at least one photo"));
    }
    return out;
  }

  /** Like {@link #validate} but throws {@link DomainValidationException} if anything is wrong. */
  public void validateOrThrow(ReportCommand cmd, Catalogue catalogue, Instant now) {
    List<FieldViolation> violations = validate(cmd, catalogue, now);
    if (!violations.isEmpty()) {
      throw new DomainValidationException("上报信息不完整或有误", "invalid report", violations);
    }
  }

  private static void maxLen(List<FieldViolation> out, String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      out.add(
          v(field, "too_long", "长度不得超过 " + max + " 个字符", "must not exceed " + max + " characters"));
    }
  }

  private static FieldViolation req(String field, String zh, String en) {
    return v(field, "required", "必须填写" + zh, en + " is required");
  }

  private static FieldViolation v(String field, String code, String zh, String en) {
    return FieldViolation.of(field, code, zh, en);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
