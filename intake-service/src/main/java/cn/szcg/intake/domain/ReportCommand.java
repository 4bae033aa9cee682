package cn.szcg.intake.domain;

import cn.szcg.contracts.events.Channel;
import cn.szcg.contracts.events.GeoPoint;
import cn.szcg.contracts.events.ReportKind;
import java.time.Instant;
import java.util.List;

/**
 * An arrival to register (登记, R-04), as the API or an integration hands it to intake. Nullable
 * fields are optional in general; {@link IntakeValidator} decides per channel and kind which are
 * required.
 *
 * @param channel how it arrived (移动巡查, 视频监控, 领导交办, 新闻媒体, 政府网站, 政务微博, 热线)
 * @param kind report (举报), complaint (投诉) or consultation (咨询)
 * @param categoryCode filing-standard code, e.g. "E-0101"; required for PATROL and VIDEO
 * @param location WGS84 point; required for PATROL
 * @param address free-text address (地址描述)
 * @param description the problem as described (问题描述)
 * @param collectorId the reporting collector (信息采集员); required for PATROL
 * @param cameraId the camera (视频监控点); required for VIDEO
 * @param sourceRef id in the pushing system (hotline ticket, Weibo post, website message, video
 *     alarm); required for pushed channels
 * @param deviceTime when the reporter's device says it was observed (may be earlier when offline)
 * @param reporterName public reporter's name (visible to the center only)
 * @param reporterPhone public reporter's phone (visible to the center only)
 * @param attachments photos and documents (evidence, R-10)
 */
public record ReportCommand(
    Channel channel,
    ReportKind kind,
    String categoryCode,
    GeoPoint location,
    String address,
    String description,
    String collectorId,
    String cameraId,
    String sourceRef,
    Instant deviceTime,
    String reporterName,
    String reporterPhone,
    List<AttachmentMeta> attachments) {

  public ReportCommand {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
